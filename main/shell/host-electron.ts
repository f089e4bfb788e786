import { dialog, safeStorage, shell, type BrowserWindow, type FileFilter as ElectronFilter } from 'electron';
import type { FileFilter, HostCapabilities } from '../services/host.js';
import { openDialogProperties } from './dialog-properties.js';
import { createSystemOpener } from './open-with-system.js';
import { createSecretStore } from './secret-store.js';

const toElectronFilters = (filters: readonly FileFilter[] = []): ElectronFilter[] =>
  filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

const secretStore = createSecretStore(safeStorage);

/** The desktop's dialogs, PDF printing, secret store, file manager and "open with", bound to the app window. */
export function createElectronHost(getWindow: () => BrowserWindow | undefined): HostCapabilities {
  return {
    pickFiles: async ({ title, filters, multiple, folders }) => {
      const win = getWindow();
      const properties = openDialogProperties({ multiple, folders });
      const options = { title, filters: folders ? [] : toElectronFilters(filters), properties };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    pickSavePath: async ({ title, defaultName, filters }) => {
      const win = getWindow();
      const options = { title, defaultPath: defaultName, filters: toElectronFilters(filters) };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? undefined : result.filePath;
    },
    printToPdf: async ({ landscape = false, pageSize = 'A4' }) => {
      const win = getWindow();
      if (!win) throw new Error('There is no window to print.');
      return win.webContents.printToPDF({ landscape, pageSize, printBackground: true });
    },
    safeStorage: secretStore,
    // The services have checked the path is a file this app wrote (an export, or a card, summary or PDF saved this session); the OS file manager opens beside it.
    showItemInFolder: (file) => shell.showItemInFolder(file),
    // The service hands over only its own owner-only temp copy of an imported attachment.
    openPath: createSystemOpener(shell),
  };
}
