import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/open.js';
import { fsyncDir, fsyncFile, removeOwnTempFiles } from './durable-files.js';

/**
 * Copy every page in one step. SQLite restarts a stepped backup whenever another
 * connection writes to the source, so with autosave running in parallel small
 * steps might never finish; one step reads one consistent snapshot (WAL lets the
 * writer go on meanwhile).
 */
const ALL_PAGES = 0x7fffffff;

/**
 * Runs `work` with `file` attached to the live connection under a fresh schema
 * name. Everything goes through the app's own connection, so it works with the
 * native binding the app was opened with (Electron's, in development).
 */
export function withAttached<T>(db: Db, file: string, work: (schema: string) => T): T {
  const schema = `other_${randomBytes(4).toString('hex')}`;
  db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(file);
  try {
    return work(schema);
  } finally {
    db.exec(`DETACH DATABASE ${schema}`);
  }
}

/**
 * Writes a consistent copy of `db` to `target` with SQLite's online backup API,
 * atomically: to a temp name beside it, switched to a single self-contained file
 * (journal_mode DELETE, so the copy never needs a -wal beside it), checked,
 * fsynced, then renamed. `target` never holds a partial copy.
 */
export async function copyDatabaseAtomically(db: Db, target: string): Promise<number> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await db.backup(temp, { progress: () => ALL_PAGES });
    withAttached(db, temp, (copy) => {
      db.pragma(`${copy}.journal_mode = DELETE`);
      const check = db.pragma(`${copy}.quick_check`, { simple: true });
      if (check !== 'ok') throw new Error(`The backup copy failed its check: ${String(check)}`);
    });
    fsyncFile(temp);
    fs.renameSync(temp, target);
    fsyncDir(path.dirname(target));
    return fs.statSync(target).size;
  } catch (error) {
    removeOwnTempFiles(temp);
    throw error;
  }
}

/** A database file's schema version and whether SQLite's full check passes; throws when it is not a database. */
export function inspectDatabaseFile(db: Db, file: string): { version: number; intact: boolean } {
  return withAttached(db, file, (other) => ({
    version: db.pragma(`${other}.user_version`, { simple: true }) as number,
    intact: db.pragma(`${other}.integrity_check`, { simple: true }) === 'ok',
  }));
}

/**
 * Replaces the content of the live database `db` with `source` through the backup
 * API: the live connection stays open and sees the new content at once (WAL keeps
 * both consistent), and the write is one transaction, so a crash leaves either the
 * old or the new content.
 */
export async function copyIntoLiveDatabase(source: string, db: Db): Promise<void> {
  const schema = `restore_${randomBytes(4).toString('hex')}`;
  db.prepare(`ATTACH DATABASE ? AS ${schema}`).run(source);
  try {
    // `attached` (back up an attached database) exists in better-sqlite3 but not in its type definitions.
    const options = { attached: schema, progress: () => ALL_PAGES };
    await db.backup(db.name, options);
  } finally {
    db.exec(`DETACH DATABASE ${schema}`);
  }
}
