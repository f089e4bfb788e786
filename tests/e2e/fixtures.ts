import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { createAppServices, type AppServices } from '../../main/services/app-services.js';
import { createAppDispatch } from '../../main/services/app-dispatch.js';
import { createEventBus } from '../../main/services/event-bus.js';
import { createRotatingLog } from '../../main/services/log/rotating-log.js';
import { startWebHost, type WebHost } from '../../web/server.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface AppHost {
  readonly url: string;
  readonly dataDir: string;
  readonly host: WebHost;
  /** Stops the host and starts a new one on the same data folder (a "restart" of the app). */
  readonly restart: () => Promise<AppHost>;
}

async function startHost(dataDir: string): Promise<{ host: WebHost; services: AppServices }> {
  const services = createAppServices({
    dataDir,
    questionnairesDir: process.env.ISCM_QUESTIONNAIRES_DIR ?? path.join(ROOT, 'questionnaires'),
    host: 'web',
    appVersion: '0.0.0-e2e',
  });
  const host = await startWebHost({
    dispatch: createAppDispatch(services.handlers, createRotatingLog({ dir: dataDir })),
    events: createEventBus(),
    staticDir: path.join(ROOT, 'dist', 'renderer'),
  });
  return { host, services };
}

/** Each test gets its own web host on its own fresh data folder. */
export const test = base.extend<{ app: AppHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-'));
    let current = await startHost(dataDir);
    const handle = (): AppHost => ({
      url: current.host.url,
      dataDir,
      host: current.host,
      restart: async () => {
        await current.host.close();
        current.services.close();
        current = await startHost(dataDir);
        return handle();
      },
    });
    await use(handle());
    await current.host.close();
    current.services.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
