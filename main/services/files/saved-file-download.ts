import { AppError } from '../../../core/contract/errors.js';
import { exportsDir } from '../identities/file-output.js';
import type { CheckedFile, SavedFiles } from './saved-files.js';

/** What the web host's download endpoint for saved files needs from the app. */
export interface SavedFileDownloads {
  readonly file: (file: string) => Promise<CheckedFile>;
}

/** The web host serves a saved file only from its own `<dataDir>/exports/` folder, where it writes them. */
export function savedFileDownloads(savedFiles: () => SavedFiles | undefined, dataDir: string, unavailable: () => string): SavedFileDownloads {
  return {
    file: async (file) => {
      const ledger = savedFiles();
      if (!ledger) throw new AppError('DATA_UNAVAILABLE', unavailable());
      return ledger.check(file, { within: exportsDir(dataDir) });
    },
  };
}
