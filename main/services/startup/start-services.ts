import type { BackupInfo, StartupReport } from '../../../core/contract/channels/maintenance.js';
import { createAppServices, type AppServices, type AppServicesOptions } from '../app-services.js';
import { backupIfDue } from '../backup/backup-service.js';
import { systemClock } from '../clock.js';
import { lockFolder } from '../lock/folder-lock.js';
import { prepareAppDatabase, reportOf } from './prepare-database.js';

export type SafeStart =
  | {
      readonly ok: true;
      /** The services; their `close` also releases the data-folder lock. */
      readonly services: AppServices;
      readonly report: StartupReport;
      /** The start-up backup, running in the background: undefined when none was due or it failed. */
      readonly startupBackup: Promise<BackupInfo | undefined>;
    }
  | { readonly ok: false; readonly report: StartupReport };

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * What a host calls instead of `createAppServices`: takes the data-folder lock (a second host
 * on the same folder is refused and told who holds it), checks the database
 * (`prepareAppDatabase`: a damaged file is moved aside; a newer, locked, read-only or unreadable
 * one is left alone and the app does not start on it), then starts the services and takes the
 * start-up backup when one is due, in the background (`onBackupError` hears a failure; the app
 * goes on without it). The lock is held until `services.close()`.
 */
export function startAppServicesSafely(
  options: AppServicesOptions,
  onBackupError: (error: unknown) => void,
): SafeStart {
  const clock = options.clock ?? systemClock;
  const prepareOptions = {
    dataDir: options.dataDir,
    clock,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const locked = lockFolder(options.dataDir, {
    host: options.host,
    clock,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (!locked.ok && locked.reason === 'held') {
    return {
      ok: false,
      report: reportOf(options.dataDir, { status: 'locked', holder: locked.holder }, clock.now(), null),
    };
  }
  const { canOpen, report } = prepareAppDatabase(prepareOptions);
  if (!locked.ok) {
    // The folder could not take the lock file: prepare has already said why when it can (read-only);
    // otherwise the app must not run without its lock.
    return canOpen
      ? {
          ok: false,
          report: reportOf(
            options.dataDir,
            { status: 'unreadable', detail: `the lock file could not be made: ${locked.code}` },
            clock.now(),
            report.restartedAfterCrashAt,
          ),
        }
      : { ok: false, report };
  }
  const lock = locked.lock;
  if (!canOpen) {
    lock.release();
    return { ok: false, report };
  }
  let opened: AppServices;
  try {
    opened = createAppServices({ ...options, startupReport: report });
  } catch (error) {
    // The file passed the checks but could not be opened or migrated (the disk filled up, it failed).
    lock.release();
    return {
      ok: false,
      report: reportOf(
        options.dataDir,
        { status: 'unreadable', detail: codeOf(error) },
        clock.now(),
        report.restartedAfterCrashAt,
      ),
    };
  }
  const services: AppServices = {
    ...opened,
    close: () => {
      try {
        opened.close();
      } finally {
        lock.release();
      }
    },
  };
  // Never right after the database was moved aside or recreated: a backup of the new, empty one
  // would push a good backup out of the 7 kept.
  const startupBackup =
    report.status === 'ok' || report.status === 'created'
      ? backupIfDue(services.db, clock).catch((error: unknown) => {
          onBackupError(error);
          return undefined;
        })
      : Promise.resolve(undefined);
  return { ok: true, services, report, startupBackup };
}
