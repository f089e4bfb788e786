import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { folderHolderSchema, type FolderHolder } from '../../../core/contract/channels/maintenance.js';
import { systemClock, type Clock } from '../clock.js';
import { isProcessAlive, sleepSync } from './process-check.js';

/**
 * One writer per data folder. Two hosts on one folder (the desktop app and the web host, two
 * `iscm` commands on one iom.db) would each believe they own the data; the second must stop and
 * say who holds it.
 *
 * The lock is a kernel lock that dies with its process: an SQLite file, `iscm.lock`, held in
 * exclusive locking mode (a write transaction whose lock the connection keeps until it closes).
 * SQLite takes it with fcntl() on POSIX and LockFileEx() on Windows, both released by the
 * operating system when the process ends, however it ends (SIGKILL, power cut, crash). So a
 * killed host never leaves a stale lock that shuts the user out: there is nothing to clean up.
 * Node has no flock(); SQLite, which the app ships anyway, gives the same guarantee everywhere.
 *
 * Who holds it is written beside it, in `iscm.lock.json`, right after the lock is taken. That
 * file is only read when the lock is refused, and only trusted when its process is alive (a
 * file left by a killed holder names a dead process and is ignored).
 */

export const LOCK_FILE = 'iscm.lock';
export const HOLDER_FILE = 'iscm.lock.json';

export type HostKind = FolderHolder['host'];

export interface FolderLock {
  readonly holder: FolderHolder;
  readonly file: string;
  /** Releases the lock (idempotent). */
  readonly release: () => void;
}

export type LockResult =
  | { readonly ok: true; readonly lock: FolderLock }
  /** Another process holds the folder; `holder` says which when it can be told. */
  | { readonly ok: false; readonly reason: 'held'; readonly holder: FolderHolder | null }
  /** The lock file could not be made (a read-only folder, permissions): the caller reports why. */
  | { readonly ok: false; readonly reason: 'unwritable'; readonly code: string };

export interface LockOptions {
  readonly host: HostKind;
  readonly clock?: Clock;
  readonly nativeBinding?: string;
  /** How long to wait for a holder that has just taken the lock to write who it is. */
  readonly holderWaitMs?: number;
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : String(error);

/** The holder named beside the lock, if its process is alive (or runs on another computer, where it cannot be checked). */
export function readLiveHolder(dir: string): FolderHolder | null {
  let parsed: FolderHolder;
  try {
    parsed = folderHolderSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, HOLDER_FILE), 'utf8')));
  } catch {
    return null;
  }
  if (parsed.hostname !== os.hostname()) return parsed;
  return isProcessAlive(parsed.pid) ? parsed : null;
}

function writeHolder(dir: string, holder: FolderHolder): void {
  const target = path.join(dir, HOLDER_FILE);
  const temp = `${target}.${process.pid}.tmp`;
  const fd = fs.openSync(temp, 'w', 0o644);
  try {
    fs.writeFileSync(fd, `${JSON.stringify(holder)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, target);
}

function removeHolderIfMine(dir: string, holder: FolderHolder): void {
  try {
    const file = path.join(dir, HOLDER_FILE);
    const found = folderHolderSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (found.success && found.data.pid === holder.pid && found.data.startedAt === holder.startedAt)
      fs.rmSync(file, { force: true });
  } catch {
    // Only a courtesy: a holder file that stays names a process that is gone, and is ignored.
  }
}

const TAKE_ATTEMPTS = 5;

type Taken = { ok: true; db: Database.Database } | { ok: false; reason: 'busy' | 'unwritable'; code: string };

/** One try at SQLite's EXCLUSIVE lock on the lock file, kept (exclusive locking mode) once taken. */
function tryTake(file: string, clock: Clock, nativeBinding: string | undefined): Taken {
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (error) {
    return { ok: false, reason: 'unwritable', code: codeOf(error) };
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The write makes SQLite take (and, in exclusive locking mode, keep) the EXCLUSIVE lock.
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS taken (at TEXT NOT NULL)');
    db.prepare('INSERT INTO taken (at) VALUES (?)').run(clock.now().toISOString());
    db.exec('DELETE FROM taken WHERE rowid < (SELECT max(rowid) FROM taken)');
    db.exec('COMMIT');
    return { ok: true, db };
  } catch (error) {
    db.close();
    const code = codeOf(error);
    return { ok: false, reason: code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' ? 'busy' : 'unwritable', code };
  }
}

/**
 * Takes the lock on `dir` for this process, or says who has it. Never waits for a held lock
 * (a second host must say "in use" at once, not hang; a few tries within ~0.3 s settle a tie); waits up to `holderWaitMs` only for a
 * holder that won the lock an instant ago to write its name.
 */
export function lockFolder(
  dir: string,
  { host, clock = systemClock, nativeBinding, holderWaitMs = 2000 }: LockOptions,
): LockResult {
  const file = path.join(dir, LOCK_FILE);
  // Two hosts starting at the same instant can each hold SQLite's shared lock while asking for the
  // exclusive one, and both be told "busy". A few short tries, at random moments, let one of them
  // win; a real holder keeps its lock, so the last try is refused too (a fraction of a second).
  let db: Database.Database | undefined;
  for (let attempt = 0; db === undefined; attempt++) {
    const taken = tryTake(file, clock, nativeBinding);
    if (taken.ok) db = taken.db;
    else if (taken.reason !== 'busy') return { ok: false, reason: 'unwritable', code: taken.code };
    else if (attempt >= TAKE_ATTEMPTS) return { ok: false, reason: 'held', holder: waitForHolder(dir, holderWaitMs) };
    else sleepSync(10 + Math.floor(Math.random() * 40));
  }
  const holder: FolderHolder = {
    pid: process.pid,
    host,
    hostname: os.hostname().slice(0, 255) || 'unknown',
    startedAt: clock.now().toISOString(),
  };
  try {
    writeHolder(dir, holder);
  } catch {
    // The lock holds without it; a second host then says "another program" instead of naming us.
  }
  let released = false;
  const lock: FolderLock = {
    holder,
    file,
    release: () => {
      if (released) return;
      released = true;
      held.delete(lock);
      removeHolderIfMine(dir, holder);
      db.close();
    },
  };
  held.add(lock);
  return { ok: true, lock };
}

/**
 * Every lock this process holds. A connection that nothing refers to is closed by the garbage
 * collector, and closing it would free the lock while the host still runs; so a lock stays
 * referenced here until it is released, whatever its caller keeps.
 */
const held = new Set<FolderLock>();

function waitForHolder(dir: string, waitMs: number): FolderHolder | null {
  const until = Date.now() + waitMs;
  for (;;) {
    const holder = readLiveHolder(dir);
    if (holder || Date.now() >= until) return holder;
    sleepSync(25);
  }
}
