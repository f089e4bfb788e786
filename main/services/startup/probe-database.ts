import fs from 'node:fs';
import Database from 'better-sqlite3';

/** What a look at the database file (without changing it) found. */
export type ProbeResult =
  | { readonly kind: 'ok'; readonly version: number }
  | { readonly kind: 'newer'; readonly version: number }
  | { readonly kind: 'corrupt'; readonly detail: string }
  | { readonly kind: 'foreign'; readonly detail: string }
  | { readonly kind: 'locked' }
  | { readonly kind: 'unreadable'; readonly detail: string };

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : '';

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Reads the 100-byte header without SQLite: not a database at all, or a newer
 * version, is known before SQLite could create a -wal or -shm beside the file.
 * Undefined when SQLite must look (an empty file is a valid new database).
 */
function probeHeader(file: string, supportedVersion: number): ProbeResult | undefined {
  let header: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      header = Buffer.alloc(100);
      header = header.subarray(0, fs.readSync(fd, header, 0, 100, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined; // SQLite will report it (a folder, no permission…)
  }
  if (header.length === 0) return undefined;
  if (header.length < 100 || !header.subarray(0, 16).equals(MAGIC)) return { kind: 'corrupt', detail: 'not an SQLite database' };
  const version = header.readInt32BE(60);
  return version > supportedVersion ? { kind: 'newer', version } : undefined;
}

/** How long to wait for another program's lock before calling the file locked. */
const LOCK_WAIT_MS = 1000;

/**
 * Opens the file read-only and asks SQLite what it is: ours at a version we know,
 * ours from a newer version, not a database (random bytes), damaged (truncated),
 * someone else's database, or locked by another program. A read-only connection
 * never writes, so a newer or foreign file stays byte-for-byte as it was.
 */
export function probeDatabase(file: string, supportedVersion: number, nativeBinding?: string): ProbeResult {
  const fromHeader = probeHeader(file, supportedVersion);
  if (fromHeader) return fromHeader;
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: LOCK_WAIT_MS, ...(nativeBinding ? { nativeBinding } : {}) });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > supportedVersion) return { kind: 'newer', version };
    const tables = db.prepare("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    if (version === 0 && tables > 0) return { kind: 'foreign', detail: 'a database of another program (it has tables but no app version)' };
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { kind: 'corrupt', detail: String(check) };
    return { kind: 'ok', version };
  } catch (error) {
    const code = codeOf(error);
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { kind: 'locked' };
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return { kind: 'corrupt', detail: code };
    return { kind: 'unreadable', detail: code || (error instanceof Error ? error.message : String(error)) };
  } finally {
    db?.close();
  }
}
