import fs from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { build as electronBuilder } from 'electron-builder';
import { build as viteBuild } from 'vite';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config, { ELECTRON_VERSION } from '../../../build/electron-builder.config.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire as Electron ships it: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, integrity off, asar-only off, v8 snapshot off, file:// privileges on. */
const SHIPPED_FUSES = '10110001';
/** How @electron/fuses writes a fuse's state: the characters '0' and '1'. */
const FuseState = { DISABLE: '0'.charCodeAt(0), ENABLE: '1'.charCodeAt(0) } as const;

/**
 * A stand-in for an unpacked Electron: electron-builder copies the folder and
 * renames the executable. The "executable" carries the fuse sentinel and wire
 * Electron embeds, so electron-builder really flips the fuses in it and the test
 * can read them back; everything else of a real dist is irrelevant to packing.
 */
function fakeElectronDist(dir: string): string {
  const dist = path.join(dir, 'electron-dist');
  fs.mkdirSync(path.join(dist, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dist, 'locales'));
  const wire = Buffer.concat([
    Buffer.from(`#!/bin/sh\nexit 0\n${SENTINEL}`),
    Buffer.from([1, 8]),
    Buffer.from(SHIPPED_FUSES),
  ]);
  fs.writeFileSync(path.join(dist, 'electron'), wire, { mode: 0o755 });
  fs.writeFileSync(path.join(dist, 'version'), ELECTRON_VERSION);
  fs.writeFileSync(path.join(dist, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dist, 'locales', 'en-US.pak'), '');
  return dist;
}

/** main and preload are always rebuilt (seconds, and proves they bundle); the renderer only when absent. */
async function buildBundles(): Promise<void> {
  const configs = ['vite.main.config.ts', 'vite.preload.config.ts'];
  if (!fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) configs.push('vite.renderer.config.ts');
  for (const file of configs) await viteBuild({ configFile: path.join(ROOT, 'build', file), logLevel: 'warn' });
}

describe('electron-builder --dir --linux with a stand-in Electron', () => {
  // One packaging run for the whole describe (it takes seconds), in a folder removed at the end.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-pack-'));
  let appDir = '';
  let asarEntries: string[] = [];
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    await buildBundles();
    await electronBuilder({
      projectDir: ROOT,
      linux: ['dir'],
      publish: 'never',
      config: {
        ...config,
        electronDist: fakeElectronDist(work),
        npmRebuild: false,
        directories: { ...config.directories, output: path.join(work, 'out') },
      },
    });
    appDir = path.join(work, 'out', 'linux-unpacked');
    asarEntries = listPackage(path.join(appDir, 'resources', 'app.asar'), { isPack: false }).map((e) =>
      e.split(path.sep).join('/'),
    );
  }, 300_000);

  it('packs the main, preload and renderer bundles into app.asar', () => {
    expect(asarEntries).toContain('/dist/main/main.cjs');
    expect(asarEntries).toContain('/dist/preload/preload.cjs');
    expect(asarEntries).toContain('/dist/renderer/index.html');
    expect(asarEntries).toContain('/package.json');
    expect(asarEntries.some((e) => /^\/dist\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
    expect(asarEntries).not.toContain('/dist/renderer/web-client.js');
  });

  it('unpacks better_sqlite3.node beside the archive', () => {
    const unpacked = path.join(
      appDir,
      'resources',
      'app.asar.unpacked',
      'node_modules',
      'better-sqlite3',
      'build',
      'Release',
      'better_sqlite3.node',
    );
    expect(fs.existsSync(unpacked)).toBe(true);
    expect(asarEntries).toContain('/node_modules/better-sqlite3/lib/index.js');
  });

  it('packs no dev-only package and no source', () => {
    const packages = new Set(
      asarEntries.map((e) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(e)?.[1]).filter(Boolean),
    );
    for (const dev of [
      'react',
      'react-dom',
      'vite',
      'zod',
      'typescript',
      'vitest',
      'electron',
      'electron-builder',
      'age-encryption',
      'exceljs',
      'yazl',
      'yauzl',
      'i18next',
      'eslint',
      '@playwright/test',
    ]) {
      expect(packages.has(dev), dev).toBe(false);
    }
    expect(packages.has('better-sqlite3')).toBe(true);
    expect(asarEntries.some((e) => /^\/(core|main|db|renderer|preload|web|cli|tests)\//.test(e))).toBe(false);
    expect(asarEntries.some((e) => e.startsWith('/node_modules/better-sqlite3/deps/'))).toBe(false);
  });

  it('ships the trusted publishers and the bundled releases as resources outside the archive, and opens .iscmq files', () => {
    const resources = path.join(appDir, 'resources', 'questionnaires');
    expect(fs.existsSync(path.join(resources, 'allowed_signers'))).toBe(true);
    const shipped = fs.readdirSync(path.join(resources, 'releases'));
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.every((name) => name.endsWith('.iscmq'))).toBe(true);
    // The sources are not needed: each release carries its questionnaire, signed.
    expect((fs.readdirSync(resources, { recursive: true }) as string[]).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'iscmq' })]);
  });

  it('flips the fuses in the executable', async () => {
    const fuses = await getCurrentFuseWire(path.join(appDir, 'iscm-assessment'));
    expect(fuses[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('pins the Electron version from package.json', () => {
    expect(config.electronVersion).toBe(ELECTRON_VERSION);
    expect(ELECTRON_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
