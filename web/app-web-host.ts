import path from 'node:path';
import type { AppServices } from '../main/services/app-services.js';
import { openAppGate, type AppGate } from '../main/services/startup/app-gate.js';
import { createAppDispatch } from '../main/services/app-dispatch.js';
import { createRotatingLog } from '../main/services/log/rotating-log.js';
import { startWebHost, type WebHost } from './server.js';
import { PROJECT_ROOT } from './project-paths.js';

export interface AppWebHostOptions {
  readonly dataDir: string;
  readonly appVersion: string;
  readonly port?: number;
  readonly questionnairesDir?: string;
  readonly staticDir?: string;
}

export interface AppWebHost {
  readonly host: WebHost;
  /** The app behind the host: its start-up report, and the services once the data is open. */
  readonly gate: AppGate;
  /** The running services; throws while the data is not open (see `gate.report()`). */
  readonly services: AppServices;
  readonly close: () => Promise<void>;
}

/**
 * The secretariat app in a browser: real services on `dataDir`, behind the web host. Used by
 * `start:web` and the e2e tests. When start-up refuses the data (a newer, locked, read-only or
 * unreadable file), the page is served all the same and its start-up banner says what happened;
 * "Try again" and "Restore the latest backup" start the app in place.
 */
export async function startAppWebHost(options: AppWebHostOptions): Promise<AppWebHost> {
  const log = createRotatingLog({ dir: options.dataDir });
  const gate = openAppGate(
    {
      dataDir: options.dataDir,
      questionnairesDir: options.questionnairesDir ?? path.join(PROJECT_ROOT, 'questionnaires'),
      host: 'web',
      appVersion: options.appVersion,
    },
    (error) => log.error('start-up backup failed', error),
  );
  if (!gate.report().running) log.error(`start-up: ${gate.report().message}`);
  try {
    const host = await startWebHost({
      dispatch: createAppDispatch(gate.handlers, log, options.dataDir),
      events: gate.events,
      uploads: gate.uploads,
      releaseUploads: gate.releaseUploads,
      exportDownloads: gate.exportDownloads,
      attachmentDownloads: gate.attachmentDownloads,
      savedFileDownloads: gate.savedFileDownloads,
      staticDir: options.staticDir ?? path.join(PROJECT_ROOT, 'dist', 'renderer'),
      ...(options.port === undefined ? {} : { port: options.port }),
    });
    return {
      host,
      gate,
      get services(): AppServices {
        const running = gate.services();
        if (!running) throw new Error(`The app did not open its data: ${gate.report().message}`);
        return running;
      },
      close: async () => {
        await host.close();
        // A start-up backup still copying the database must finish before the database closes.
        await gate.close();
      },
    };
  } catch (error) {
    await gate.close();
    throw error;
  }
}
