import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

function at(version: 4 | 5, file: string) {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  migrate(db, appMigrations.slice(0, version), file);
  return db;
}

const insertDraft = (db: Database.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, language, created_at, updated_at)
       VALUES (?, 't', 'q', '1.0.0', 'secretariat', 'en', 'now', 'now')`,
    )
    .run(id);

describe('migration 0005: answer versions', () => {
  it('upgrades a version-4 database keeping every answer and event, each answer at version 1', () => {
    const file = path.join(tempDir(), 'm5.db');
    const v4 = at(4, file);
    insertDraft(v4, 'd1');
    insertDraft(v4, 'd2');
    const answer = v4.prepare("INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES (?, ?, ?, 'then')");
    answer.run('d1', 'q', '"text"');
    answer.run('d1', 'multi', '["a","b"]');
    answer.run('d2', 'group', '["r1"]');
    v4.prepare("INSERT INTO answer_events (draft_id, path, old_value_json, new_value_json, at) VALUES ('d1', 'q', NULL, '\"text\"', 'then')").run();
    const before = v4.prepare('SELECT draft_id, path, value_json, updated_at FROM answers ORDER BY draft_id, path').all();
    v4.close();

    const db = at(5, file);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    expect(db.prepare('SELECT draft_id, path, value_json, updated_at FROM answers ORDER BY draft_id, path').all()).toEqual(before);
    expect(db.prepare('SELECT DISTINCT version FROM answers').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT count(*) FROM answer_events').pluck().get()).toBe(1);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });

  it('a new answer starts at version 1, and a version is never below 1', () => {
    const db = at(5, path.join(tempDir(), 'm5.db'));
    insertDraft(db, 'd1');
    db.prepare("INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES ('d1', 'q', '1', 'now')").run();
    expect(db.prepare("SELECT version FROM answers WHERE path = 'q'").pluck().get()).toBe(1);
    expect(() => db.prepare("UPDATE answers SET version = 0 WHERE path = 'q'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE answers SET version = 'x' WHERE path = 'q'").run()).toThrow(/cannot store TEXT value in INTEGER/);
    db.close();
  });
});
