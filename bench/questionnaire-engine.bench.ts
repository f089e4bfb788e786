/**
 * Benchmark of the questionnaire engine on a synthetic questionnaire of 1,000 questions with
 * 1,000 `relevant` expressions (target: under 50 ms each). Run: `npx tsx bench/questionnaire-engine.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { buildResponseSchema, compilePattern, evaluate, loadQuestionnaire, toFormValues } from '../core/questionnaire/index.js';
import { buildSyntheticQuestionnaire } from './synthetic-questionnaire.js';

export interface BenchResult {
  name: string;
  unit: 'ms';
  median: number;
  p95: number;
  runs: number;
  target?: number;
  baseline?: { name: string; median: number };
}

const RUNS = 30;
const WARMUP = 5;
const TARGET_MS = 50;

/** Times `run(i)` RUNS times after WARMUP unmeasured calls (`i` counts every call from 0). */
function measure(run: (i: number) => unknown): { median: number; p95: number; runs: number } {
  for (let i = 0; i < WARMUP; i += 1) run(i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    run(WARMUP + i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN;
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs: times.length };
}

export function runQuestionnaireEngineBench(): Promise<BenchResult[]> {
  const { json, answers } = buildSyntheticQuestionnaire(1000);
  const file = JSON.stringify(json);
  const first = loadQuestionnaire(JSON.parse(file));
  if (!first.ok) throw new Error(`synthetic questionnaire does not load: ${JSON.stringify(first.errors.slice(0, 3))}`);
  const loaded = first.questionnaire;
  const check = evaluate(loaded, answers, { today: '2026-11-27' });
  if (check.problems.length > 0 || [...check.relevant.values()].some((r) => !r)) throw new Error('synthetic answers are not a full valid set');
  const values = toFormValues(loaded, answers);
  // Cold schema builds need a questionnaire whose schema caches are empty: one fresh load per call.
  const fresh = Array.from({ length: WARMUP + RUNS }, () => {
    const result = loadQuestionnaire(JSON.parse(file));
    if (!result.ok) throw new Error('synthetic questionnaire does not load');
    return result.questionnaire;
  });
  const validateWith = (questionnaire: typeof loaded): void => {
    if (!buildResponseSchema(questionnaire, answers).safeParse(values).success) throw new Error('validation failed');
  };

  const parse = measure(() => JSON.parse(file));
  const parseBaseline = { name: `JSON.parse of the same file (${Math.round(file.length / 1024)} KiB)`, median: parse.median };
  const results: BenchResult[] = [
    { name: 'questionnaire: JSON.parse + load and validate (1,000 questions)', unit: 'ms', ...measure(() => loadQuestionnaire(JSON.parse(file))), target: TARGET_MS, baseline: parseBaseline },
    { name: 'questionnaire: relevance + progress, full answer set', unit: 'ms', ...measure(() => evaluate(loaded, answers)), target: TARGET_MS },
    {
      name: 'questionnaire: build whole-response zod schema (cold) + validate full answer set',
      unit: 'ms',
      ...measure((i) => validateWith(fresh[i] ?? loaded)),
      target: TARGET_MS,
    },
    {
      name: 'questionnaire: rebuild whole-response zod schema (same relevance, cached shape) + validate',
      unit: 'ms',
      ...measure(() => validateWith(loaded)),
      target: TARGET_MS,
    },
    ...patternResults(),
  ];
  return Promise.resolve(results);
}

/**
 * regex() runs on a Thompson automaton: a pattern that makes a backtracking engine take
 * exponential time, such as (a+)+$ on "aaa…ab", costs here what a plain pattern costs on the
 * same text. Each figure has a baseline measured in the same run.
 */
function patternResults(): BenchResult[] {
  const nested = compilePattern('(a+)+$');
  const plain = compilePattern('a+$');
  const short = `${'a'.repeat(30)}b`;
  const long = `${'a'.repeat(10_000)}b`;
  const emailSource = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';
  const email = compilePattern(emailSource);
  const address = `${'a'.repeat(240)}@example.org`;
  const check = (ok: boolean): void => {
    if (!ok) throw new Error('pattern bench: unexpected answer');
  };
  check(!nested.test(short) && !nested.test(long) && email.test(address));
  const plainShort = measure(() => plain.test(short));
  const plainLong = measure(() => plain.test(long));
  const native = new RegExp(emailSource, 'u');
  const nativeEmail = measure(() => native.test(address));
  // The same pathological case in JavaScript's backtracking RegExp, at 22 a's only (it doubles with each one).
  const backtracking = /(a+)+$/u;
  const backtrackingInput = `${'a'.repeat(22)}b`;
  return [
    { name: 'regex: (a+)+$ against 30 a\'s and a b (pathological for backtracking)', unit: 'ms', ...measure(() => nested.test(short)), baseline: { name: 'a+$ on the same text', median: plainShort.median } },
    { name: 'regex: (a+)+$ against 10,000 a\'s and a b', unit: 'ms', ...measure(() => nested.test(long)), baseline: { name: 'a+$ on the same text', median: plainLong.median } },
    { name: 'regex: email pattern on a 252-character address', unit: 'ms', ...measure(() => email.test(address)), baseline: { name: 'JavaScript RegExp, same pattern and text', median: nativeEmail.median } },
    { name: 'for contrast: JavaScript RegExp (a+)+$ against 22 a\'s and a b', unit: 'ms', ...measure(() => backtracking.test(backtrackingInput)) },
  ];
}

function print(results: readonly BenchResult[]): void {
  for (const r of results) {
    const ratio = r.baseline ? `  (${(r.median / r.baseline.median).toFixed(1)}× ${r.baseline.name}: ${r.baseline.median} ms)` : '';
    const verdict = r.target === undefined ? '' : r.median <= r.target ? '  ok' : '  OVER TARGET';
    console.log(`${r.name}: median ${r.median} ms, p95 ${r.p95} ms, ${r.runs} runs, target ${r.target ?? '-'} ms${verdict}${ratio}`);
  }
}

// Run directly (not when imported by the aggregator). No top-level await: importable from CommonJS too.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runQuestionnaireEngineBench().then(print, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
