import { dialog, safeStorage, type BrowserWindow, type FileFilter as ElectronFilter } from 'electron';
import type { FileFilter, HostCapabilities, SecretStore } from '../services/host.js';
import { openDialogProperties } from './dialog-properties.js';
import { secretStoreIsReal } from './secret-store-policy.js';

const toElectronFilters = (filters: readonly FileFilter[] = []): ElectronFilter[] =>
  filters.map((f) => ({ name: f.name, extensions: [...f.extensions] }));

/** Linux falls back to a fixed key (`basic_text`) when no keyring runs: that is not encryption. */
async function isRealSecretStore(): Promise<boolean> {
  const available = await safeStorage.isAsyncEncryptionAvailable();
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  return secretStoreIsReal(available, process.platform, backend);
}

// safeStorage seals strings; bytes travel as base64 so any byte survives.
const secretStore: SecretStore = {
  isRealBackend: isRealSecretStore,
  encrypt: async (plain) => {
    if (!(await isRealSecretStore())) throw new Error('The system secret store is not available.');
    return safeStorage.encryptStringAsync(Buffer.from(plain).toString('base64'));
  },
  decrypt: async (sealed) => {
    const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed));
    return Buffer.from(result, 'base64');
  },
};

/** The desktop's dialogs, PDF printing and secret store, bound to the app window. */
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
  };
}
