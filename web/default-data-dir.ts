import os from 'node:os';
import path from 'node:path';

const FOLDER = 'iscm-assessment-web';

/**
 * Where `npm run start:web` keeps its data when given no `--data-dir`: the user's data folder,
 * as each OS names it, never inside the project (a `git clean` or a new checkout would take the
 * answers with it). Linux: `$XDG_DATA_HOME` or `~/.local/share`; macOS: `~/Library/Application
 * Support`; Windows: `%APPDATA%`.
 */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (platform === 'win32') return path.win32.join(env['APPDATA'] ?? path.win32.join(home, 'AppData', 'Roaming'), FOLDER);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', FOLDER);
  const xdg = env['XDG_DATA_HOME'];
  // The XDG specification ignores a relative XDG_DATA_HOME.
  return path.posix.join(xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share'), FOLDER);
}
