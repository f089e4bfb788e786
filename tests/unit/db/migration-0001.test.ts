import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate.js';
import { migration0001 } from '../../../db/migrations/app/0001-drafts.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

function freshAt1() {
  const db = new Database(path.join(tempDir(), 'm1.db'));
  db.pragma('foreign_keys = ON');
  migrate(db, [migration0001], 'm1.db');
  return db;
}

const insertDraft = (db: Database.Database, id: string) =>
  db
    .prepare(
      `INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, language, created_at, updated_at)
       VALUES (?, 't', 'q', '1.0.0', 'secretariat', 'en', 'now', 'now')`,
    )
    .run(id);

describe('migration 0001: drafts, answers, answer events', () => {
  it('creates STRICT tables', () => {
    const db = freshAt1();
    const strict = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(strict).toEqual(
      expect.arrayContaining([
        { name: 'drafts', strict: 1 },
        { name: 'answers', strict: 1 },
        { name: 'answer_events', strict: 1 },
      ]),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a value of the wrong type and an unknown status or language', () => {
    const db = freshAt1();
    insertDraft(db, 'd1');
    expect(() => db.prepare("UPDATE drafts SET status = 'sent' WHERE id = 'd1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE drafts SET language = 'de' WHERE id = 'd1'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO answer_events (draft_id, path, new_value_json, at) VALUES ('d1', 'p', 'x', 'y')").run()).not.toThrow();
    expect(() => db.prepare("INSERT INTO answer_events (id, draft_id, path, new_value_json, at) VALUES ('abc', 'd1', 'p', 'x', 'y')").run()).toThrow(
      /datatype mismatch/,
    );
    db.close();
  });

  it('keeps one current value per draft and path, and refuses answers of an unknown draft', () => {
    const db = freshAt1();
    insertDraft(db, 'd1');
    const put = db.prepare("INSERT INTO answers (draft_id, path, value_json, updated_at) VALUES (?, 'q', '1', 'now')");
    put.run('d1');
    expect(() => put.run('d1')).toThrow(/UNIQUE/);
    expect(() => put.run('nope')).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
