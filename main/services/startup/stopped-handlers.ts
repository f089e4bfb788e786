import type { AppInfo } from '../../../core/contract/channels/app.js';
import type { StartupReport } from '../../../core/contract/channels/maintenance.js';
import type { Handlers } from '../../../core/contract/dispatch.js';
import { AppError, contract } from '../../../core/contract/index.js';
import { listBackups } from '../backup/backup-files.js';
import type { Clock } from '../clock.js';
import { restoreWhileStopped } from './restore-stopped.js';

export interface StoppedOptions {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly host: AppInfo['host'];
  readonly clock: Clock;
  readonly report: StartupReport;
  /** Starts the app again (after a restore, or when the user asks); returns the new report. */
  readonly retry: () => StartupReport;
  readonly nativeBinding?: string;
}

type AnyHandler = (input: unknown) => unknown;

/**
 * The app while its data is not open: every channel answers DATA_UNAVAILABLE with the start-up
 * message, except those the start-up banner needs: the report, "try again", the backups and,
 * when the report allows it, restoring the latest backup in place of the file that was refused.
 */
export function createStoppedHandlers(options: StoppedOptions): Handlers {
  const refuse = (): never => {
    throw new AppError('DATA_UNAVAILABLE', `The app did not open its data. ${options.report.message}`, {
      status: options.report.status,
    });
  };
  const all: Record<string, Record<string, AnyHandler>> = {};
  for (const [domain, methods] of Object.entries(contract))
    all[domain] = Object.fromEntries(Object.keys(methods).map((method) => [method, refuse]));
  const handlers = all as unknown as Handlers;
  return {
    ...handlers,
    app: {
      ...handlers.app,
      info: () => ({
        name: 'ISCM Assessment',
        version: options.appVersion,
        host: options.host,
        dataDir: options.dataDir,
      }),
    },
    maintenance: {
      ...handlers.maintenance,
      startupReport: () => options.report,
      retryStart: () => options.retry(),
      listBackups: () => listBackups(options.dataDir),
      restoreBackup: ({ name }) => {
        if (!options.report.canRestore) {
          throw new AppError('READ_ONLY', `A backup cannot be restored now: ${options.report.message}`, {
            status: options.report.status,
          });
        }
        const result = restoreWhileStopped({
          dataDir: options.dataDir,
          name,
          clock: options.clock,
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        });
        options.retry();
        return result;
      },
    },
  };
}
