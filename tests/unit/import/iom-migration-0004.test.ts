import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { iomMigrations } from '../../../db/migrations/iom/index.js';
import { openDatabase } from '../../../db/open.js';
import { createIomService, type IomService } from '../../../main/services/import/iom-service.js';
import { DEV_IDENTITY, tempDir } from './iom-kit.js';
import { makePackage, makeRevisions, makeSigner, type MadePackage } from './package-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

/**
 * Migration 0004 (review states) on an iom.db of schema 0003 with submissions imported by the
 * importer of that schema: every stored revision gets its `imported` line at its import time,
 * so it reads `received`; nothing else changes; the log then refuses to be edited.
 */

let dbFile: string;
let r1: MadePackage;
let r2: MadePackage;
let other: MadePackage;
let before: Record<string, unknown[]>;
const upTo0003 = iomMigrations.slice(0, 3);
const TABLES = ['submissions', 'submission_attachments', 'chains', 'chain_events', 'respondents', 'signers', 'quarantine', 'held_packages'];
const snapshot = (db: ReturnType<typeof openDatabase>, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();

beforeAll(async () => {
  const dir = tempDir();
  dbFile = path.join(dir, 'iom.db');
  const inbox = tempDir();
  [r1, r2] = await makeRevisions(inbox, makeSigner());
  other = await makePackage({ dir: inbox, signer: makeSigner('Other'), mechanismIndex: 2 });
  // The importer of today fills a database; its review lines are then removed and the schema put
  // back to 0003, which is exactly what an import under schema 0003 left (0004 only adds the log).
  const service = createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor: 'importer' });
  await service.importPaths([r1.path, r2.path, other.path]);
  service.close();
  const db = openDatabase(dbFile, { migrations: iomMigrations });
  // Tables of later migrations go too (their own tests add them back the same way).
  db.exec('DROP TABLE search_texts; DROP TABLE review_events');
  db.pragma('user_version = 3');
  db.close();
  const old = openDatabase(dbFile, { migrations: upTo0003 });
  expect(old.pragma('user_version', { simple: true })).toBe(3);
  expect(old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'review_events'").get()).toEqual({ n: 0 });
  before = Object.fromEntries(TABLES.map((t) => [t, snapshot(old, t)]));
  old.close();
}, 120_000);

const open = (): IomService => createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor: 'after migration' });

describe('iom.db migration 0004 (review states)', () => {
  it('creates a STRICT review_events table, keeps every other row, and gives each stored revision its imported line', () => {
    const service = open();
    try {
      const db = service.db;
      expect(db.pragma('user_version', { simple: true })).toBe(iomMigrations.length);
      expect(db.prepare("SELECT strict FROM pragma_table_list WHERE name = 'review_events'").get()).toEqual({ strict: 1 });
      for (const t of TABLES) expect(snapshot(db, t), t).toEqual(before[t]);
      const imported = new Map(service.listSubmissions({ status: 'all' }).map((s) => [s.submission_id, s.imported_at]));
      expect(imported.size).toBe(3);
      for (const [id, at] of imported) {
        expect(service.reviewOf(id).log).toEqual([{ action: 'imported', from: null, to: 'received', comment: null, actor: 'unknown', at }]);
      }
      expect(service.listSubmissions({ status: 'all' }).map((s) => s.review_state)).toEqual(['received', 'received', 'received']);
    } finally {
      service.close();
    }
  });

  it('after it: reviews are recorded, and the log refuses to be changed or deleted', () => {
    const service = open();
    try {
      expect(service.setReview(other.submissionId, { state: 'rejected', comment: 'Not an ISCM.', actor: 'Jean' }).state).toBe('rejected');
      expect(() => service.db.prepare("UPDATE review_events SET actor = 'someone else'").run()).toThrow(/cannot be changed/);
      expect(() => service.db.prepare('DELETE FROM review_events').run()).toThrow(/cannot be deleted/);
      expect(() =>
        service.db
          .prepare("INSERT INTO review_events (submission_id, action, from_state, to_state, comment, actor, at) VALUES (?, 'state', 'received', 'edited', NULL, 'x', 'now')")
          .run(other.submissionId),
      ).toThrow(/CHECK/);
      expect(() =>
        service.db
          .prepare("INSERT INTO review_events (submission_id, action, from_state, to_state, comment, actor, at) VALUES ('no-such-submission', 'imported', NULL, 'received', NULL, 'x', 'now')")
          .run(),
      ).toThrow(/FOREIGN KEY/);
      expect(service.reviewOf(other.submissionId).log.map((l) => l.action)).toEqual(['imported', 'state']);
    } finally {
      service.close();
    }
  });

  it('the migrated file is owner-only, as a new one is', () => {
    expect(fs.statSync(dbFile).mode & 0o777).toBe(0o600);
  });
});
