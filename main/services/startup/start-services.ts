import type { BackupInfo, StartupReport } from '../../../core/contract/channels/maintenance.js';
import { createAppServices, type AppServices, type AppServicesOptions } from '../app-services.js';
import { backupIfDue } from '../backup/backup-service.js';
import { prepareAppDatabase } from './prepare-database.js';

export type SafeStart =
  | {
      readonly ok: true;
      readonly services: AppServices;
      readonly report: StartupReport;
      /** The start-up backup, running in the background: undefined when none was due or it failed. */
      readonly startupBackup: Promise<BackupInfo | undefined>;
    }
  | { readonly ok: false; readonly report: StartupReport };

/**
 * What a host calls instead of `createAppServices`: checks the database first
 * (`prepareAppDatabase`: a damaged file is moved aside, a newer, locked or
 * unreadable one is left alone and the app does not start on it), then starts the
 * services and takes the start-up backup when one is due, in the background
 * (`onBackupError` hears a failure; the app goes on without it).
 *
 *   const start = startAppServicesSafely(options, (e) => log.error('start-up backup failed', e));
 *   if (!start.ok) throw new Error(start.report.message); // shown to the user
 */
export function startAppServicesSafely(options: AppServicesOptions, onBackupError: (error: unknown) => void): SafeStart {
  const { canOpen, report } = prepareAppDatabase({
    dataDir: options.dataDir,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (!canOpen) return { ok: false, report };
  const services = createAppServices({ ...options, startupReport: report });
  // Never right after a damaged database was moved aside: a backup of the new, empty one
  // would push a good backup out of the 7 kept.
  const startupBackup =
    report.status === 'moved-aside'
      ? Promise.resolve(undefined)
      : backupIfDue(services.db, options.clock).catch((error: unknown) => {
          onBackupError(error);
          return undefined;
        });
  return { ok: true, services, report, startupBackup };
}
