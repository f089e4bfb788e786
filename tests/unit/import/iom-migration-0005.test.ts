import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answersSearchText } from '../../../core/search/written-answers.js';
import { iomMigrations } from '../../../db/migrations/iom/index.js';
import { openDatabase } from '../../../db/open.js';
import { releasesRepo } from '../../../db/repos/iom/releases.js';
import { openIom } from '../../../main/services/import/context.js';
import { createIomService, type IomService } from '../../../main/services/import/iom-service.js';
import { createQuestionnaireRegistry } from '../../../main/services/import/questionnaire-registry.js';
import { fillMissingSearchTexts } from '../../../main/services/import/search-texts.js';
import { DEV_IDENTITY, tempDir } from './iom-kit.js';
import { makePackage, makeRevisions, makeSigner, type MadePackage } from './package-kit.js';
import { QUESTIONNAIRES_DIR, realQuestionnaire } from './response-kit.js';

/**
 * Migration 0005 (search texts) on an iom.db of schema 0004 with submissions imported by the
 * importer of that schema: the table is added empty, nothing else changes; the texts of those
 * revisions are made the first time the workspace reads the answers, once; a revision imported
 * afterwards gets its text in its import's transaction.
 */

let dbFile: string;
let inbox: string;
let before: Record<string, unknown[]>;
let imported: MadePackage[];
const TABLES = ['submissions', 'submission_attachments', 'chains', 'chain_events', 'respondents', 'signers', 'quarantine', 'review_events', 'questionnaire_releases'];
const snapshot = (db: ReturnType<typeof openDatabase>, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
const textsIn = (db: ReturnType<typeof openDatabase>): Map<string, string> =>
  new Map(db.prepare<[], { submission_id: string; answers_text: string }>('SELECT submission_id, answers_text FROM search_texts').all().map((r) => [r.submission_id, r.answers_text]));

beforeAll(async () => {
  const dir = tempDir();
  dbFile = path.join(dir, 'iom.db');
  inbox = tempDir();
  const [r1, r2] = await makeRevisions(inbox, makeSigner());
  const other = await makePackage({ dir: inbox, signer: makeSigner('Other'), otherMechanism: 'Diálogo Andino sobre Migración' });
  imported = [r1, r2, other];
  // The importer of today fills a database; its search texts are then removed and the schema put
  // back to 0004, which is exactly what an import under schema 0004 left (0005 only adds the table).
  const service = createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor: 'importer' });
  await service.importPaths(imported.map((p) => p.path));
  service.close();
  const db = openDatabase(dbFile, { migrations: iomMigrations });
  db.exec('DROP TABLE search_texts');
  db.pragma('user_version = 4');
  db.close();
  const old = openDatabase(dbFile, { migrations: iomMigrations.slice(0, 4) });
  expect(old.pragma('user_version', { simple: true })).toBe(4);
  before = Object.fromEntries(TABLES.map((t) => [t, snapshot(old, t)]));
  expect(before.submissions).toHaveLength(3);
  old.close();
}, 120_000);

const open = (): IomService => createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor: 'after migration' });

describe('iom.db migration 0005 (search texts)', () => {
  it('adds an empty STRICT search_texts table and changes nothing else', () => {
    const service = open();
    try {
      const db = service.db;
      expect(db.pragma('user_version', { simple: true })).toBe(5);
      expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'search_texts'").get()).toEqual({ strict: 1 });
      expect(textsIn(db).size).toBe(0);
      for (const t of TABLES) expect(snapshot(db, t), t).toEqual(before[t]);
    } finally {
      service.close();
    }
  });

  it('the first read makes the texts of the revisions stored before it, from their own answers; the signed rows are untouched', async () => {
    const service = open();
    try {
      const read = await service.listWithSearchTexts({ status: 'all' });
      expect(read).toHaveLength(3);
      const loaded = realQuestionnaire();
      for (const { row, answersText } of read) {
        expect(answersText).toBe(answersSearchText(loaded, JSON.parse(row.responses_json) as Record<string, unknown>));
        // Written answers, folded: the Arabic text without its marks (the hamza under the alef too).
        expect(answersText).toContain('التعاون الاقليمي');
        expect(answersText).not.toMatch(/[A-ZÉ]/);
      }
      const byId = new Map(read.map((r) => [r.row.submission_id, r.answersText]));
      expect(byId.get(imported[0]?.submissionId ?? '')).toContain('réponse first'.normalize('NFD').replace(/\p{M}/gu, ''));
      expect(byId.get(imported[1]?.submissionId ?? '')).toContain('reponse amended');
      expect(byId.get(imported[2]?.submissionId ?? '')).toContain('dialogo andino sobre migracion');
      expect(textsIn(service.db)).toEqual(byId);
      expect(snapshot(service.db, 'submissions')).toEqual(before.submissions);
    } finally {
      service.close();
    }
  });

  it('makes them once: with none missing, nothing is written', () => {
    const opened = openIom(dbFile);
    try {
      const registry = createQuestionnaireRegistry(releasesRepo(opened.db));
      const changesBefore = opened.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n;
      expect(fillMissingSearchTexts(opened, registry)).toBe(0);
      expect(opened.db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n).toBe(changesBefore);
      // A text removed by hand is made again, and only it.
      const [first] = imported;
      const kept = textsIn(opened.db).get(first?.submissionId ?? '');
      opened.db.prepare('DELETE FROM search_texts WHERE submission_id = ?').run(first?.submissionId);
      expect(fillMissingSearchTexts(opened, registry)).toBe(1);
      expect(textsIn(opened.db).get(first?.submissionId ?? '')).toBe(kept);
    } finally {
      opened.db.close();
    }
  });

  it('a stored revision whose answers cannot be read is left without a text, and the others are made', () => {
    // On a copy: the signed rows of the real file are never edited.
    const copy = path.join(tempDir(), 'iom.db');
    fs.copyFileSync(dbFile, copy);
    const opened = openIom(copy);
    try {
      const [first, second] = imported;
      opened.db.prepare('DELETE FROM search_texts WHERE submission_id IN (?, ?)').run(first?.submissionId, second?.submissionId);
      opened.db.prepare("UPDATE submissions SET responses_json = '{not json' WHERE submission_id = ?").run(first?.submissionId);
      const registry = createQuestionnaireRegistry(releasesRepo(opened.db));
      expect(fillMissingSearchTexts(opened, registry)).toBe(1);
      const texts = textsIn(opened.db);
      expect(texts.has(first?.submissionId ?? '')).toBe(false);
      expect(texts.get(second?.submissionId ?? '')).toContain('reponse amended');
    } finally {
      opened.db.close();
    }
  });

  it('a revision imported after it has its text from its import, before anything reads it', async () => {
    const later = await makePackage({ dir: inbox, signer: makeSigner('Later'), mechanismIndex: 3, note: 'Zusammenarbeit' });
    const service = open();
    try {
      const [outcome] = (await service.importPaths([later.path])).outcomes;
      expect(outcome?.code).toBe('IMPORTED');
      const text = textsIn(service.db).get(later.submissionId);
      expect(text).toContain('zusammenarbeit');
      const row = service.getSubmission(later.submissionId);
      expect(text).toBe(answersSearchText(realQuestionnaire(), JSON.parse(row?.responses_json ?? '{}') as Record<string, unknown>));
    } finally {
      service.close();
    }
  });

  it('the migrated file is owner-only, as a new one is', () => {
    expect(fs.statSync(dbFile).mode & 0o777).toBe(0o600);
  });
});
