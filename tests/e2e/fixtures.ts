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
  /** The origins of every host this test started (a restart gets a new port). */
  readonly origins: ReadonlySet<string>;
  /** Stops the host and starts a new one on the same data folder (a "restart" of the app). */
  readonly restart: () => Promise<AppHost>;
}

function startHost(dataDir: string): Promise<AppWebHost> {
  return startAppWebHost({ dataDir, appVersion: '0.0.0-e2e' });
}

/**
 * Each test gets its own web host on its own fresh data folder, and every test fails
 * if its page tries to reach anything but its own host (the app makes no request off the machine).
 */
export const test = base.extend<{ app: AppHost; offMachineGuard: undefined }>({
  offMachineGuard: [
    async ({ page, app }, use) => {
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = request.url();
        if (url.startsWith('data:') || url.startsWith('blob:')) return;
        if (!app.origins.has(new URL(url).origin)) foreign.push(url);
      });
      await use(undefined);
      expect(foreign, 'requests that left the machine').toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  app: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-'));
    let current = await startHost(dataDir);
    const origins = new Set([new URL(current.host.url).origin]);
    const handle = (): AppHost => ({
      url: current.host.url,
      dataDir,
      host: current.host,
      origins,
      restart: async () => {
        await current.close();
        current = await startHost(dataDir);
        origins.add(new URL(current.host.url).origin);
        return handle();
      },
    });
    await use(handle());
    await current.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
