// The web smoke test, through the real desktop app: Playwright's _electron drives
// the packaged-to-dist main, preload and renderer. Runs wherever an Electron binary
// exists (ELECTRON_PATH, or the electron package's own download); skipped otherwise.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { installedVersion, prepareElectronSqlite, resolveElectronBinary } from '../../build/electron-native.js';
import { NATIVE_BINDING_ENV, USER_DATA_ENV } from '../../main/shell/paths.js';
import { answerNameAndWaitForSave, createDraft, reopenFirstDraft } from './smoke-steps.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const binary = resolveElectronBinary(ROOT, process.env);
const bundlesBuilt = ['dist/main/main.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'].every((f) =>
  fs.existsSync(path.join(ROOT, f)),
);

const SKIP_REASON = `Electron e2e skipped: no Electron binary at ${binary.path} (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline); set ELECTRON_PATH to run it.`;
// Said once, by the runner while it collects tests (workers have TEST_WORKER_INDEX), so the skip is visible in any reporter.
if (!binary.exists && process.env.TEST_WORKER_INDEX === undefined) process.stdout.write(`${SKIP_REASON}\n`);

test.describe('the desktop app (Electron)', () => {
  test.skip(!binary.exists, SKIP_REASON);
  test.skip(!bundlesBuilt, 'The bundles are not built: run `npm run build` first.');

  let dataDir = '';
  let nativeBinding = '';
  test.beforeAll(() => {
    nativeBinding = prepareElectronSqlite({
      projectRoot: ROOT,
      electronVersion: installedVersion(ROOT, 'electron'),
      log: () => undefined,
    });
  });
  test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-electron-e2e-'));
  });
  test.afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const launch = (): Promise<ElectronApplication> => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    return electron.launch({
      executablePath: binary.path,
      args: [ROOT, ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...env, [USER_DATA_ENV]: dataDir, [NATIVE_BINDING_ENV]: nativeBinding },
    });
  };

  test('an answer survives closing and reopening the app', async () => {
    let app = await launch();
    let page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/iscm\//);
    await createDraft(page);
    await answerNameAndWaitForSave(page, 'Amina Diallo');
    await app.close();

    app = await launch();
    page = await app.firstWindow();
    await reopenFirstDraft(page);
    await expect(page.getByLabel('Your full name')).toHaveValue('Amina Diallo');
    await app.close();
  });

  test('the page has no Node and no Electron, only window.iscm', async () => {
    const app = await launch();
    const page = await app.firstWindow();
    // A string: this file is typed for Node, the expression runs in the page.
    const globals = await page.evaluate<Record<string, unknown>>(
      `({ require: typeof window.require, process: typeof window.process, iscm: typeof window.iscm,
          opened: window.open('https://example.org/') === null })`,
    );
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', iscm: 'object', opened: true });
    await app.close();
  });
});
