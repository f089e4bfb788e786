import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { AppError } from '../../../core/contract/errors.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { APP_DB_FILE } from '../app-services.js';
import { backupDirOf, listBackups } from '../backup/backup-files.js';
import { fsyncDir, fsyncFile, removeOwnTempFiles } from '../backup/durable-files.js';
import type { RestoreResult } from '../backup/backup-service.js';
import type { Clock } from '../clock.js';
import { moveDatabaseAside } from './move-aside.js';

export interface RestoreStoppedOptions {
  readonly dataDir: string;
  readonly name: string;
  readonly clock: Clock;
  readonly nativeBinding?: string;
}

/** A backup must be whole and no newer than this app; checked on its own read-only connection. */
function checkBackup(file: string, nativeBinding: string | undefined): void {
  let db: Database.Database | undefined;
  let version: number;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    version = db.pragma('user_version', { simple: true }) as number;
    if (db.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('integrity');
  } catch {
    throw new AppError('BAD_FILE', 'This backup is damaged and cannot be restored. Choose another one.');
  } finally {
    db?.close();
  }
  if (version > appMigrations.length)
    throw new AppError('BAD_FILE', 'This backup was made by a newer version of the app and cannot be restored here.');
}

/**
 * Restores a backup when the app could not open its data file (a newer version, a read-only or
 * dangling file, a folder in its place): the file that was refused is moved aside with its -wal
 * and -shm (renamed, never deleted, so a newer version's data is still there for it), then the
 * backup, a self-contained single file, is copied in atomically (temp file, fsync, rename). The
 * caller then starts the app on it, which brings it to the current schema.
 */
export function restoreWhileStopped({ dataDir, name, clock, nativeBinding }: RestoreStoppedOptions): RestoreResult {
  const restored = listBackups(dataDir).find((b) => b.name === name);
  if (!restored) throw new AppError('NOT_FOUND', 'There is no backup with this name.');
  const source = path.join(backupDirOf(dataDir), restored.name);
  checkBackup(source, nativeBinding);
  const live = path.join(dataDir, APP_DB_FILE);
  let moved: string[];
  try {
    moved = moveDatabaseAside(live, 'before-restore', clock.now());
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError(
      'STORAGE_FAILED',
      `The data file could not be moved aside (${code}), so the backup was not restored. Nothing was changed.`,
      { cause: code },
    );
  }
  const temp = path.join(dataDir, `.${APP_DB_FILE}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    fs.copyFileSync(source, temp);
    fsyncFile(temp);
    fs.renameSync(temp, live);
    fsyncDir(dataDir);
  } catch (error) {
    removeOwnTempFiles(temp);
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new AppError(
      'STORAGE_FAILED',
      `The backup could not be copied into place (${code}). The data file that was there is kept at ${moved[0] ?? 'its place'}.`,
      { cause: code },
    );
  }
  return { restored, setAsidePath: moved[0] ?? live };
}
