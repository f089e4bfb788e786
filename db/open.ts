import Database from 'better-sqlite3';
import { DatabaseTooNewError, migrate, type Migration } from './migrate.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly migrations: readonly Migration[];
  /** Path to a better_sqlite3.node built for the running runtime (Electron in development). */
  readonly nativeBinding?: string;
  readonly readonly?: boolean;
}

/**
 * Opens (creating if needed) a database with the pragmas durability needs:
 * WAL for concurrent readers, and synchronous=FULL because in WAL mode SQLite
 * would otherwise use NORMAL, where a power cut can lose the last commits —
 * an answer we told the user was saved must survive that.
 */
export function openDatabase(file: string, options: OpenOptions): Db {
  const db = new Database(file, {
    fileMustExist: false,
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  try {
    db.pragma('busy_timeout = 5000');
    // Check the version before anything writes: a newer app's file stays byte-for-byte untouched.
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > options.migrations.length) throw new DatabaseTooNewError(file, found, options.migrations.length);
    if (!options.readonly) {
      const mode = switchToWal(db);
      if (mode !== 'wal') throw new Error(`Could not switch ${file} to WAL mode (got ${String(mode)}).`);
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, options.migrations, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Switching a new file to WAL needs SQLite's exclusive lock, and SQLite answers "busy" at once,
 * without its busy timeout, when another process opening the same new file holds a shared lock
 * at that instant. A few tries over up to two seconds let the other opener finish its switch.
 */
function switchToWal(db: Db): unknown {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      return db.pragma('journal_mode = WAL', { simple: true });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if ((code !== 'SQLITE_BUSY' && code !== 'SQLITE_LOCKED') || attempt >= 40) throw error;
      Atomics.wait(pause, 0, 0, 50);
    }
  }
}
