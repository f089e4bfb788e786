// Electron's binary and an Electron-ABI better-sqlite3 for `npm start` (development only;
// the packaged app gets its module rebuilt by electron-builder).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ELECTRON_MISSING_MESSAGE =
  'The Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set or the download failed); run `npm run start:web` to use the app in a browser, or reinstall with internet access.';

type Env = Readonly<Record<string, string | undefined>>;

/** Where the electron package puts its executable, per platform (as its install.js does). */
export function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

/**
 * The Electron executable `npm start` would run, found without loading the
 * electron package (whose `require` starts a download when the binary is missing):
 * ELECTRON_PATH if set, else ELECTRON_OVERRIDE_DIST_PATH or node_modules/electron/dist.
 */
export function resolveElectronBinary(
  projectRoot: string,
  env: Env,
  platform = process.platform,
): { path: string; exists: boolean } {
  const explicit = env.ELECTRON_PATH;
  if (explicit) return { path: explicit, exists: fs.existsSync(explicit) };
  const pkgDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : platformExecutable(platform);
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const binary = path.join(distDir, relative);
  return { path: binary, exists: fs.existsSync(binary) };
}

/** True for the values npm and CI use to mean "yes" in an environment variable. */
export const isSet = (value: string | undefined): boolean =>
  value !== undefined && !['', '0', 'false', 'no'].includes(value.toLowerCase());

export function installedVersion(projectRoot: string, pkg: string): string {
  const json = JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}

/** Electron's NODE_MODULE_VERSION, from the file the electron package ships. */
export function electronAbi(projectRoot: string): string {
  return fs.readFileSync(path.join(projectRoot, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
}

/**
 * Checks a better_sqlite3.node was built for Electron's ABI, not Node's: plain Node
 * must refuse to load it, naming Electron's NODE_MODULE_VERSION. A module that Node
 * loads was built against Node's headers (npm's `nodedir`), and Electron would crash on it.
 */
export function checkElectronAbi(nodeFile: string, abi: string): { ok: true } | { ok: false; reason: string } {
  if (!fs.existsSync(nodeFile)) return { ok: false, reason: `${nodeFile} was not built` };
  const probe = spawnSync(process.execPath, ['-e', 'require(process.argv[1])', nodeFile], { encoding: 'utf8' });
  if (probe.status === 0) return { ok: false, reason: 'it was built for Node, not Electron (Node loads it)' };
  const found = /NODE_MODULE_VERSION (\d+)\. This version/.exec(probe.stderr)?.[1];
  if (found === abi) return { ok: true };
  return { ok: false, reason: `it was built for NODE_MODULE_VERSION ${found ?? 'unknown'}, Electron needs ${abi}` };
}

interface PrepareOptions {
  readonly projectRoot: string;
  readonly electronVersion: string;
  readonly log: (line: string) => void;
}

/** Runs a node script in `cwd`; npm's `nodedir` is emptied so nothing builds against Node's headers. */
function runNode(script: string, args: readonly string[], cwd: string): boolean {
  const env = { ...process.env, npm_config_nodedir: '', npm_config_runtime: 'electron' };
  const result = spawnSync(process.execPath, [script, ...args], { cwd, env, stdio: 'inherit' });
  return result.status === 0;
}

/**
 * A copy of better-sqlite3 built for this Electron, in
 * `.cache/electron-native/<electron version>/`, made once and checked each start.
 * A prebuilt binary is tried first, then a build from source against Electron's
 * headers. Returns the path of its `better_sqlite3.node`; throws with the reason.
 */
export function prepareElectronSqlite({ projectRoot, electronVersion, log }: PrepareOptions): string {
  const abi = electronAbi(projectRoot);
  const cacheDir = path.join(projectRoot, '.cache', 'electron-native', electronVersion);
  const finalDir = path.join(cacheDir, 'better-sqlite3');
  const nodeFile = (dir: string) => path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  const stamp = path.join(cacheDir, 'stamp.json');
  const wanted = JSON.stringify({
    electron: electronVersion,
    abi,
    betterSqlite3: installedVersion(projectRoot, 'better-sqlite3'),
  });
  if (
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, 'utf8') === wanted &&
    checkElectronAbi(nodeFile(finalDir), abi).ok
  ) {
    return nodeFile(finalDir);
  }

  log(
    `Preparing better-sqlite3 for Electron ${electronVersion} (ABI ${abi}) in ${path.relative(projectRoot, cacheDir)} …`,
  );
  const workDir = path.join(cacheDir, `better-sqlite3.tmp-${process.pid}`);
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(cacheDir, { recursive: true });
  const source = path.join(projectRoot, 'node_modules', 'better-sqlite3');
  fs.cpSync(source, workDir, { recursive: true, filter: (src) => path.relative(source, src) !== 'build' });

  const bin = (pkg: string, file: string) => path.join(projectRoot, 'node_modules', pkg, file);
  const target = [`--target=${electronVersion}`, `--arch=${process.arch}`];
  let check = runNode(bin('prebuild-install', 'bin.js'), ['--runtime=electron', ...target], workDir)
    ? checkElectronAbi(nodeFile(workDir), abi)
    : ({ ok: false, reason: 'no prebuilt binary could be downloaded' } as const);
  if (!check.ok) {
    log(`No usable prebuilt binary (${check.reason}); building from source against Electron's headers …`);
    const built = runNode(
      bin('node-gyp', path.join('bin', 'node-gyp.js')),
      ['rebuild', '--release', '--runtime=electron', ...target, '--dist-url=https://electronjs.org/headers'],
      workDir,
    );
    check = built
      ? checkElectronAbi(nodeFile(workDir), abi)
      : { ok: false, reason: 'node-gyp failed (needs internet for the headers, and a C++ toolchain)' };
  }
  if (!check.ok) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw new Error(`Could not prepare better-sqlite3 for Electron ${electronVersion}: ${check.reason}.`);
  }
  fs.rmSync(finalDir, { recursive: true, force: true });
  fs.renameSync(workDir, finalDir);
  fs.writeFileSync(stamp, wanted);
  return nodeFile(finalDir);
}
