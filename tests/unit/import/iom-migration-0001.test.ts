import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError } from '../../../db/migrate.js';
import { iomMigration0001 } from '../../../db/migrations/iom/0001-iom.js';
import { iomMigrations } from '../../../db/migrations/iom/index.js';

/** iom.db as migration 0001 left it (migration 0002 renames and extends some of these tables). */
const upTo0001 = [iomMigration0001];
import { openDatabase } from '../../../db/open.js';
import { tempDir } from './iom-kit.js';

const TABLES = ['submissions', 'submission_attachments', 'pinned_keys', 'rejected_keys', 'key_events', 'held_packages', 'quarantine', 'import_log'];

describe('iom.db migration 0001', () => {
  it('creates STRICT tables and records the version', () => {
    const db = openDatabase(path.join(tempDir(), 'iom.db'), { migrations: upTo0001 });
    const rows = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all();
    expect(rows).toEqual(expect.arrayContaining(TABLES.map((name) => ({ name, strict: 1 }))));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses values of the wrong type and unknown states', () => {
    const db = openDatabase(path.join(tempDir(), 'iom.db'), { migrations: upTo0001 });
    const pin = db.prepare("INSERT INTO pinned_keys VALUES ('m', 'k', 'f', 'n', ?, 'now', 'me')");
    expect(() => pin.run('guess')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO submission_attachments VALUES ('nope', 'abc', 1)").run()).toThrow(/FOREIGN KEY|CHECK/);
    const held = db.prepare(
      "INSERT INTO held_packages (mechanism, fingerprint, public_key, pinned_fingerprint, signer_name, submission_id, revision, file_name, package_sha256, held_at, state) VALUES ('m', 'f', 'k', 'p', 'n', 's', ?, 'x', ?, 'now', ?)",
    );
    expect(() => held.run('two', 'h1', 'held')).toThrow(/cannot store TEXT value in INTEGER/);
    expect(() => held.run(2, 'h2', 'maybe')).toThrow(/CHECK/);
    db.close();
  });

  it('a database from a newer version is refused and left untouched', () => {
    const file = path.join(tempDir(), 'iom.db');
    const raw = new Database(file);
    raw.pragma('user_version = 99');
    raw.close();
    expect(() => openDatabase(file, { migrations: iomMigrations })).toThrow(DatabaseTooNewError);
  });
});
