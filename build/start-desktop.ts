// `npm start`: the desktop app in development. Finds Electron, builds the three
// bundles, prepares an Electron build of better-sqlite3, then runs Electron on the project.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'vite';
import { NATIVE_BINDING_ENV } from '../main/shell/paths.js';
import {
  ELECTRON_MISSING_MESSAGE,
  installedVersion,
  isSet,
  prepareElectronSqlite,
  resolveElectronBinary,
} from './electron-native.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const log = (line: string) => process.stdout.write(`${line}\n`);

/** The electron package downloads its binary on first use; do that here, unless told not to. */
function findOrFetchElectron(): string | undefined {
  const found = resolveElectronBinary(ROOT, process.env);
  if (found.exists) return found.path;
  if (isSet(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) || process.env.ELECTRON_PATH) return undefined;
  // On a terminal, a progress note that is erased once the attempt ends: a run without a binary
  // still ends with exactly one line (the missing-binary message). Piped output gets no note.
  const note = process.stdout.isTTY ? 'Downloading the Electron binary …' : '';
  if (note) process.stdout.write(note);
  // Its output is kept back: offline it is a stack trace, and the one line below says what to do.
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron', 'install.js')], { stdio: 'pipe' });
  if (note) process.stdout.write('\r\x1b[K');
  const again = resolveElectronBinary(ROOT, process.env);
  return again.exists ? again.path : undefined;
}

async function main(): Promise<number> {
  const electron = findOrFetchElectron();
  if (!electron) {
    process.stderr.write(`${ELECTRON_MISSING_MESSAGE}\n`);
    return 1;
  }
  for (const config of ['vite.renderer.config.ts', 'vite.preload.config.ts', 'vite.main.config.ts']) {
    await build({ configFile: path.join(ROOT, 'build', config), logLevel: 'warn' });
  }
  const nativeBinding = prepareElectronSqlite({
    projectRoot: ROOT,
    electronVersion: installedVersion(ROOT, 'electron'),
    log,
  });

  const env: NodeJS.ProcessEnv = { ...process.env, [NATIVE_BINDING_ENV]: nativeBinding };
  // Set, it would make Electron a plain Node and ignore the app.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
