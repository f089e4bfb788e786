import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ELECTRON_MISSING_MESSAGE,
  checkElectronAbi,
  electronAbi,
  isSet,
  platformExecutable,
  resolveElectronBinary,
} from '../../../build/electron-native.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tempDir = useTempDirs();

describe('finding the Electron binary without downloading it', () => {
  it('uses ELECTRON_PATH when set', () => {
    const file = path.join(tempDir(), 'my-electron');
    fs.writeFileSync(file, '');
    expect(resolveElectronBinary(ROOT, { ELECTRON_PATH: file })).toEqual({ path: file, exists: true });
    expect(resolveElectronBinary(ROOT, { ELECTRON_PATH: `${file}-missing` }).exists).toBe(false);
  });

  it('looks in ELECTRON_OVERRIDE_DIST_PATH for the platform executable', () => {
    const dist = tempDir();
    const env = { ELECTRON_OVERRIDE_DIST_PATH: dist };
    const expected = path.join(dist, platformExecutable(process.platform));
    expect(resolveElectronBinary(ROOT, env)).toEqual({ path: expected, exists: false });
    fs.mkdirSync(path.dirname(expected), { recursive: true });
    fs.writeFileSync(expected, '');
    expect(resolveElectronBinary(ROOT, env)).toEqual({ path: expected, exists: true });
  });

  it('knows each platform’s executable', () => {
    expect(platformExecutable('linux')).toBe('electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
  });

  it('reads environment flags the way npm and CI write them', () => {
    expect(['1', 'true', 'yes'].map(isSet)).toEqual([true, true, true]);
    expect(['', '0', 'false', undefined].map(isSet)).toEqual([false, false, false, false]);
  });
});

describe('npm start without an Electron binary', () => {
  it('prints one clear line pointing to start:web and exits 1, before building anything', () => {
    const result = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'build', 'start-desktop.ts')],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: {
          ...process.env,
          ELECTRON_PATH: '',
          ELECTRON_OVERRIDE_DIST_PATH: tempDir(),
          ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${ELECTRON_MISSING_MESSAGE}\n`);
    expect(ELECTRON_MISSING_MESSAGE).toContain('npm run start:web');
  });
});

describe('the Electron build of better-sqlite3', () => {
  it('refuses a module built against Node’s headers (the one in node_modules)', () => {
    const nodeBuild = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const check = checkElectronAbi(nodeBuild, electronAbi(ROOT));
    expect(check).toEqual({ ok: false, reason: 'it was built for Node, not Electron (Node loads it)' });
  });

  it('refuses a missing module', () => {
    expect(checkElectronAbi(path.join(tempDir(), 'none.node'), '150')).toMatchObject({ ok: false });
  });

  it('knows the installed Electron’s ABI', () => {
    expect(electronAbi(ROOT)).toMatch(/^\d+$/);
  });
});
