// IOM import: 1,000 generated packages (real questionnaire answers, a small attachment each) into an
// empty iom.db, then the consolidated export to CSV and XLSX. The import runs in a fresh child
// process so that its peak RSS is its own. Baseline, same run, same files: bare age decryption
// and unzipping (age-encryption + yauzl, everything inflated in memory), with no checks at all.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { decryptBytes, parseIdentityFile } from '../main/services/crypto/age.js';
import { createIomService } from '../main/services/import/iom-service.js';
import { DEV_IDENTITY_FILE, makePackage, makeSigner } from '../tests/unit/import/package-kit.js';
import { QUESTIONNAIRES_DIR, realQuestionnaire } from '../tests/unit/import/response-kit.js';
import { median, percentile, type BenchResult } from './result.js';

const PACKAGES = 1000;
const EXPORT_RUNS = 3;
const MB = 1024 * 1024;

interface ChildReport {
  readonly importMs: number;
  readonly perPackageMs: number[];
  readonly imported: number;
  readonly rejected: number;
  readonly importPeakRssMb: number;
  /** CPU time (user + system) of the import per package: less sensitive to a busy machine than wall time. */
  readonly cpuMsPerPackage: number;
  readonly csvMs: number[];
  readonly xlsxMs: number[];
  readonly exportPeakRssMb: number;
}

async function generate(inbox: string): Promise<void> {
  const mechanisms = realQuestionnaire().choiceLists.get('mechanisms')?.length ?? 1;
  const signers = Array.from({ length: mechanisms }, (_, i) => makeSigner(`Signer ${i}`));
  for (let i = 0; i < PACKAGES; i++) {
    const m = i % mechanisms;
    const kind = i % 3 === 0 ? 'secretariat' : i % 3 === 1 ? 'state' : 'organisation';
    const attachment = Buffer.from(`%PDF-1.4 report ${i}\n${'x'.repeat(2000)}\n`);
    await makePackage({ dir: inbox, signer: signers[m] ?? makeSigner(), mechanismIndex: m, respondentKind: kind, attachments: kind === 'secretariat' ? [attachment] : [], note: `p${i}` });
  }
}

function unzipAll(zip: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error) {
        reject(error);
        return;
      }
      let bytes = 0;
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e) {
            reject(e);
            return;
          }
          stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
          stream.on('end', () => file.readEntry());
        });
      });
      file.on('end', () => resolve(bytes));
      file.readEntry();
    });
  });
}

async function baseline(files: readonly string[], identity: string): Promise<number[]> {
  const ms: number[] = [];
  for (const file of files) {
    const started = performance.now();
    const zip = await decryptBytes(fs.readFileSync(file), identity);
    await unzipAll(Buffer.from(zip));
    ms.push(performance.now() - started);
  }
  return ms;
}

/** The child: import into an empty iom.db, then export; prints one JSON report. */
async function child(inbox: string, work: string): Promise<void> {
  const identity = parseIdentityFile(fs.readFileSync(DEV_IDENTITY_FILE, 'utf8'));
  const service = createIomService({ dbFile: path.join(work, 'iom.db'), questionnairesDir: QUESTIONNAIRES_DIR, identity, actor: 'bench' });
  const perPackageMs: number[] = [];
  let fileStarted = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await service.importPaths([inbox], {
    onProgress: (p) => {
      if (p.outcome) perPackageMs.push(performance.now() - fileStarted);
      else fileStarted = performance.now();
    },
  });
  const importMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMsPerPackage = (used.user + used.system) / 1000 / PACKAGES;
  const importPeakRssMb = process.resourceUsage().maxRSS / 1024;
  const timeExport = async (format: 'csv' | 'xlsx'): Promise<number[]> => {
    const ms: number[] = [];
    for (let i = 0; i < EXPORT_RUNS; i++) {
      const t = performance.now();
      // Each export makes its own time-named folder inside an existing one.
      const chosen = path.join(work, `out-${format}-${i}`);
      fs.mkdirSync(chosen);
      await service.export({ format, outDir: chosen });
      ms.push(performance.now() - t);
    }
    return ms;
  };
  const csvMs = await timeExport('csv');
  const xlsxMs = await timeExport('xlsx');
  service.close();
  const report: ChildReport = {
    importMs,
    perPackageMs,
    imported: summary.counts.imported + summary.counts.superseded,
    rejected: summary.counts.rejected,
    importPeakRssMb,
    cpuMsPerPackage,
    csvMs,
    xlsxMs,
    exportPeakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

export async function runImportBench(): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-bench-import-'));
  try {
    const inbox = path.join(root, 'inbox');
    fs.mkdirSync(inbox);
    const genStarted = performance.now();
    await generate(inbox);
    process.stdout.write(`generated ${PACKAGES} packages in ${((performance.now() - genStarted) / 1000).toFixed(1)} s\n`);
    const files = fs.readdirSync(inbox).filter((f) => f.endsWith('.iscm')).map((f) => path.join(inbox, f));
    const inboxMb = files.reduce((sum, f) => sum + fs.statSync(f).size, 0) / MB;
    const identity = parseIdentityFile(fs.readFileSync(DEV_IDENTITY_FILE, 'utf8'));
    const baseStarted = performance.now();
    const base = await baseline(files, identity);
    const basePerSecond = files.length / ((performance.now() - baseStarted) / 1000);
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    const run = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'child', inbox, work], { encoding: 'utf8', maxBuffer: 64 * MB });
    if (run.status !== 0) throw new Error(`the import child failed: ${run.stderr.slice(0, 2000)}`);
    const report = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as ChildReport;
    if (report.imported !== PACKAGES || report.rejected !== 0) throw new Error(`imported ${report.imported}, rejected ${report.rejected}`);
    const perSecond = PACKAGES / (report.importMs / 1000);
    const baseMedian = median(base);
    return [
      { name: `import ${PACKAGES} packages (${inboxMb.toFixed(1)} MB) into an empty iom.db`, unit: 'packages/s', median: perSecond, runs: 1, target: 200, higherIsBetter: true, baseline: { name: 'bare decrypt+unzip', median: basePerSecond } },
      { name: 'import, CPU time per package', unit: 'ms', median: report.cpuMsPerPackage, runs: 1 },
      { name: 'import, per package (start to outcome, 4 in flight)', unit: 'ms', median: median(report.perPackageMs), p95: percentile(report.perPackageMs, 95), p99: percentile(report.perPackageMs, 99), runs: report.perPackageMs.length, baseline: { name: 'bare decrypt+unzip', median: baseMedian } },
      { name: 'import, peak RSS of the importing process', unit: 'MB', median: report.importPeakRssMb, runs: 1, target: 300 },
      { name: `export ${PACKAGES} submissions to CSV`, unit: 'ms', median: median(report.csvMs), runs: report.csvMs.length },
      { name: `export ${PACKAGES} submissions to XLSX`, unit: 'ms', median: median(report.xlsxMs), runs: report.xlsxMs.length },
      { name: 'import + exports, peak RSS', unit: 'MB', median: report.exportPeakRssMb, runs: 1, target: 300 },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'child' && process.argv[1] === import.meta.filename) {
  const [inbox, work] = process.argv.slice(3);
  if (!inbox || !work) throw new Error('usage: import.bench.ts child INBOX WORK');
  await child(inbox, work);
}
