import type { Shell } from 'electron';

/** What opening a file uses of Electron's shell (tests pass a stand-in). */
export type ShellLike = Pick<Shell, 'openPath'>;

/**
 * `HostCapabilities.openPath`: the system's application for the file's type. Electron's
 * `shell.openPath` resolves with an empty string when it worked and with the system's reason
 * otherwise (it does not reject), so a non-empty answer becomes an error the service words.
 */
export function createSystemOpener(shell: ShellLike): (file: string) => Promise<void> {
  return async (file) => {
    const problem = await shell.openPath(file);
    if (problem !== '') throw new Error(problem);
  };
}
