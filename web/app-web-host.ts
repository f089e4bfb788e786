import path from 'node:path';
import type { AppServices } from '../main/services/app-services.js';
import { startAppServicesSafely } from '../main/services/startup/start-services.js';
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
  readonly services: AppServices;
  readonly close: () => Promise<void>;
}

/** The secretariat app in a browser: real services on `dataDir`, behind the web host. Used by `start:web` and the e2e tests. */
export async function startAppWebHost(options: AppWebHostOptions): Promise<AppWebHost> {
  const log = createRotatingLog({ dir: options.dataDir });
  // A damaged database is moved aside (and reported in the app); a newer, locked or unreadable one stops the start with its reason.
  const start = startAppServicesSafely(
    {
      dataDir: options.dataDir,
      questionnairesDir: options.questionnairesDir ?? path.join(PROJECT_ROOT, 'questionnaires'),
      host: 'web',
      appVersion: options.appVersion,
    },
    (error) => log.error('start-up backup failed', error),
  );
  if (!start.ok) throw new Error(start.report.message);
  const { services } = start;
  try {
    const host = await startWebHost({
      dispatch: createAppDispatch(services.handlers, log),
      events: services.events,
      uploads: services.attachments,
      releaseUploads: {
        stageBytes: async (bytes, name) => {
          await services.ready;
          return services.releases.stageBytes(bytes, name);
        },
      },
      staticDir: options.staticDir ?? path.join(PROJECT_ROOT, 'dist', 'renderer'),
      ...(options.port === undefined ? {} : { port: options.port }),
    });
    return {
      host,
      services,
      close: async () => {
        await host.close();
        // A start-up backup still copying the database must finish before the database closes.
        await start.startupBackup;
        services.close();
      },
    };
  } catch (error) {
    services.close();
    throw error;
  }
}
