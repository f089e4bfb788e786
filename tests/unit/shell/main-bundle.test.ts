import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { CONTENT_SECURITY_POLICY } from '../../../core/security/csp.js';
import { lockFolder } from '../../../main/services/lock/folder-lock.js';
import { readCrashMarker } from '../../../main/services/startup/crash-marker.js';
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
  enableSandbox: () => report.order.push('enableSandbox'),
  relaunch: (options) => { report.order.push('relaunch'); report.relaunch = options; },
});
const session = Object.assign(new EventEmitter(), {
  setPermissionRequestHandler: () => report.sessionHandlers.push('permissionRequest'),
  setPermissionCheckHandler: () => report.sessionHandlers.push('permissionCheck'),
  setDevicePermissionHandler: () => report.sessionHandlers.push('devicePermission'),
  webRequest: { onBeforeRequest: () => report.sessionHandlers.push('onBeforeRequest') },
});
report.events = [];
// The window's side of the 'saveNow' request: like the renderer's autosaver, it sends what it holds.
let pendingSave;
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    report.windows.push(options);
    this.webContents = {
      isDestroyed: () => false,
      send: (channel, name) => {
        report.events.push(channel + ' ' + name);
        if (name === 'saveNow' && pendingSave) setTimeout(() => void ipcHandlers.get('iscm:call')(pendingSave.sender, 'answers.save', pendingSave.input).then((r) => (report.flushed = r)), 50);
      },
    };
  }
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
  report.startup = await call(ours, 'maintenance.startupReport', {});
  if (process.env.FAKE_SCENARIO === 'crash') {
    // An answer typed but not yet saved when main meets an uncaught exception.
    const draft = await call(ours, 'drafts.create', { title: 'Crash', respondentKind: 'secretariat', mechanism: null, language: 'en' });
    report.draftId = draft.value.id;
    pendingSave = { sender: ours, input: { draftId: draft.value.id, path: 'respondent_name', value: 'typed before the crash' } };
    setImmediate(() => { throw new Error('a fault in main'); });
    while (!report.order.some((o) => o.startsWith('exit'))) await new Promise((r) => setTimeout(r, 20));
    process.stdout.write('REPORT ' + JSON.stringify(report) + '\n');
    process.exit(0);
  }
  app.emit('will-quit', { preventDefault: () => report.order.push('will-quit deferred') });
  while (!report.order.includes('quit')) await new Promise((r) => setImmediate(r));
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

  function run(scenario = '', prepare: (userData: string) => void = () => undefined, argv: readonly string[] = []) {
    const dir = tempDir();
    const appPath = path.join(dir, 'app');
    fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>t</title>');
    fs.writeFileSync(path.join(appPath, 'package.json'), '{"secret":true}');
    fs.cpSync(path.join(ROOT, 'questionnaires'), path.join(appPath, 'questionnaires'), { recursive: true });
    const hook = path.join(dir, 'fake-electron.cjs');
    fs.writeFileSync(hook, HOOK);
    const userData = path.join(dir, 'user-data');
    fs.mkdirSync(userData, { recursive: true });
    prepare(userData);
    const result = spawnSync(process.execPath, ['--require', hook, bundle, ...argv], {
      encoding: 'utf8',
      env: { ...process.env, FAKE_APP_PATH: appPath, FAKE_USER_DATA: userData, ISCM_USER_DATA_DIR: '', FAKE_SCENARIO: scenario },
    });
    const line = result.stdout.split('\n').find((l) => l.startsWith('REPORT '));
    if (!line) throw new Error(`no report; status ${String(result.status)}\n${result.stderr}`);
    return {
      report: JSON.parse(line.slice('REPORT '.length)) as Record<string, unknown> & { order: string[] },
      userData,
    };
  }

  it('registers the scheme and sandboxes every renderer before ready, takes the single-instance lock, then serves app://', () => {
    const { report } = run();
    expect(report.order.slice(0, 4)).toEqual(['registerSchemes', 'enableSandbox', 'singleInstanceLock', 'whenReady']);
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

  it('on quit, closes the database after any start-up backup, then quits: the data-folder lock is free again', () => {
    const { report, userData } = run();
    expect(report.order.slice(-2)).toEqual(['will-quit deferred', 'quit']);
    const lock = lockFolder(userData, { host: 'cli' });
    expect(lock.ok).toBe(true);
    if (lock.ok) lock.lock.release();
  });

  it('on an uncaught exception: logs it, lets the window save what it holds, closes the database, and restarts', () => {
    const { report, userData } = run('crash', () => undefined, ['--some-flag']);
    // The window was asked to save, and its save landed before the restart.
    expect(report.events).toContain('iscm:event saveNow');
    expect(report.flushed).toMatchObject({ ok: true });
    expect(report.order.slice(-2)).toEqual(['relaunch', 'exit 0']);
    expect(report.relaunch).toEqual({ args: [expect.stringMatching(/main\.cjs$/) as unknown, '--some-flag', '--restarted-after-error=1'] });
    expect(fs.readFileSync(path.join(userData, 'logs', 'app.log'), 'utf8')).toMatch(/ERROR uncaught exception; saving and restarting Error: a fault in main/);
    // Closed cleanly (the WAL is folded in and removed on the last close) and the lock released.
    expect(fs.existsSync(path.join(userData, 'iscm.db-wal'))).toBe(false);
    const db = new Database(path.join(userData, 'iscm.db'), { readonly: true });
    expect(db.prepare("SELECT value_json FROM answers WHERE path = 'respondent_name'").pluck().get()).toBe(JSON.stringify('typed before the crash'));
    db.close();
    const note = readCrashMarker(userData);
    expect(note?.restarts).toBe(1);

    // The restarted app reads the note once: its start-up report says it restarted after an error.
    const next = run('', (dir) => fs.cpSync(userData, dir, { recursive: true }), ['--restarted-after-error=1']);
    expect(next.report.startup).toMatchObject({ ok: true, value: { status: 'ok', running: true, restartedAfterCrashAt: note?.at } });
    expect(readCrashMarker(next.userData)).toBeUndefined();
  });

  it('gives up after 3 quick restarts in a row, and says so instead of restarting forever', () => {
    const { report } = run('crash', () => undefined, ['--restarted-after-error=3']);
    expect(report.order).not.toContain('relaunch');
    expect(report.order.slice(-2)).toEqual([expect.stringMatching(/^errorBox ISCM Assessment stopped after an unexpected error, 3 times in a row/) as unknown, 'exit 1']);
  });

  it('when start-up refuses the data (a newer version), the window still opens and the report says why', () => {
    const { report, userData } = run('', (dir) => {
      const db = new Database(path.join(dir, 'iscm.db'));
      db.pragma('user_version = 99');
      db.close();
    });
    expect(report.loadedUrl).toBe('app://iscm/index.html');
    expect(report.order).not.toContain('exit 1');
    expect(report.startup).toMatchObject({ ok: true, value: { status: 'refused-newer', running: false, version: { found: 99 } } });
    expect(report.list).toMatchObject({ ok: false, error: { code: 'DATA_UNAVAILABLE' } });
    expect(new Database(path.join(userData, 'iscm.db'), { readonly: true }).pragma('user_version', { simple: true })).toBe(99);
  });
});
