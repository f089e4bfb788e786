// The Electron main process: the only entry that imports electron. It wires the
// shared services (the same the web host uses) to a hardened window.
import { app, dialog, ipcMain, protocol, session, type BrowserWindow } from 'electron';
import { createAppDispatch } from '../services/app-dispatch.js';
import { startAppServicesSafely } from '../services/startup/start-services.js';
import type { AppServices } from '../services/app-services.js';
import { createRotatingLog, type Log } from '../services/log/rotating-log.js';
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

let mainWindow: BrowserWindow | undefined;
let services: AppServices | undefined;
// `.iscmq` files the system asks us to open (a double-click): checked, then shown by the window.
const releaseFiles = createReleaseFileQueue(async (file) => {
  if (!services) return;
  await services.ready;
  await services.releases.noteOpened(file);
  services.events.emit('releaseOpened', {});
});

/** Refusals are logged with the URL cut short: enough to diagnose, never a page's content. */
const refusalLogger = (log: Log) => (what: string, url: string) => log.info(`refused ${what} ${url.slice(0, 200)}`);

function start(): void {
  const paths = appPaths({
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    userData: app.getPath('userData'),
  });
  const log = createRotatingLog({ dir: paths.logDir });
  log.info(`start ${app.getVersion()} (electron ${process.versions.electron})`);
  process.on('uncaughtException', (error) => log.error('uncaught exception', error));
  process.on('unhandledRejection', (error) => log.error('unhandled rejection', error));

  const devTools = !app.isPackaged;
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, refusalLogger(log)));
  hardenSession(session.defaultSession, refusalLogger(log));
  registerAppProtocol(protocol, paths.rendererDir);

  const nativeBinding = nativeBindingFor(app.isPackaged, process.env);
  // A damaged database is moved aside (and reported in the app); a newer, locked or unreadable one stops the start with its reason.
  const start = startAppServicesSafely(
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
  if (!start.ok) throw new Error(start.report.message);
  services = start.services;
  releaseFiles.start();
  bindIpc(ipcMain, createAppDispatch(services.handlers, log));
  installAppMenu({ logDir: paths.logDir, devTools, onError: (error) => log.error('menu action failed', error) });

  const win = createMainWindow({
    preloadPath: paths.preloadFile,
    stateFile: paths.windowStateFile,
    devTools,
    onSaveError: (error) => log.error('could not save the window state', error),
  });
  mainWindow = win;
  const stopForwarding = forwardEvents(services.events, win.webContents);
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
  app.on('will-quit', () => {
    services?.close();
    services = undefined;
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
