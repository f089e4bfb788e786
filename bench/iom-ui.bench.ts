/**
 * The IOM analyst's screens at 5,000 submissions of the real questionnaire (its newest version),
 * written into iom.db through the repos (tests/helpers/iom-seed.ts: varied answers, no packages:
 * importing 5,000 signed packages would measure the import, which import.bench.ts does), then
 * read back through the `iom.listSubmissionAnswers` handler as the workspace reads them:
 * - sorting the table by a column and filtering it (kind, search): the renderer's in-memory
 *   model (renderer/iom/analyst/table-model.ts) with the real cells in words (target ≤ 100 ms),
 *   the first sort of a column and the first search included (they make the cells and search
 *   texts they need);
 *   baseline: Array.prototype.sort of the same 5,000 strings, in the same run;
 * - the full report for all questions (renderer/iom/analyst/report-aggregate.ts), together and
 *   by kind of mechanism (target ≤ 1 s); baseline: one pass reading every answer of every
 *   question of every submission.
 * The model and the aggregation are pure code and run here in Node, the same code the window
 * runs (drawing the rows and charts is not in these figures).
 * Run alone: `npx tsx bench/iom-ui.bench.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import i18next from 'i18next';
import { z } from 'zod';
import { submissionSummarySchema, type SubmissionWithAnswersView } from '../core/contract/channels/iom.js';
import { contract } from '../core/contract/index.js';
import { iomMigrations } from '../db/migrations/iom/index.js';
import { openDatabase } from '../db/open.js';
import { createIomHandlers, IOM_DB_FILE } from '../main/services/import/handlers.js';
import { analyst } from '../renderer/i18n/analyst/index.js';
import { analystRow, answersOf, questionnaireKey, type AnalystData, type AnalystRow } from '../renderer/iom/analyst/analyst-model.js';
import { groupsOf, reportAll, type ReportSubmission } from '../renderer/iom/analyst/report-aggregate.js';
import { analystWords, cellOf, factsOf, searchTextOf } from '../renderer/iom/analyst/submission-columns.js';
import { createTableModel } from '../renderer/iom/analyst/table-model.js';
import { questionnaireVersion, seedIomSubmissions } from '../tests/helpers/iom-seed.js';
import { median, type BenchResult } from './result.js';

const COUNT = Number(process.env.IOM_UI_COUNT ?? 5000);
const VERSION = '1.1.0';
const RUNS = 9;
const REPORT_RUNS = 5;
const QUESTIONNAIRES_DIR = path.join(import.meta.dirname, '..', 'questionnaires');

function time(runs: number, body: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    body();
    out.push(performance.now() - start);
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;
const figure = (name: string, values: readonly number[], target: number, baseline?: { name: string; values: readonly number[] }): BenchResult => ({
  name,
  unit: 'ms',
  median: round(median(values)),
  runs: values.length,
  target,
  ...(baseline ? { baseline: { name: baseline.name, median: round(median(baseline.values)) } } : {}),
});

export async function runIomUiBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-bench-iom-ui-'));
  try {
    seedIomSubmissions(path.join(dir, IOM_DB_FILE), { count: COUNT, version: VERSION, revisionEvery: 10 });
    const handlers = createIomHandlers({ dataDir: dir, questionnairesDir: QUESTIONNAIRES_DIR });
    // The seed writes revisions as an older version stored them, without search texts: the first
    // read makes them (once; an import makes each with its revision). The second read is the usual one.
    const upgradeStart = performance.now();
    await handlers.listSubmissionAnswers({ status: 'all' });
    const upgradeMs = performance.now() - upgradeStart;
    const readStart = performance.now();
    const wire: SubmissionWithAnswersView[] = await handlers.listSubmissionAnswers({ status: 'all' });
    const readMs = performance.now() - readStart;
    // To the window: the dispatcher checks the output against the contract, and Electron's IPC
    // copies it (the structured clone algorithm). Baseline, in the same run: the same rows in the
    // shape of 3 December, answers parsed in main (the handler's JSON.parse, checked record by
    // record, copied as objects).
    const toWindow = time(3, () => structuredClone(contract.iom.listSubmissionAnswers.output.parse(wire)));
    const parsedShape = z.array(z.object({ summary: submissionSummarySchema, responses: z.record(z.string(), z.unknown()), answersText: z.string() }).strict());
    const toWindowParsed = time(3, () =>
      structuredClone(parsedShape.parse(wire.map((w) => ({ summary: w.summary, responses: JSON.parse(w.responsesJson) as Record<string, unknown>, answersText: w.answersText })))),
    );
    const rows = wire.map(analystRow);
    // In the window, every row's answers parsed (what a question column or the report first needs).
    const parseAll = time(3, () => wire.map(analystRow).map((r) => r.responses));
    rows.forEach(answersOf);
    // Opening one submission (its answers and its chain's history), for amended ones; baseline:
    // reading that revision's row alone and parsing its answers, on a connection already open.
    const amended = rows.filter((r) => r.summary.revision === 2).slice(0, RUNS).map((r) => r.summary.submissionId);
    const openOne: number[] = [];
    for (const submissionId of amended) {
      const start = performance.now();
      await handlers.getSubmission({ submissionId });
      openOne.push(performance.now() - start);
    }
    const raw = openDatabase(path.join(dir, IOM_DB_FILE), { migrations: iomMigrations, readonly: true });
    const rowAlone = raw.prepare<[string], { responses_json: string }>('SELECT * FROM submissions WHERE submission_id = ?');
    const bareOne: number[] = [];
    for (const submissionId of amended) {
      const start = performance.now();
      JSON.parse(rowAlone.get(submissionId)?.responses_json ?? '{}');
      bareOne.push(performance.now() - start);
    }
    raw.close();
    const loaded = questionnaireVersion(VERSION);
    const data: AnalystData = { rows, questionnaires: new Map([[questionnaireKey('iscm-assessment', VERSION), loaded]]), newest: loaded };
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'en', ns: ['analyst'], defaultNS: 'analyst', resources: { en: { analyst: analyst.en } }, interpolation: { escapeValue: false } });
    const words = analystWords(i18n.getFixedT('en', 'analyst'), data, 'en');
    const makeModel = () =>
      createTableModel<AnalystRow>({
        rows,
        lang: 'en',
        facts: factsOf,
        searchText: (row) => searchTextOf(row, words),
        foldedText: (row) => row.answersText,
        cell: (row, column) => cellOf(row, column, words, 'en'),
      });
    const buildMs = time(RUNS, makeModel);
    const model = makeModel();
    const current = { status: 'current' };
    // A first sort computes the column's cells and ranks; later sorts reuse them.
    const firstSort = time(RUNS, () => makeModel().view(current, { column: 'respondent', direction: 'ascending' }));
    model.view(current, { column: 'mechanism', direction: 'ascending' });
    let flip = false;
    const sorts = time(RUNS, () => {
      flip = !flip;
      return model.view(current, { column: 'mechanism', direction: flip ? 'ascending' : 'descending' });
    });
    const questionSort = time(RUNS, () => makeModel().view(current, { column: 'q:years_active', direction: 'descending' }));
    const signerSort = time(RUNS, () => makeModel().view(current, { column: 'signer', direction: 'ascending' }));
    // A first search folds every row's words (the written answers were folded at import); later ones reuse them.
    const firstSearch = time(RUNS, () => makeModel().view({ status: 'all', search: 'labour mobility' }, { column: 'mechanism', direction: 'ascending' }));
    const filters = time(RUNS, () => model.view({ status: 'all', mechanismKind: 'rcp', search: 'labour mobility' }, { column: 'mechanism', direction: 'ascending' }));
    const labels = model.cells('mechanism').map((c) => c.text);
    const bareSort = time(RUNS, () => [...labels].sort());

    const currentRows = rows.filter((r) => r.summary.status === 'current');
    const together: ReportSubmission[] = currentRows.map((r) => ({ responses: r.responses, group: '', name: words.mechanism(r.summary) }));
    const byKind: ReportSubmission[] = currentRows.map((r) => ({ responses: r.responses, group: r.summary.mechanismKind, name: words.mechanism(r.summary) }));
    const kinds = groupsOf(byKind.map((s) => s.group), ['rcp', 'irf', 'global']);
    const report = time(REPORT_RUNS, () => reportAll(loaded, together, ['']));
    const reportByKind = time(REPORT_RUNS, () => reportAll(loaded, byKind, kinds));
    const ids = [...loaded.questions.values()];
    const onePass = time(REPORT_RUNS, () => {
      let n = 0;
      for (const s of together)
        for (const q of ids) {
          if (q.repeatGroupId === undefined) {
            if (s.responses[q.id] !== undefined) n++;
          } else {
            const group = s.responses[q.repeatGroupId];
            if (Array.isArray(group)) for (const r of group as Record<string, unknown>[]) if (r[q.id] !== undefined) n++;
          }
        }
      return n;
    });
    // The labels are one per revision (rows.length, with the revisions 2), not COUNT.
    const bare = { name: `Array.prototype.sort of the same ${String(labels.length)} strings`, values: bareSort };
    const pass = { name: 'one pass reading every answer', values: onePass };
    return [
      { name: `read ${String(rows.length)} revisions with answers and search texts (iom.listSubmissionAnswers handler)`, unit: 'ms', median: round(readMs), runs: 1 },
      figure(`to the window: output checked and copied, ${String(rows.length)} revisions, answers as text`, toWindow, 1000, { name: 'the same with answers parsed in main (3 December shape)', values: toWindowParsed }),
      { name: `in the window: every revision's answers parsed (the first question column or report)`, unit: 'ms', median: round(median(parseAll)), runs: parseAll.length },
      { name: `first read after the upgrade to iom.db schema 5: search texts of ${String(rows.length)} revisions made, once`, unit: 'ms', median: round(upgradeMs), runs: 1 },
      // The rows' words are folded on the first search, not when the model is built (its figure below).
      { name: `table model built (${String(rows.length)} rows: facts only)`, unit: 'ms', median: round(median(buildMs)), runs: buildMs.length },
      figure('open one amended submission: answers and its chain\'s history (iom.getSubmission handler)', openOne, 100, { name: 'its row alone read and parsed', values: bareOne }),
      figure('table: sort by a column again (ranks kept)', sorts, 100, bare),
      figure('table: first sort by a column (its cells in words and ranks computed)', firstSort, 100, bare),
      figure('table: first sort by a number question', questionSort, 100, bare),
      figure('table: first sort by a text column of distinct values (signer)', signerSort, 100, bare),
      figure('table: first search two words (every row\'s words folded; answers folded at import), sorted', firstSearch, 100, bare),
      figure('table: filter by kind and search two words, sorted', filters, 100, bare),
      figure(`report: every question (${String(ids.length)}) of ${String(together.length)} current submissions`, report, 1000, pass),
      figure('report: every question, by kind of mechanism', reportByKind, 1000, pass),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runIomUiBench()) {
    const target = r.target === undefined ? '' : `, target ≤ ${String(r.target)} ${r.unit}`;
    const baseline = r.baseline ? ` (baseline ${r.baseline.name}: ${String(r.baseline.median)}, ratio ${String(round(r.median / r.baseline.median))})` : '';
    console.log(`${r.name}: ${String(r.median)} ${r.unit}${target}${baseline}`);
  }
}
