import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startAppWebHost, type AppWebHost } from '../../web/app-web-host.js';
import type { WebHost } from '../../web/server.js';

export interface AppHost {
  readonly url: string;
  readonly dataDir: string;
  readonly host: WebHost;
  /** Stops the host and starts a new one on the same data folder (a "restart" of the app). */
  readonly restart: () => Promise<AppHost>;
}

function startHost(dataDir: string): Promise<AppWebHost> {
  return startAppWebHost({ dataDir, appVersion: '0.0.0-e2e' });
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
        await current.close();
        current = await startHost(dataDir);
        return handle();
      },
    });
    await use(handle());
    await current.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
