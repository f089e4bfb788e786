import type { Handlers } from '../../../core/contract/dispatch.js';
import { AppError } from '../../../core/contract/errors.js';
import type { HostCapabilities } from '../host.js';
import type { SavedFiles } from './saved-files.js';

/** The `files.*` channels: Show in folder and the download, for files in the ledger only. */
export function fileHandlers(savedFiles: SavedFiles, host: Pick<HostCapabilities, 'showItemInFolder'> | undefined): Handlers['files'] {
  return {
    show: async ({ path }) => {
      const show = host?.showItemInFolder;
      if (!show) throw new AppError('NOT_SUPPORTED', 'This host cannot open a file manager; use the download link.');
      // Only a path the ledger holds, still the file the app wrote, reaches the file manager.
      show((await savedFiles.check(path)).path);
      return { shown: true as const };
    },
    // The web client answers this itself (a browser download); reaching main means the desktop.
    download: () => {
      throw new AppError('NOT_SUPPORTED', 'The desktop app saved the file where you chose; use Show in folder.');
    },
  };
}
