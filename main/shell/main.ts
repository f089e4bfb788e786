// The Electron main process: the only entry that imports electron. It wires the
// shared services (the same the web host uses) to a hardened window.
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron';
import { createAppDispatch } from '../services/app-dispatch.js';
import { openAppGate, type AppGate } from '../services/startup/app-gate.js';
import { writeCrashMarker } from '../services/startup/crash-marker.js';
import { createRotatingLog, type Log } from '../services/log/rotating-log.js';
import { trackCalls } from './call-tracker.js';
import { createCrashHandler } from './crash-restart.js';
import { createElectronHost } from './host-electron.js';
import { bindIpc, forwardEvents } from './ipc.js';
import { installAppMenu } from './menu.js';
import { appPaths, nativeBindingFor, userDataOverride } from './paths.js';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import { createMainWindow } from './window.js';
import { createReleaseFileQueue, releaseFilesIn } from './release-files.js';

// Must happen before `ready`: privileges cannot be granted to a scheme afterwards.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
// Every renderer sandboxed, whatever a window's own webPreferences say (also before `ready`).
app.enableSandbox();

let mainWindow: BrowserWindow | undefined;
let gate: AppGate | undefined;
// `.iscmq` files the system asks us to open (a double-click): checked, then shown by the window.
// While the data is not open (the start-up banner shows), a file opened is not checked.
const releaseFiles = createReleaseFileQueue(async (file) => {
  const services = gate?.services();
  if (!services) return;
  await services.ready;
  await services.releases.noteOpened(file);
  services.events.emit('releaseOpened', {});
});

/** Refusals are logged with the URL cut short: enough to diagnose, never a page's content. */
const refusalLogger = (log: Log) => (what: string, url: string) => log.info(`refused ${what} ${url.slice(0, 200)}`);

/** After a restart request, the window has this long to send what it holds, and must have been quiet this long. */
const FLUSH_QUIET_MS = 300;
const FLUSH_MAX_MS = 5000;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function start(): void {
  const paths = appPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    userData: app.getPath('userData'),
  });
  const log = createRotatingLog({ dir: paths.logDir });
  log.info(`start ${app.getVersion()} (electron ${process.versions.electron})`);
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', error));

  const devTools = !app.isPackaged;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, refusalLogger(log)));
  hardenSession(session.defaultSession, refusalLogger(log));
  registerAppProtocol(protocol, paths.rendererDir);

  const nativeBinding = nativeBindingFor(app.isPackaged, process.env);
  // The window always opens: when start-up refuses the data (a newer, locked, read-only or unreadable
  // file), its banner says what happened and offers "Try again" and the latest backup.
  const opened = openAppGate(
    {
      dataDir: paths.dataDir,
      questionnairesDir: paths.questionnairesDir,
      host: 'electron',
      appVersion: app.getVersion(),
      hostCapabilities: createElectronHost(() => mainWindow),
      ...(nativeBinding ? { nativeBinding } : {}),
    },
    (error) => log.error('start-up backup failed', error),
  );
  gate = opened;
  if (!opened.report().running) log.error(`start-up: ${opened.report().message}`);
  const calls = trackCalls(createAppDispatch(opened.handlers, log, paths.dataDir));
  bindIpc(ipcMain, calls.dispatch);
  releaseFiles.start();
  installAppMenu({ logDir: paths.logDir, devTools, onError: (error) => log.error('menu action failed', error) });

  process.on(
    'uncaughtException',
    createCrashHandler({
      log,
      flushWindow: async () => {
        if (!mainWindow) return;
        opened.events.emit('saveNow', { reason: 'restart' });
        await calls.waitForQuiet(FLUSH_QUIET_MS, FLUSH_MAX_MS, sleep);
      },
      closeServices: () => opened.close(),
      noteRestart: (restarts) => writeCrashMarker(paths.dataDir, { at: new Date().toISOString(), restarts }),
      relaunch: (args) => {
        app.relaunch({ args });
        app.exit(0);
      },
      giveUp: (message) => {
        dialog.showErrorBox('ISCM Assessment stopped', message);
        app.exit(1);
      },
      argv: process.argv.slice(1),
      uptimeSeconds: () => process.uptime(),
    }),
  );

  const win = createMainWindow({
    preloadPath: paths.preloadFile,
    stateFile: paths.windowStateFile,
    devTools,
    onSaveError: (error) => log.error('could not save the window state', error),
  });
  mainWindow = win;
  const stopForwarding = forwardEvents(opened.events, win.webContents);
  win.on('closed', () => {
    stopForwarding();
    mainWindow = undefined;
  });
}

// Before the single-instance lock, which is per data folder: each e2e test runs its own instance.
const userData = userDataOverride(app.isPackaged, process.env);
if (userData) app.setPath('userData', userData);

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database: hand over to it (it focuses its window) and leave.
  app.quit();
} else {
  for (const file of releaseFilesIn(process.argv.slice(1))) releaseFiles.add(file);
  app.on('open-file', (event, file) => {
    event.preventDefault();
    releaseFiles.add(file);
  });
  app.on('second-instance', (_event, argv) => {
    for (const file of releaseFilesIn(argv.slice(1))) releaseFiles.add(file);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    const closing = gate;
    if (!closing) return;
    gate = undefined;
    // A start-up backup may still be copying: the database closes after it, then the app quits.
    event.preventDefault();
    void closing.close().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      // Without services or a window there is nothing else to show: say why, then stop.
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`ISCM Assessment could not start: ${message}\n`);
      dialog.showErrorBox('ISCM Assessment could not start', message);
      app.exit(1);
    });
}
