import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../core/security/csp.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const tempDir = useTempDirs();

/**
 * Runs the built dist/main/main.cjs in plain Node with a stand-in `electron`
 * module (installed through a --require hook), since no Electron binary can run
 * here. The stand-in records what main asks of Electron, then drives the IPC
 * handler and the app:// handler main registered, and prints a JSON report.
 * Everything behind them is real: services, better-sqlite3, the data folder.
 */
const HOOK = String.raw`
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const report = { order: [], windows: [], handlers: [], sessionHandlers: [] };
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
const ipcHandlers = new Map();
let protocolHandler;
const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getAppPath: () => process.env.FAKE_APP_PATH,
  getPath: (name) => (name === 'userData' ? process.env.FAKE_USER_DATA : '/nonexistent'),
  setPath: (name, value) => report.order.push('setPath ' + name + ' ' + value),
  getVersion: () => '0.0.0-bundle-test',
  requestSingleInstanceLock: () => { report.order.push('singleInstanceLock'); return true; },
  whenReady: () => { report.order.push('whenReady'); return ready; },
  quit: () => report.order.push('quit'),
  exit: (code) => { report.order.push('exit ' + code); },
});
const session = Object.assign(new EventEmitter(), {
  setPermissionRequestHandler: () => report.sessionHandlers.push('permissionRequest'),
  setPermissionCheckHandler: () => report.sessionHandlers.push('permissionCheck'),
  setDevicePermissionHandler: () => report.sessionHandlers.push('devicePermission'),
  webRequest: { onBeforeRequest: () => report.sessionHandlers.push('onBeforeRequest') },
});
class BrowserWindow extends EventEmitter {
  constructor(options) { super(); report.windows.push(options); this.webContents = { send: () => {}, isDestroyed: () => false }; }
  maximize() {}
  loadURL(url) { report.loadedUrl = url; return Promise.resolve(); }
  getNormalBounds() { return { x: 0, y: 0, width: 1000, height: 700 }; }
  isMaximized() { return false; }
  isMinimized() { return false; }
}
const electron = {
  app, session: { defaultSession: session }, BrowserWindow,
  dialog: { showErrorBox: (t, m) => report.order.push('errorBox ' + m) },
  ipcMain: { handle: (ch, fn) => { report.handlers.push(ch); ipcHandlers.set(ch, fn); }, removeHandler: () => {} },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => { report.order.push('registerSchemes'); report.schemes = schemes; },
    handle: (scheme, fn) => { report.order.push('protocol.handle ' + scheme); protocolHandler = fn; },
  },
  screen: { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: (m) => { report.menu = m.map((i) => i.role || i.label); } },
  shell: { openPath: () => Promise.resolve('') },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
process.resourcesPath = '/nonexistent-resources';
setImmediate(async () => {
  readyResolve();
  // main's start runs once whenReady resolves; wait for it by turns of the event loop, not by time.
  const failed = () => report.order.some((o) => o.startsWith('exit'));
  while ((!ipcHandlers.has('iscm:call') || !report.loadedUrl) && !failed()) await new Promise((r) => setImmediate(r));
  if (failed()) { process.stdout.write('REPORT ' + JSON.stringify(report) + '\n'); process.exit(1); }
  const call = ipcHandlers.get('iscm:call');
  const ours = { senderFrame: { url: 'app://iscm/index.html', parent: null } };
  const sub = { senderFrame: { url: 'app://iscm/index.html', parent: {} } };
  report.info = await call(ours, 'app.info', {});
  report.list = await call(ours, 'drafts.list', {});
  report.fromSubFrame = await call(sub, 'drafts.list', {});
  report.unknown = await call(ours, 'drafts.nope', {});
  const index = await protocolHandler(new Request('app://iscm/index.html'));
  report.index = { status: index.status, csp: index.headers.get('content-security-policy'), type: index.headers.get('content-type'), body: (await index.text()).slice(0, 15) };
  const traversal = await protocolHandler(new Request('app://iscm/..%2f..%2fpackage.json'));
  report.traversal = { status: traversal.status, csp: traversal.headers.get('content-security-policy') };
  // URL parsing turns %2e%2e into '..' and resolves it inside the origin: the file asked for is then dist/renderer/package.json.
  const normalised = await protocolHandler(new Request('app://iscm/%2e%2e/package.json'));
  report.normalised = { status: normalised.status };
  app.emit('will-quit');
  process.stdout.write('REPORT ' + JSON.stringify(report) + '\n');
  process.exit(0);
});
`;

describe('the built main bundle, with a stand-in for Electron', () => {
  // Built into its own folder (the packaging test rebuilds dist/ at the same time), inside
  // the project so that require('better-sqlite3') finds node_modules.
  fs.mkdirSync(path.join(ROOT, '.cache'), { recursive: true });
  const outDir = fs.mkdtempSync(path.join(ROOT, '.cache', 'main-bundle-'));
  const bundle = path.join(outDir, 'main.cjs');
  beforeAll(async () => {
    await build({ configFile: path.join(ROOT, 'build', 'vite.main.config.ts'), logLevel: 'warn', build: { outDir } });
  }, 120_000);
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  function run() {
    const dir = tempDir();
    const appPath = path.join(dir, 'app');
    fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(appPath, 'package.json'), '{"secret":true}');
    fs.cpSync(path.join(ROOT, 'questionnaires'), path.join(appPath, 'questionnaires'), { recursive: true });
    const hook = path.join(dir, 'fake-electron.cjs');
    fs.writeFileSync(hook, HOOK);
    const userData = path.join(dir, 'user-data');
    const result = spawnSync(process.execPath, ['--require', hook, bundle], {
      encoding: 'utf8',
      env: { ...process.env, FAKE_APP_PATH: appPath, FAKE_USER_DATA: userData, ISCM_USER_DATA_DIR: '' },
    });
    const line = result.stdout.split('\n').find((l) => l.startsWith('REPORT '));
    if (!line) throw new Error(`no report; status ${String(result.status)}\n${result.stderr}`);
    return {
      report: JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown> & { order: string[] },
      userData,
    };
  }

  it('registers the scheme before ready, takes the single-instance lock, then serves app://', () => {
    const { report } = run();
    expect(report.order.slice(0, 3)).toEqual(['registerSchemes', 'singleInstanceLock', 'whenReady']);
    expect(report.order).toContain('protocol.handle app');
    expect(report.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    expect(report.loadedUrl).toBe('app://iscm/index.html');
  });

  it('opens one window with the hardened webPreferences', () => {
    const { report } = run();
    const windows = report.windows as { webPreferences: Record<string, unknown> }[];
    expect(windows).toHaveLength(1);
    expect(windows[0]?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
    });
    expect(String(windows[0]?.webPreferences.preload)).toMatch(/dist[/\\]preload[/\\]preload\.cjs$/);
    expect(report.sessionHandlers).toEqual([
      'permissionRequest',
      'permissionCheck',
      'devicePermission',
      'onBeforeRequest',
    ]);
    expect(report.menu).toEqual(['fileMenu', 'editMenu', 'View', 'windowMenu', 'help']);
  });

  it('answers contract calls from real services over the one IPC channel, and guards it', () => {
    const { report, userData } = run();
    expect(report.handlers).toEqual(['iscm:call']);
    expect(report.info).toMatchObject({ ok: true, value: { host: 'electron', dataDir: userData } });
    expect(report.list).toEqual({ ok: true, value: [] });
    expect(report.fromSubFrame).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(report.unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(fs.existsSync(path.join(userData, 'iscm.db'))).toBe(true);
    expect(fs.existsSync(path.join(userData, 'logs', 'app.log'))).toBe(true);
  });

  it('serves the renderer with the CSP and refuses a traversal', () => {
    const { report } = run();
    expect(report.index).toEqual({
      status: 200,
      csp: CONTENT_SECURITY_POLICY,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html>',
    });
    expect(report.traversal).toEqual({ status: 403, csp: CONTENT_SECURITY_POLICY });
    expect(report.normalised).toEqual({ status: 404 });
  });
});
