import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { migration0001 } from '../../../db/migrations/app/0001-drafts.js';
import { migration0002 } from '../../../db/migrations/app/0002-attachments.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const SHA = 'ab'.repeat(32);

function at(version: 1 | 2, file = path.join(tempDir(), 'm2.db')) {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, version === 1 ? [migration0001] : [migration0001, migration0002], file);
  return db;
}

const insertDraft = (db: Database.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, language, created_at, updated_at)
       VALUES (?, 't', 'q', '1.0.0', 'secretariat', 'en', 'now', 'now')`,
    )
    .run(id);
const insertFile = (db: Database.Database, sha = SHA, size = 3) =>
  db.prepare("INSERT INTO attachments (sha256, size, media_type, first_name, added_at) VALUES (?, ?, 'application/pdf', 'a.pdf', 'now')").run(sha, size);

describe('migration 0002: attachments, attachment uses, event notes', () => {
  it('upgrades a version-1 database with its drafts and events intact', () => {
    const file = path.join(tempDir(), 'm.db');
    const v1 = at(1, file);
    insertDraft(v1, 'd1');
    v1.prepare("INSERT INTO answer_events (draft_id, path, old_value_json, new_value_json, at) VALUES ('d1', 'q', NULL, '1', 'now')").run();
    v1.close();
    const db = at(2, file);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare('SELECT path, note FROM answer_events').all()).toEqual([{ path: 'q', note: null }]);
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE name IN ('attachments', 'attachment_uses') ORDER BY name").all();
    expect(strict).toEqual([
      { name: 'attachment_uses', strict: 1 },
      { name: 'attachments', strict: 1 },
    ]);
    db.close();
  });

  it('accepts only a lowercase hex SHA-256 and a positive size', () => {
    const db = at(2);
    expect(() => insertFile(db, 'AB'.repeat(32))).toThrow(/CHECK/);
    expect(() => insertFile(db, `${'a'.repeat(63)}g`)).toThrow(/CHECK/);
    expect(() => insertFile(db, 'abc')).toThrow(/CHECK/);
    expect(() => insertFile(db, SHA, 0)).toThrow(/CHECK/);
    expect(() => insertFile(db, SHA, '3' as unknown as number)).not.toThrow();
    expect(() => insertFile(db, 'cd'.repeat(32), 'x' as unknown as number)).toThrow(/cannot store TEXT value in INTEGER/);
    db.close();
  });

  it('drafts get a progress cache column that is NULL or between 0 and 1', () => {
    const db = at(2);
    insertDraft(db, 'd1');
    expect(db.prepare("SELECT progress FROM drafts WHERE id = 'd1'").pluck().get()).toBeNull();
    db.prepare("UPDATE drafts SET progress = 0.5 WHERE id = 'd1'").run();
    expect(() => db.prepare("UPDATE drafts SET progress = 1.5 WHERE id = 'd1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE drafts SET progress = -0.1 WHERE id = 'd1'").run()).toThrow(/CHECK/);
    db.close();
  });

  it('a use needs an existing draft and file, and goes with its draft when the trash is emptied', () => {
    const db = at(2);
    insertDraft(db, 'd1');
    insertFile(db);
    expect(() => db.prepare("INSERT INTO attachment_uses VALUES ('ghost', ?, 'now')").run(SHA)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO attachment_uses VALUES ('d1', ?, 'now')").run('ef'.repeat(32))).toThrow(/FOREIGN KEY/);
    db.prepare("INSERT INTO attachment_uses VALUES ('d1', ?, 'now')").run(SHA);
    db.prepare("DELETE FROM drafts WHERE id = 'd1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM attachment_uses').get()).toEqual({ n: 0 });
    // The file's record stays: other drafts or submissions may still need it.
    expect(db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 1 });
    db.close();
  });
});
