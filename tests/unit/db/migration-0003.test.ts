import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

function fresh() {
  const db = new Database(path.join(tempDir(), 'm3.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, appMigrations.slice(0, 3), 'm3.db');
  return db;
}

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function seed(db: Database.Database) {
  db.prepare(
    `INSERT INTO identities (id, name, title, organisation, mechanism, email, public_key, fingerprint, encrypted_key_json, os_protection, created_at)
     VALUES ('i1', 'n', '', 'o', NULL, '', 'ssh-ed25519 AAAA', 'SHA256:x', '{}', 'none', 'now')`,
  ).run();
}

const insertRevision = (
  db: Database.Database,
  id: string,
  root: string,
  supersedes: string | null,
  revision: number,
  draft: string,
) =>
  db
    .prepare(
      `INSERT INTO submissions (id, root_id, supersedes, revision, draft_id, identity_id, questionnaire_id, questionnaire_version, language,
         mechanism_json, respondent_json, signer_json, recipients_json, responses_json, attachments_json, app_name, app_version, finalized_at)
       VALUES (?, ?, ?, ?, ?, 'i1', 'q', '1.0.0', 'en', '{}', '{}', '{}', '[]', '{}', '[]', 'a', '1', 'now')`,
    )
    .run(id, root, supersedes, revision, draft);

describe('migration 0003: identities, submissions, exports', () => {
  it('creates STRICT tables at user_version 3', () => {
    const db = fresh();
    const names = db
      .prepare<[], { name: string; strict: number }>(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'",
      )
      .all();
    for (const t of ['identities', 'submissions', 'submission_attachments', 'draft_amendments', 'submission_exports'])
      expect(names).toContainEqual({ name: t, strict: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(3);
    db.close();
  });

  it('keeps revisions immutable and the chain consistent', () => {
    const db = fresh();
    seed(db);
    insertRevision(db, A, A, null, 1, 'd1');
    expect(() => insertRevision(db, B, A, null, 2, 'd2')).toThrow(/CHECK/);
    expect(() => insertRevision(db, B, B, A, 1, 'd2')).toThrow(/CHECK/);
    expect(() => insertRevision(db, B, A, A, 2, 'd1')).toThrow(/UNIQUE/);
    insertRevision(db, B, A, A, 2, 'd2');
    expect(() => insertRevision(db, '33333333-3333-4333-8333-333333333333', A, A, 3, 'd3')).toThrow(/UNIQUE/);
    expect(() => db.prepare('UPDATE submissions SET responses_json = ? WHERE id = ?').run('{"x":1}', A)).toThrow(
      /cannot be changed/,
    );
    expect(() => db.prepare('DELETE FROM submissions WHERE id = ?').run(B)).toThrow(/cannot be deleted/);
    db.close();
  });

  it('refuses an export without a revision, a bad hash, and an attachment the store does not know', () => {
    const db = fresh();
    seed(db);
    insertRevision(db, A, A, null, 1, 'd1');
    const addExport = db.prepare(
      'INSERT INTO submission_exports (submission_id, path, sha256, size, exported_at) VALUES (?, ?, ?, ?, ?)',
    );
    expect(() => addExport.run(B, '/x', 'a'.repeat(64), 10, 'now')).toThrow(/FOREIGN KEY/);
    expect(() => addExport.run(A, '/x', 'abc', 10, 'now')).toThrow(/CHECK/);
    addExport.run(A, '/x', 'a'.repeat(64), 10, 'now');
    expect(() =>
      db.prepare('INSERT INTO submission_attachments (submission_id, sha256) VALUES (?, ?)').run(A, 'b'.repeat(64)),
    ).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE identities SET os_protection = 'plain'").run()).toThrow(/CHECK/);
    db.close();
  });
});
