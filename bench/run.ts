// `npm run bench`: runs every benchmark, prints one table, and writes bench/results/latest.{json,md}.
// Figures are medians (and p95/p99 where the issue asks), each with the baseline measured in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchResult } from './result.js';

interface Suite {
  readonly title: string;
  readonly module: string;
  readonly exportName: string;
}

const SUITES: readonly Suite[] = [
  { title: 'Questionnaire engine', module: './questionnaire-engine.bench.js', exportName: 'runQuestionnaireEngineBench' },
  { title: 'Filling (UI in Chromium)', module: './ui.bench.js', exportName: 'runUiBench' },
  { title: 'Filling on a slow office laptop (UI in Chromium, CPU 4× throttled)', module: './ui-slow.bench.js', exportName: 'runUiSlowBench' },
  { title: 'Package export', module: './package.bench.js', exportName: 'runPackageBench' },
  { title: 'Export of the real questionnaire', module: './export.bench.js', exportName: 'runExportBench' },
  { title: 'IOM import', module: './import.bench.js', exportName: 'runImportBench' },
  { title: 'Questionnaire releases', module: './releases.bench.js', exportName: 'runReleasesBench' },
  { title: 'IOM export with labels and split choices (5,000 submissions)', module: './iom-table.bench.js', exportName: 'runIomTableBench' },
  { title: 'IOM analyst screens (5,000 submissions)', module: './iom-ui.bench.js', exportName: 'runIomUiBench' },
];

const fmt = (n: number | undefined): string =>
  n === undefined || Number.isNaN(n) ? '' : n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);

function verdict(r: BenchResult): string {
  if (r.target === undefined) return '';
  const measured = r.p95 !== undefined && /p95/.test(r.name) ? r.p95 : r.median;
  const met = r.higherIsBetter ? measured >= r.target : measured <= r.target;
  return `${met ? 'met' : 'MISSED'} (${r.higherIsBetter ? '≥' : '≤'} ${fmt(r.target)})`;
}

function row(r: BenchResult): string {
  const ratio = r.baseline && r.baseline.median > 0 ? `${(r.median / r.baseline.median).toFixed(2)}× ${r.baseline.name} (${fmt(r.baseline.median)})` : '';
  return `| ${r.name} | ${fmt(r.median)} ${r.unit} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.runs} | ${ratio} | ${verdict(r)} |`;
}

const only = process.argv.slice(2);
const sections: string[] = [];
const all: Record<string, BenchResult[]> = {};
for (const suite of SUITES) {
  if (only.length > 0 && !only.some((o) => suite.module.includes(o))) continue;
  process.stdout.write(`\n== ${suite.title}\n`);
  const started = performance.now();
  try {
    const mod = (await import(suite.module)) as Record<string, () => Promise<BenchResult[]>>;
    const run = mod[suite.exportName];
    if (!run) throw new Error(`${suite.module} has no export ${suite.exportName}`);
    const results = await run();
    all[suite.title] = results;
    const table = ['| figure | median | p95 | p99 | runs | vs baseline | target |', '| --- | --- | --- | --- | --- | --- | --- |', ...results.map(row)];
    sections.push(`### ${suite.title}\n\n${table.join('\n')}\n`);
    process.stdout.write(`${table.join('\n')}\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    sections.push(`### ${suite.title}\n\nFailed: ${message}\n`);
    process.stdout.write(`FAILED: ${message}\n`);
    process.exitCode = 1;
  }
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const header = `# Benchmark results\n\nMeasured ${new Date().toISOString()} on ${machine} with \`npm run bench\`.\n\n`;
const outDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(outDir, { recursive: true });
if (only.length === 0) {
  fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify({ machine, at: new Date().toISOString(), results: all }, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'latest.md'), header + sections.join('\n'));
}
