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
      const mode = db.pragma('journal_mode = WAL', { simple: true });
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
