import fs from 'node:fs';
import path from 'node:path';
import type { StartupReport, StartupStatus } from '../../../core/contract/channels/maintenance.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { APP_DB_FILE } from '../app-services.js';
import { systemClock, type Clock } from '../clock.js';
import { listBackups } from '../backup/backup-files.js';
import { moveDatabaseAside } from './move-aside.js';
import { probeDatabase } from './probe-database.js';

export interface PrepareOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
  /** The newest schema version this app knows (the number of migrations). */
  readonly supportedVersion?: number;
  /** The better_sqlite3.node for the running runtime (Electron in development), as for `createAppServices`. */
  readonly nativeBinding?: string;
}

export interface PreparedDatabase {
  /** False when the app must not open the database (newer version, locked, unreadable): show `report.message` and stop. */
  readonly canOpen: boolean;
  readonly report: StartupReport;
}

const MESSAGES: Readonly<Record<StartupStatus, (file: string, moved: readonly string[]) => string>> = {
  ok: () => 'Your data opened normally.',
  created: (file) => `A new, empty data file was created at ${file}.`,
  'moved-aside': (_file, moved) =>
    `Your data file was damaged or was not an ISCM Assessment file, so the app moved it to ${moved[0] ?? 'the set-aside folder'} (nothing was deleted) and started a new, empty one. You can restore your latest backup.`,
  'refused-newer': (file) =>
    `Your data file ${file} was saved by a newer version of ISCM Assessment. It was left untouched. Install the newer version to open it.`,
  locked: (file) =>
    `Your data file ${file} is in use by another program (perhaps ISCM Assessment is already open). It was left untouched. Close the other program and start the app again.`,
  'read-only': (file) =>
    `The folder of your data file ${file} is read-only, so the app could not save anything there. Nothing was changed. Make the folder writable (or move the app's data to a writable disk) and start the app again.`,
  unreadable: (file) => `Your data file ${file} could not be opened (check the folder's permissions or the disk). It was left untouched.`,
};

/**
 * Checks the app database before the services open it, so that no start-up ever
 * deletes or overwrites the user's data: a damaged or foreign file is moved aside
 * (with its -wal and -shm); a newer, locked or unreadable one is left alone and
 * the app does not open it. The hosts call this before `createAppServices` and,
 * when `canOpen` is false, show `report.message` instead of the app.
 */
export function prepareAppDatabase({ dataDir, clock = systemClock, supportedVersion = appMigrations.length, nativeBinding }: PrepareOptions): PreparedDatabase {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch {
    // A read-only disk: reported below as a folder that cannot be written.
  }
  const file = path.join(dataDir, APP_DB_FILE);
  const now = clock.now();
  let status: StartupStatus;
  let movedTo: string[] = [];
  if (!isWritableFolder(dataDir)) status = 'read-only';
  else if (!fs.existsSync(file)) {
    // A -wal without its database cannot be replayed into a new one: keep it aside for a specialist.
    const orphans = ['-wal', '-shm'].some((s) => fs.existsSync(file + s));
    movedTo = orphans ? moveDatabaseAside(file, 'orphan-wal', now) : [];
    status = 'created';
  } else {
    const probe = probeDatabase(file, supportedVersion, nativeBinding);
    if (probe.kind === 'corrupt' || probe.kind === 'foreign') {
      movedTo = moveDatabaseAside(file, probe.kind, now);
      status = 'moved-aside';
    } else if (probe.kind === 'newer') status = 'refused-newer';
    else status = probe.kind;
  }
  const report: StartupReport = {
    status,
    message: MESSAGES[status](file, movedTo),
    databasePath: file,
    movedTo,
    latestBackup: listBackups(dataDir)[0] ?? null,
    checkedAt: now.toISOString(),
  };
  return { canOpen: status === 'ok' || status === 'created' || status === 'moved-aside', report };
}

/** False on a read-only disk or share: SQLite could open the file but no answer could ever be saved. */
function isWritableFolder(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
