import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium.js';

/**
 * End-to-end tests in Debian's Chromium against the web host. Each test starts its
 * own host with its own data folder (see fixtures.ts), so tests never share state.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: '../../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
  },
});
