import { BrowserWindow, screen } from 'electron';
import { APP_INDEX_URL } from './app-origin.js';
import { MIN_SIZE, clampToDisplays, readWindowState, writeWindowState, type WindowState } from './window-state.js';

export interface MainWindowOptions {
  /** The built preload (`dist/preload/preload.cjs`). */
  readonly preloadPath: string;
  /** Where the window's bounds are remembered (`<userData>/window-state.json`). */
  readonly stateFile: string;
  /** Developer tools only while developing, never in the packaged app. */
  readonly devTools: boolean;
  readonly onSaveError: (error: unknown) => void;
}

/**
 * The one place where a BrowserWindow is made, so its webPreferences are
 * written once: the page runs sandboxed, isolated from the preload, without Node.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay().workArea;
  const state = clampToDisplays(
    readWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    primary,
  );
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'ISCM Assessment',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  rememberState(win, options);
  void win.loadURL(APP_INDEX_URL);
  return win;
}

/** Saves bounds (the normal bounds when maximized) on close, so the next start reopens the same way. */
function rememberState(win: BrowserWindow, options: MainWindowOptions): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeWindowState(options.stateFile, state);
    } catch (error) {
      options.onSaveError(error);
    }
  });
}
