// Questionnaire releases: installing a release, and moving drafts of 1,000 answers to a newer
// version. Each figure stands beside a baseline measured in the same run:
// - install (verify the signature, the ZIP and the questionnaire, then write the file
//   atomically) against reading the same file, hashing it and writing it atomically;
// - moving one draft (plan, one answer event per answer, the draft's version, one IMMEDIATE
//   transaction) against reading the same answers and writing them back in one transaction.
// Run alone with `npx tsx bench/releases.bench.ts`.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../db/open.js';
import { appMigrations } from '../db/migrations/app/index.js';
import { writeFileAtomic } from '../main/services/atomic-file.js';
import { createQuestionnaireCatalog } from '../main/services/questionnaires/catalog.js';
import { createDraftMoveService } from '../main/services/releases/draft-moves.js';
import { createReleaseStore } from '../main/services/releases/release-store.js';
import { readTrustedPublishers } from '../main/services/releases/trusted-publishers.js';
import { APP_PUBLISHERS_FILE, makeRelease, newestBundledQuestionnaire } from '../tests/helpers/releases.js';
import { nextVersionOf } from '../tests/helpers/next-version.js';
import { median, percentile, type BenchResult } from './result.js';
import { buildSyntheticQuestionnaire } from './synthetic-questionnaire.js';

const INSTALL_RUNS = 30;
const DRAFTS = 100;
const ANSWERS = 1000;

async function installBench(work: string): Promise<BenchResult[]> {
  const source = newestBundledQuestionnaire().json;
  const release = await makeRelease(nextVersionOf(source).json);
  const publishers = () => readTrustedPublishers(APP_PUBLISHERS_FILE);
  const file = path.join(work, 'next.iscmq');
  fs.writeFileSync(file, release.bytes);
  const installMs: number[] = [];
  const baselineMs: number[] = [];
  for (let i = 0; i <= INSTALL_RUNS; i++) {
    const store = createReleaseStore({ dir: path.join(work, `install-${i}`), publishers });
    await store.load();
    let started = performance.now();
    const installed = await store.install(await fs.promises.readFile(file));
    const install = performance.now() - started;
    if (installed.alreadyInstalled) throw new Error('the release was already installed');
    started = performance.now();
    const bytes = await fs.promises.readFile(file);
    createHash('sha256').update(bytes).digest('hex');
    const target = path.join(work, `copy-${i}.iscmq`);
    await writeFileAtomic(target, bytes);
    const baseline = performance.now() - started;
    if (i > 0) {
      installMs.push(install);
      baselineMs.push(baseline);
    }
  }
  return [
    {
      name: `install a release of the real questionnaire (${Math.round(release.bytes.length / 1024)} KB): verify + write`,
      unit: 'ms',
      median: median(installMs),
      p95: percentile(installMs, 95),
      runs: installMs.length,
      baseline: { name: 'read + SHA-256 + atomic write of the same file', median: median(baselineMs) },
    },
  ];
}

/** The synthetic 1,000-question questionnaire and a newer version derived from it (its last question removed, a new one added). */
function syntheticVersions(): { v1: Record<string, unknown>; v2: Record<string, unknown>; answers: Record<string, unknown> } {
  const { json, answers } = buildSyntheticQuestionnaire(ANSWERS);
  const v2 = structuredClone(json) as { version: string; sections: { items: Record<string, unknown>[] }[]; choiceLists: Record<string, unknown[]> };
  v2.version = '1.0.1';
  const last = v2.sections.at(-1);
  if (!last) throw new Error('no section');
  // The last question is referred to by nobody: it goes; a new one takes its place.
  last.items = last.items.slice(0, -1);
  last.items.push({ id: 'added', type: 'text', label: { en: 'New', fr: 'Nouveau', es: 'Nuevo', ar: 'جديد' } });
  return { v1: json, v2, answers };
}

async function moveBench(work: string): Promise<BenchResult[]> {
  const { v1, v2, answers } = syntheticVersions();
  const bundled = path.join(work, 'bundled');
  fs.mkdirSync(bundled, { recursive: true });
  fs.writeFileSync(path.join(bundled, 'synthetic-1.0.0.iscmq'), (await makeRelease(v1)).bytes);
  const store = createReleaseStore({ dir: path.join(work, 'releases'), publishers: () => readTrustedPublishers(APP_PUBLISHERS_FILE), bundledDir: bundled });
  await store.load();
  const db = openDatabase(path.join(work, 'iscm.db'), { migrations: appMigrations });
  const catalog = createQuestionnaireCatalog(store, 'synthetic');
  let t = Date.parse('2026-11-27T10:00:00Z');
  const clock = { now: () => new Date((t += 1000)) };
  const moves = createDraftMoveService({ db, clock, questionnaires: catalog, store });
  // 100 drafts of 1,000 answers, written as the draft service writes them.
  const insertDraft = db.prepare(
    `INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, mechanism, language, created_at, updated_at)
     VALUES (?, 'Bench', 'synthetic', '1.0.0', 'secretariat', NULL, 'en', ?, ?)`,
  );
  const insertAnswer = db.prepare('INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES (?, ?, ?, ?)');
  const insertEvent = db.prepare('INSERT INTO answer_events (draft_id, path, old_value_json, new_value_json, at) VALUES (?, ?, NULL, ?, ?)');
  const ids: string[] = [];
  db.transaction(() => {
    for (let d = 0; d < DRAFTS; d++) {
      const id = randomUUID();
      ids.push(id);
      insertDraft.run(id, '2026-11-27T09:00:00Z', '2026-11-27T09:00:00Z');
      for (const [p, v] of Object.entries(answers)) {
        insertAnswer.run(id, p, JSON.stringify(v), '2026-11-27T09:00:00Z');
        insertEvent.run(id, p, JSON.stringify(v), '2026-11-27T09:00:00Z');
      }
    }
  }).immediate();
  fs.writeFileSync(path.join(bundled, 'synthetic-1.0.1.iscmq'), (await makeRelease(v2)).bytes);
  await store.syncBundled();
  if (store.newest('synthetic')?.ref.version !== '1.0.1') throw new Error('1.0.1 is not installed');

  // Baseline: the same answers read and written back, one IMMEDIATE transaction per draft.
  const read = db.prepare<[string], { path: string; value_json: string }>('SELECT path, value_json FROM answers WHERE draft_id = ?');
  const write = db.prepare('UPDATE answers SET value_json = ?, updated_at = ? WHERE draft_id = ? AND path = ?');
  const rewrite = db.transaction((id: string) => {
    for (const row of read.all(id)) write.run(row.value_json, '2026-11-27T11:00:00Z', id, row.path);
  });
  const baselineMs: number[] = [];
  const moveMs: number[] = [];
  let carried = 0;
  let setAside = 0;
  for (const id of ids) {
    let started = performance.now();
    rewrite.immediate(id);
    baselineMs.push(performance.now() - started);
    started = performance.now();
    const moved = moves.move(id, '1.0.1');
    moveMs.push(performance.now() - started);
    carried = moved.carried;
    setAside = moved.setAside;
  }
  db.close();
  return [
    {
      name: `move a draft of ${ANSWERS} answers to a newer version (${carried} carried, ${setAside} set aside, ${DRAFTS} drafts)`,
      unit: 'ms per draft',
      median: median(moveMs),
      p95: percentile(moveMs, 95),
      runs: moveMs.length,
      baseline: { name: 'read the same answers and write them back, one transaction', median: median(baselineMs) },
    },
  ];
}

export async function runReleasesBench(): Promise<BenchResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-bench-releases-'));
  try {
    return [...(await installBench(work)), ...(await moveBench(work))];
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  for (const r of await runReleasesBench()) process.stdout.write(`${JSON.stringify(r)}\n`);
}
