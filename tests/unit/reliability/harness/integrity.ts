import Database from 'better-sqlite3';

/** SQLite's own full check of a database file, on a read-only connection of its own. */
export function passesIntegrityCheck(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.pragma('integrity_check', { simple: true }) === 'ok';
  } finally {
    db.close();
  }
}
