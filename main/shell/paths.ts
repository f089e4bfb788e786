import path from 'node:path';

export interface AppLocations {
  /** `app.getAppPath()`: the project root in development, `…/resources/app.asar` when packaged. */
  readonly appPath: string;
  /** `process.resourcesPath`: where extraResources land when packaged. */
  readonly resourcesPath: string;
  readonly isPackaged: boolean;
  /** `app.getPath('userData')`. */
  readonly userData: string;
}

/** Every path the shell uses, derived in one place (bundled main has no reliable `import.meta.dirname`). */
export function appPaths(where: AppLocations) {
  return {
    rendererDir: path.join(where.appPath, 'dist', 'renderer'),
    preloadFile: path.join(where.appPath, 'dist', 'preload', 'preload.cjs'),
    questionnairesDir: where.isPackaged
      ? path.join(where.resourcesPath, 'questionnaires')
      : path.join(where.appPath, 'questionnaires'),
    dataDir: where.userData,
    logDir: path.join(where.userData, 'logs'),
    windowStateFile: path.join(where.userData, 'window-state.json'),
  };
}

/** The env var through which `npm start` hands main an Electron-ABI better-sqlite3. */
export const NATIVE_BINDING_ENV = 'ISCM_ELECTRON_NATIVE_BINDING';

/**
 * Honoured only in development: in the packaged app electron-builder has rebuilt
 * the module, and letting an environment variable choose a native library to
 * load would reopen the door the fuses close (NODE_OPTIONS, --inspect).
 */
export function nativeBindingFor(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (isPackaged) return undefined;
  const value = env[NATIVE_BINDING_ENV];
  return value !== undefined && value !== '' ? value : undefined;
}

/** The env var through which tests (and developers) give a development run its own data folder. */
export const USER_DATA_ENV = 'ISCM_USER_DATA_DIR';

/** A data folder chosen by the environment, in development only (the packaged app always uses the OS's). */
export function userDataOverride(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (isPackaged) return undefined;
  const value = env[USER_DATA_ENV];
  return value !== undefined && value !== '' ? value : undefined;
}
