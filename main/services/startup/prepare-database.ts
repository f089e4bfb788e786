import fs from 'node:fs';
import path from 'node:path';
import type { StartupReport, StartupStatus } from '../../../core/contract/channels/maintenance.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { APP_DB_FILE } from '../app-services.js';
import { systemClock, type Clock } from '../clock.js';
import { listBackups } from '../backup/backup-files.js';
import { consumeCrashMarker } from './crash-marker.js';
import { moveDatabaseAside } from './move-aside.js';
import { probeDatabase } from './probe-database.js';
import { startupMessage } from './startup-messages.js';

export interface PrepareOptions {
  readonly dataDir: string;
  readonly clock?: Clock;
  /** The newest schema version this app knows (the number of migrations). */
  readonly supportedVersion?: number;
  /** The better_sqlite3.node for the running runtime (Electron in development), as for `createAppServices`. */
  readonly nativeBinding?: string;
}

export interface PreparedDatabase {
  /** False when the app must not open the database (newer version, locked, read-only, unreadable): show the report and stop. */
  readonly canOpen: boolean;
  readonly report: StartupReport;
}

/** What the look at the data folder found, before the report is written around it. */
export type Finding = Partial<
  Pick<StartupReport, 'movedTo' | 'setAsideReason' | 'holder' | 'version' | 'linkTarget'>
> & {
  readonly status: StartupStatus;
  /** Extra words for the English message (an error code, which file). */
  readonly detail?: string;
};

/** The statuses in which the app opens its data and runs. */
export const RUNNING_STATUSES: ReadonlySet<StartupStatus> = new Set([
  'ok',
  'created',
  'moved-aside',
  'recreated',
  'orphan-wal',
]);

/** Where a backup cannot be put in place: another process uses the file, or the folder cannot be written. */
const NO_RESTORE: ReadonlySet<StartupStatus> = new Set(['locked', 'read-only']);

/** The full report for a finding: the English message, the latest backup, whether it can be restored now. */
export function reportOf(
  dataDir: string,
  finding: Finding,
  now: Date,
  restartedAfterCrashAt: string | null,
): StartupReport {
  const databasePath = path.join(dataDir, APP_DB_FILE);
  const latestBackup = safeLatestBackup(dataDir);
  const report: Omit<StartupReport, 'message'> = {
    status: finding.status,
    running: RUNNING_STATUSES.has(finding.status),
    databasePath,
    movedTo: finding.movedTo ?? [],
    setAsideReason: finding.setAsideReason ?? null,
    holder: finding.holder ?? null,
    version: finding.version ?? null,
    linkTarget: finding.linkTarget ?? null,
    latestBackup,
    canRestore: latestBackup !== null && !NO_RESTORE.has(finding.status),
    restartedAfterCrashAt,
    checkedAt: now.toISOString(),
  };
  return { ...report, message: startupMessage(report, finding.detail) };
}

function safeLatestBackup(dataDir: string): StartupReport['latestBackup'] {
  try {
    return listBackups(dataDir)[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * Checks the app database before the services open it, so that no start-up ever deletes or
 * overwrites the user's data, and every case the user can meet ends in a report the window
 * shows (what happened, where the file went, the latest backup): a damaged, foreign or empty
 * file, or a -wal without its database, is moved aside (never deleted) and a new database
 * started; a newer, locked, read-only, dangling or unreadable one is left alone and the app
 * does not open it. The hosts call this (through `openAppGate`) before `createAppServices`.
 */
export function prepareAppDatabase({
  dataDir,
  clock = systemClock,
  supportedVersion = appMigrations.length,
  nativeBinding,
}: PrepareOptions): PreparedDatabase {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch {
    // A read-only disk: reported below as a folder that cannot be written.
  }
  const now = clock.now();
  const finding = examine(dataDir, now, supportedVersion, nativeBinding);
  const restartedAfterCrashAt = finding.status === 'read-only' ? null : consumeCrashMarker(dataDir);
  const report = reportOf(dataDir, finding, now, restartedAfterCrashAt);
  return { canOpen: report.running, report };
}

function examine(dataDir: string, now: Date, supportedVersion: number, nativeBinding: string | undefined): Finding {
  const file = path.join(dataDir, APP_DB_FILE);
  if (!isWritableFolder(dataDir)) return { status: 'read-only' };
  const own = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!own) {
    // A -wal without its database cannot be replayed into a new one: keep it aside for a specialist.
    const orphans = ['-wal', '-shm'].some((s) => fs.existsSync(file + s));
    return orphans
      ? { status: 'orphan-wal', movedTo: moveDatabaseAside(file, 'orphan-wal', now) }
      : { status: 'created' };
  }
  let target: fs.Stats | undefined;
  try {
    target = fs.statSync(file);
  } catch (error) {
    // Only a symbolic link can exist (lstat) and yet not be there (stat): it points at nothing.
    return { status: 'symlink', linkTarget: linkTargetOf(file), detail: codeOf(error) };
  }
  if (!target.isFile()) {
    return own.isSymbolicLink()
      ? { status: 'symlink', linkTarget: linkTargetOf(file), detail: 'not a file' }
      : { status: 'unreadable', detail: 'not a file' };
  }
  if (target.size === 0) {
    // An empty file (a crash on a full disk, a failed copy): kept aside with its -wal, and a new database started.
    return { status: 'recreated', movedTo: moveDatabaseAside(file, 'empty', now) };
  }
  const probe = probeDatabase(file, supportedVersion, nativeBinding);
  if (probe.kind === 'corrupt' || probe.kind === 'foreign') {
    return {
      status: 'moved-aside',
      setAsideReason: probe.kind === 'corrupt' ? 'damaged' : 'foreign',
      movedTo: moveDatabaseAside(file, probe.kind, now),
      detail: probe.detail,
    };
  }
  if (probe.kind === 'newer')
    return { status: 'refused-newer', version: { found: probe.version, supported: supportedVersion } };
  if (probe.kind === 'locked') return { status: 'locked' };
  if (probe.kind === 'unreadable') {
    const readOnly = notWritable(file);
    return readOnly ? { status: 'read-only-file', detail: readOnly } : { status: 'unreadable', detail: probe.detail };
  }
  // A file SQLite can read but the app could never save to: every save would fail, so say it now.
  const readOnly = notWritable(file);
  return readOnly ? { status: 'read-only-file', detail: readOnly } : { status: 'ok' };
}

const codeOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

function linkTargetOf(file: string): string | null {
  try {
    return fs.readlinkSync(file);
  } catch {
    return null;
  }
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

// Not on Windows (no FIFOs there); 0 leaves the flags unchanged.
const NONBLOCK = (fs.constants as Partial<typeof fs.constants>).O_NONBLOCK ?? 0;

/**
 * Which of the database and its -wal and -shm cannot be opened for writing, with the reason;
 * undefined when all can. An open for writing is the real test: as root, mode bits stop nothing
 * but the immutable flag does, and on a read-only mount both fail.
 */
function notWritable(file: string): string | undefined {
  for (const suffix of ['', '-wal', '-shm']) {
    const each = file + suffix;
    let fd: number | undefined;
    try {
      fd = fs.openSync(each, fs.constants.O_RDWR | NONBLOCK);
    } catch (error) {
      const code = codeOf(error);
      if (code === 'ENOENT') continue;
      return `${path.basename(each)}: ${code}`;
    } finally {
      if (fd !== undefined) fs.closeSync(fd);
    }
  }
  return undefined;
}
