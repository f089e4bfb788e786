// The IOM export analysts use as they are (issue 15): 5,000 submissions of the real questionnaire
// (its newest published version) exported with labels in French and multiple choices split into
// 0/1 columns, against the export with values only (the baseline, same rows, same run), as CSV
// and as XLSX. Medians of EXPORT_RUNS.
//
// The 5,000 submissions are inserted through iom.db's repositories (as the store stage does, one
// `imported` review line each, a quarter of them then reviewed), not imported from 5,000 signed
// packages: generating and importing those would take this shared machine most of an hour, and
// the import has its own benchmark (import.bench.ts). Their answers are 40 distinct valid
// response sets made by core's engine (mechanisms, respondent kinds and choices vary).
// Run alone with `npx tsx bench/iom-table.bench.ts`.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { compareVersions } from '../main/services/questionnaires/catalog.js';
import { createIomService } from '../main/services/import/iom-service.js';
import { makeResponses, mechanismAt, QUESTIONNAIRES_DIR } from '../tests/unit/import/response-kit.js';
import { median, type BenchResult } from './result.js';

const SUBMISSIONS = 5000;
const VARIANTS = 40;
const EXPORT_RUNS = 3;
const FORM = 'iscm-assessment';
const KINDS = ['secretariat', 'state', 'organisation'] as const;
const STATES = ['has_issues', 'approved', 'rejected'] as const;

export async function runIomTableBench(): Promise<BenchResult[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-bench-iom-table-'));
  const service = createIomService({ dbFile: path.join(root, 'iom.db'), questionnairesDir: QUESTIONNAIRES_DIR, actor: 'bench' });
  try {
    await service.syncBundled();
    const version = service
      .releases()
      .filter((r) => r.questionnaire_id === FORM)
      .map((r) => r.version)
      .sort(compareVersions)
      .at(-1);
    const questionnaire = version ? service.questionnaire(FORM, version) : null;
    if (!version || !questionnaire) throw new Error(`no release of ${FORM} in the app's questionnaires`);
    const variants = Array.from({ length: VARIANTS }, (_, i) => {
      const kind = KINDS[i % KINDS.length] ?? 'secretariat';
      const mechanism = mechanismAt(i);
      return { kind, mechanism, responses: JSON.stringify(makeResponses({ mechanism: mechanism.value, respondentKind: kind, questionnaire, note: `v${i}`, stateName: `State ${i}` })) };
    });
    const insertStarted = performance.now();
    service.db.transaction(() => {
      const at = new Date('2026-11-30T10:00:00Z').toISOString();
      for (let i = 0; i < SUBMISSIONS; i++) {
        const v = variants[i % VARIANTS];
        if (!v) continue;
        const id = randomUUID();
        service.db
          .prepare(
            `INSERT INTO submissions (submission_id, root_id, supersedes, revision, is_current, questionnaire_id, questionnaire_version, mechanism,
               mechanism_label, mechanism_kind, respondent_kind, respondent_json, signer_name, signer_title, signer_public_key, signer_fingerprint,
               finalized_at, app_version, manifest_sha256, manifest_json, signature, responses_json, package_sha256, package_size, file_name,
               imported_at, respondent_id)
             VALUES (?, ?, NULL, 1, 1, ?, ?, ?, ?, ?, ?, ?, 'Bench Signer', 'Head', 'ssh-ed25519 AAAA', 'SHA256:bench', ?, '0.0.0', ?, '{}', 'sig', ?, ?, 1000, ?, ?, NULL)`,
          )
          .run(id, id, FORM, version, v.mechanism.value, v.mechanism.label, v.mechanism.kind, v.kind, JSON.stringify({ kind: v.kind, name: `Respondent ${i}`, organisation: 'RSO' }), at, id.replace(/-/g, '').padEnd(64, '0'), v.responses, id.replace(/-/g, '').padEnd(64, '1'), `p${i}.iscm`, at);
        service.db
          .prepare("INSERT INTO review_events (submission_id, action, from_state, to_state, comment, actor, at) VALUES (?, 'imported', NULL, 'received', NULL, 'bench', ?)")
          .run(id, at);
        if (i % 4 === 0) service.setReview(id, { state: STATES[(i / 4) % STATES.length] ?? 'approved', comment: `checked ${i}`, actor: 'Reviewer' });
      }
    })();
    process.stdout.write(`inserted ${SUBMISSIONS} submissions of ${FORM} ${version} in ${((performance.now() - insertStarted) / 1000).toFixed(1)} s\n`);

    const once = async (format: 'csv' | 'xlsx', labelled: boolean): Promise<number> => {
      const chosen = fs.mkdtempSync(path.join(root, `out-${format}-`));
      const started = performance.now();
      const result = await service.export({ format, outDir: chosen, lang: 'fr', labels: labelled, splitChoices: labelled });
      const ms = performance.now() - started;
      if (result.submissions !== SUBMISSIONS) throw new Error(`exported ${result.submissions}, not ${SUBMISSIONS}`);
      fs.rmSync(chosen, { recursive: true, force: true });
      return ms;
    };
    // Interleaved, so a busy moment of the shared machine does not fall on one side only.
    const csvValues: number[] = [];
    const csvLabels: number[] = [];
    const xlsxValues: number[] = [];
    const xlsxLabels: number[] = [];
    for (let round = 0; round < EXPORT_RUNS; round++) {
      csvValues.push(await once('csv', false));
      csvLabels.push(await once('csv', true));
      xlsxValues.push(await once('xlsx', false));
      xlsxLabels.push(await once('xlsx', true));
    }
    const csvBase = { name: 'CSV, values only', median: median(csvValues) };
    const xlsxBase = { name: 'XLSX, values only', median: median(xlsxValues) };
    return [
      { name: `export ${SUBMISSIONS} submissions to CSV, values only (baseline)`, unit: 'ms', median: csvBase.median, runs: csvValues.length },
      { name: `export ${SUBMISSIONS} submissions to CSV, labels (fr) + split choices`, unit: 'ms', median: median(csvLabels), runs: csvLabels.length, baseline: csvBase },
      { name: `export ${SUBMISSIONS} submissions to XLSX, values only (baseline)`, unit: 'ms', median: xlsxBase.median, runs: xlsxValues.length },
      { name: `export ${SUBMISSIONS} submissions to XLSX, labels (fr) + split choices`, unit: 'ms', median: median(xlsxLabels), runs: xlsxLabels.length, baseline: xlsxBase },
    ];
  } finally {
    service.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const r of await runIomTableBench()) process.stdout.write(`${r.name}: ${r.median.toFixed(0)} ${r.unit}${r.baseline ? ` (${(r.median / r.baseline.median).toFixed(2)}× ${r.baseline.name})` : ''}\n`);
}
