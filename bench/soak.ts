// `npm run soak` (tsx bench/soak.ts): the long versions of the crash tests in tests/unit/reliability/.
// Prints the figures docs/reliability.md quotes and writes bench/results/soak-latest.{json,md}; exits 1 on any loss.
//
//   tsx bench/soak.ts [--kills 1000] [--parallel 3] [--backups 30] [--exports 40] [--imports 15] [--host-pairs 100] [--two-writer-kills 200]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open.js';
import { appMigrations } from '../db/migrations/app/index.js';
import { APP_DB_FILE } from '../main/services/app-services.js';
import { createBackup } from '../main/services/backup/index.js';
import { passesIntegrityCheck } from '../tests/unit/reliability/harness/integrity.js';
import { bundleFixture, QUESTIONNAIRES_DIR, startChild } from '../tests/unit/reliability/harness/child-script.js';
import { killManyTimes } from '../tests/unit/reliability/harness/kill-autosave.js';
import { killDuringExport, killDuringImport, makeBatch, type ExportKill } from '../tests/unit/reliability/harness/kill-export-import.js';
import { hostPairRound } from '../tests/unit/reliability/harness/host-pairs.js';
import { killTwoWritersManyTimes } from '../tests/unit/reliability/harness/kill-two-writers.js';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    parallel: { type: 'string', default: '3' },
    backups: { type: 'string', default: '30' },
    exports: { type: 'string', default: '40' },
    imports: { type: 'string', default: '15' },
    'host-pairs': { type: 'string', default: '100' },
    'two-writer-kills': { type: 'string', default: '200' },
  },
});
const n = (v: string | undefined): number => Number(v ?? 0);
const random = (min: number, max: number): number => min + Math.floor(Math.random() * (max - min + 1));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-soak-'));
const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const started = Date.now();

// 1. Kill during autosave.
const writer = await bundleFixture('autosave-writer');
const kills = await killManyTimes(writer, root, {
  iterations: n(values.kills),
  parallel: n(values.parallel),
  minMs: 50,
  maxMs: 300,
  onRun: (_run, i) => {
    if ((i + 1) % 100 === 0) log(`  autosave kills: ${i + 1}/${values.kills}`);
  },
});
const acknowledged = kills.reduce((s, r) => s + r.acked, 0);
const lost = kills.reduce((s, r) => s + r.lost.length, 0);
const badIntegrity = kills.filter((r) => r.integrity !== 'ok').length;

// 2. Backups taken while another process autosaves.
const backupDir = fs.mkdtempSync(path.join(root, 'backups-'));
const child = startChild(writer, [backupDir, QUESTIONNAIRES_DIR]);
await child.waitForLine((l) => l.startsWith('ack '));
const db = openDatabase(path.join(backupDir, APP_DB_FILE), { migrations: appMigrations });
let backupsOk = 0;
for (let i = 0; i < n(values.backups); i++) {
  const b = await createBackup(db, 'manual');
  if (passesIntegrityCheck(path.join(backupDir, 'backups', b.name))) backupsOk++;
}
child.process.kill('SIGKILL');
await child.exited;
db.close();

// 3. Kill during export.
const exportOutcomes: Record<ExportKill, number> = { 'no file': 0, 'complete package': 0, 'partial file': 0 };
for (let i = 0; i < n(values.exports); i++) exportOutcomes[await killDuringExport(fs.mkdtempSync(path.join(root, 'export-')), random(0, 1200))]++;

// 4. Kill during import, then the batch again.
const batch = fs.mkdtempSync(path.join(root, 'batch-'));
const made = await makeBatch(batch, 10, 512);
let halfImported = 0;
let importFailures = 0;
let importedBeforeKills = 0;
for (let i = 0; i < n(values.imports); i++) {
  const run = await killDuringImport(batch, path.join(fs.mkdtempSync(path.join(root, 'iom-')), 'iom.db'), random(1, made.length - 3), random(0, 20));
  importedBeforeKills += run.importedBeforeKill;
  halfImported += run.halfImported.length;
  const complete = run.finalIds.length === made.length && run.quarantined === 0 && run.integrity === 'ok';
  const noDuplicate = run.rerunKinds.filter((k) => k === 'duplicate').length === run.importedBeforeKill;
  if (!complete || !noDuplicate) importFailures++;
}
// 5. Two hosts at once on one folder; the one that runs is killed; a third must start at once.
const starter = await bundleFixture('host-starter');
const pairs = { rounds: n(values['host-pairs']), oneRanOneRefused: 0, restartedAfterKill: 0, ackedDrafts: 0, ackedDraftsLost: 0, integrityFailures: 0 };
for (let i = 0; i < pairs.rounds; i++) {
  const round = await hostPairRound(starter, fs.mkdtempSync(path.join(root, 'hosts-')), random(0, 400));
  if (round.oneRanOneRefused) pairs.oneRanOneRefused++;
  if (round.restartedAfterKill) pairs.restartedAfterKill++;
  if (round.ackedDraftKept !== undefined) pairs.ackedDrafts++;
  if (round.ackedDraftKept === false) pairs.ackedDraftsLost++;
  if (round.integrity !== 'ok') pairs.integrityFailures++;
  if ((i + 1) % 25 === 0) log(`  host pairs: ${i + 1}/${pairs.rounds}`);
}
// 6. Two windows on one draft: two writers ticking and adding rows, killed while both write.
const twoWriterScript = await bundleFixture('two-writers');
const twoWriterRuns = await killTwoWritersManyTimes(twoWriterScript, root, {
  iterations: n(values['two-writer-kills']),
  parallel: n(values.parallel),
  minMs: 50,
  maxMs: 300,
  onRun: (_run, i) => {
    if ((i + 1) % 50 === 0) log(`  two-writer kills: ${i + 1}/${values['two-writer-kills']}`);
  },
});
const twoWriters = {
  iterations: twoWriterRuns.length,
  changesAcknowledged: twoWriterRuns.reduce((s, r) => s + r.acked, 0),
  changesLost: twoWriterRuns.reduce((s, r) => s + r.lost.length, 0),
  integrityFailures: twoWriterRuns.filter((r) => r.integrity !== 'ok').length,
};
fs.rmSync(root, { recursive: true, force: true });

const figures = {
  date: new Date().toISOString(),
  machine: `${os.cpus().length} CPU, ${os.platform()} ${os.release()}, Node ${process.version}`,
  minutes: Math.round((Date.now() - started) / 600) / 100,
  autosaveKills: { iterations: kills.length, answersAcknowledged: acknowledged, answersLost: lost, integrityFailures: badIntegrity },
  backupsDuringAutosave: { taken: n(values.backups), passedIntegrityCheck: backupsOk },
  exportKills: { iterations: n(values.exports), ...exportOutcomes },
  importKills: { rounds: n(values.imports), packagesPerBatch: made.length, importedBeforeKills, halfImported, roundsNotFinishedCleanly: importFailures },
  hostPairs: pairs,
  twoWritersOneDraft: twoWriters,
};
const md = [
  `Soak of ${figures.date} (${figures.machine}, ${figures.minutes} min):`,
  '',
  '| what | figures |',
  '| --- | --- |',
  `| kill during autosave | ${kills.length} SIGKILLs, ${acknowledged} answers acknowledged, **${lost} lost**, ${badIntegrity} integrity failures |`,
  `| backup while autosaving | ${backupsOk}/${figures.backupsDuringAutosave.taken} backups pass integrity_check |`,
  `| kill during export | ${figures.exportKills.iterations} kills: ${exportOutcomes['no file']} no file, ${exportOutcomes['complete package']} complete package, **${exportOutcomes['partial file']} partial** |`,
  `| kill during import | ${figures.importKills.rounds} kills mid-batch (${importedBeforeKills} packages in before the kills), **${halfImported} half-imported**, ${importFailures} re-runs not finished cleanly |`,
  `| two hosts at once on one folder, the running one killed | ${pairs.rounds} rounds: ${pairs.oneRanOneRefused} one ran and one refused naming it, ${pairs.restartedAfterKill} started again at once after the kill (**${pairs.rounds - pairs.restartedAfterKill} stale locks**), ${pairs.ackedDrafts} acknowledged drafts, **${pairs.ackedDraftsLost} lost**, ${pairs.integrityFailures} integrity failures |`,
  `| two writers on one draft (ticks and repeat rows), killed | ${twoWriters.iterations} SIGKILLs, ${twoWriters.changesAcknowledged} add/remove acknowledged, **${twoWriters.changesLost} lost**, ${twoWriters.integrityFailures} integrity failures |`,
].join('\n');
log(md);
const out = path.join(import.meta.dirname, 'results');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'soak-latest.json'), `${JSON.stringify(figures, null, 2)}\n`);
fs.writeFileSync(path.join(out, 'soak-latest.md'), `${md}\n`);
const hostFailures = pairs.rounds - pairs.oneRanOneRefused + (pairs.rounds - pairs.restartedAfterKill) + pairs.ackedDraftsLost + pairs.integrityFailures;
const failed = twoWriters.changesLost > 0 || twoWriters.integrityFailures > 0 || lost > 0 || badIntegrity > 0 || backupsOk < figures.backupsDuringAutosave.taken || exportOutcomes['partial file'] > 0 || halfImported > 0 || importFailures > 0 || hostFailures > 0;
process.exitCode = failed ? 1 : 0;
