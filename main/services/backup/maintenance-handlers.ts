import path from 'node:path';
import type { StartupReport } from '../../../core/contract/channels/maintenance.js';
import type { Handlers } from '../../../core/contract/dispatch.js';
import type { Db } from '../../../db/open.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { systemClock, type Clock } from '../clock.js';
import { listBackups } from './backup-files.js';
import { createBackup, restoreBackup } from './backup-service.js';

/**
 * The `maintenance` channels over the open app database. Backups and restores run
 * one at a time (a restore must not interleave with a backup of the same file).
 */
export function createMaintenanceHandlers(
  db: Db,
  clock: Clock = systemClock,
  /** What the start-up checks found (null when the services were started without them, as in some tests). */
  startupReport: StartupReport | null = null,
): Handlers['maintenance'] {
  const dataDir = path.dirname(db.name);
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  let report = startupReport;
  return {
    listBackups: () => listBackups(dataDir),
    createBackup: () => oneAtATime(() => createBackup(db, 'manual', clock)),
    restoreBackup: ({ name }) =>
      oneAtATime(async () => {
        const restored = await restoreBackup(db, name, appMigrations, clock);
        // What start-up had to say (a file set aside, the latest backup offered) is answered: the banner goes.
        if (report)
          report = {
            ...report,
            status: 'ok',
            movedTo: [],
            setAsideReason: null,
            message: `The backup ${name} was restored; the data as it was before is kept at ${restored.setAsidePath}.`,
          };
        return restored;
      }),
    startupReport: () => report,
    // The data is open: there is nothing to start again.
    retryStart: () => report,
  };
}
