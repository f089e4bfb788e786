import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open.js';
import { DatabaseTooNewError, migrate, type Migration } from '../../../db/migrate.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('openDatabase', () => {
  it('sets the pragmas durability needs', () => {
    const db = openDatabase(path.join(tempDir(), 'a.db'), { migrations: appMigrations });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(appMigrations.length);
    db.close();
  });

  it('refuses a database from a newer version and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'newer.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${appMigrations.length + 5}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, { migrations: appMigrations })).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file, { migrations: appMigrations })).toThrow(/newer version of the app/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('runs each migration with its version bump in one transaction', () => {
    const file = path.join(tempDir(), 'partial.db');
    const failing: Migration[] = [
      { version: 1, name: 'ok', up: (db) => db.exec('CREATE TABLE a (x INTEGER) STRICT') },
      {
        version: 2,
        name: 'fails halfway',
        up: (db) => {
          db.exec('CREATE TABLE b (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    const db = new Database(file);
    expect(() => migrate(db, failing, file)).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(['a']);
    db.close();
  });

  it('refuses a migration list with a gap', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, [{ version: 2, name: 'gap', up: () => undefined }], ':memory:')).toThrow(/expected 1/);
    db.close();
  });
});
