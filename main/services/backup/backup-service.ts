import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../core/contract/errors.js';
import type { BackupInfo, BackupReason } from '../../../core/contract/channels/maintenance.js';
import type { Db } from '../../../db/open.js';
import { migrate, type Migration } from '../../../db/migrate.js';
import { systemClock, type Clock } from '../clock.js';
import { classifyStorageError } from '../storage-errors.js';
import { backupDirOf, listBackups, parseBackupName, pruneBackups } from './backup-files.js';
import { SET_ASIDE_DIR_NAME, fileStamp, freeName } from './durable-files.js';
import { copyDatabaseAtomically, copyIntoLiveDatabase, inspectDatabaseFile } from './sqlite-copy.js';

/** A backup is due at start-up when the newest is older than this. */
export const STARTUP_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const dataDirOf = (db: Db): string => path.dirname(db.name);

/** Takes a backup of the open database into `<dataDir>/backups/`, then keeps the newest 7. */
export async function createBackup(db: Db, reason: BackupReason, clock: Clock = systemClock): Promise<BackupInfo> {
  const dataDir = dataDirOf(db);
  const dir = backupDirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = freeName(dir, `iscm-${fileStamp(clock.now())}-${reason}`, '.db');
  const size = await copyDatabaseAtomically(db, path.join(dir, name));
  pruneBackups(dataDir);
  const parsed = parseBackupName(name);
  if (!parsed) throw new Error(`Backup name ${name} does not parse.`);
  return { ...parsed, size };
}

/** The start-up backup: taken only when the newest backup is more than a day old (or there is none). */
export async function backupIfDue(db: Db, clock: Clock = systemClock): Promise<BackupInfo | undefined> {
  const newest = listBackups(dataDirOf(db))[0];
  if (newest && clock.now().getTime() - Date.parse(newest.createdAt) < STARTUP_BACKUP_INTERVAL_MS) return undefined;
  return createBackup(db, 'startup', clock);
}

/**
 * For the finalize flow: call (and await) before finalizing a draft. A disk that
 * cannot take the backup fails with STORAGE_FAILED, so finalize can stop before
 * writing anything.
 */
export async function backupBeforeFinalize(db: Db, clock: Clock = systemClock): Promise<BackupInfo> {
  try {
    return await createBackup(db, 'finalize', clock);
  } catch (error) {
    const storage = classifyStorageError(error);
    if (storage) throw new AppError('STORAGE_FAILED', `The backup before finalizing could not be written. ${storage.message}`, storage.details);
    throw error;
  }
}

export interface RestoreResult {
  readonly restored: BackupInfo;
  readonly setAsidePath: string;
}

function checkRestorable(db: Db, file: string, supported: number): void {
  let version: number;
  try {
    const found = inspectDatabaseFile(db, file);
    if (!found.intact) throw new Error('integrity');
    version = found.version;
  } catch {
    throw new AppError('BAD_FILE', 'This backup is damaged and cannot be restored. Choose another one.');
  }
  if (version > supported) throw new AppError('BAD_FILE', 'This backup was made by a newer version of the app and cannot be restored here.');
}

/**
 * Restores a backup into the open database: first saves the current database to
 * `<dataDir>/set-aside/` (never deleted), then copies the backup in and brings it
 * to the current schema. Only names listed in the backups folder are accepted.
 */
export async function restoreBackup(db: Db, name: string, migrations: readonly Migration[], clock: Clock = systemClock): Promise<RestoreResult> {
  const dataDir = dataDirOf(db);
  const restored = listBackups(dataDir).find((b) => b.name === name);
  if (!restored) throw new AppError('NOT_FOUND', 'There is no backup with this name.');
  const source = path.join(backupDirOf(dataDir), restored.name);
  checkRestorable(db, source, migrations.length);
  const asideDir = path.join(dataDir, SET_ASIDE_DIR_NAME);
  fs.mkdirSync(asideDir, { recursive: true });
  const setAsidePath = path.join(asideDir, freeName(asideDir, `iscm-${fileStamp(clock.now())}-before-restore`, '.db'));
  await copyDatabaseAtomically(db, setAsidePath);
  await copyIntoLiveDatabase(source, db);
  migrate(db, migrations, db.name);
  return { restored, setAsidePath };
}
