import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NATIVE_BINDING_ENV,
  USER_DATA_ENV,
  appPaths,
  nativeBindingFor,
  userDataOverride,
} from '../../../main/shell/paths.js';

describe('shell paths', () => {
  it('reads the bundles from the app and questionnaires from the project in development', () => {
    const p = appPaths({
      appPath: '/src/iscm',
      resourcesPath: '/electron/resources',
      isPackaged: false,
      userData: '/home/u/.config/ISCM',
    });
    expect(p.rendererDir).toBe(path.join('/src/iscm', 'dist', 'renderer'));
    expect(p.preloadFile).toBe(path.join('/src/iscm', 'dist', 'preload', 'preload.cjs'));
    expect(p.questionnairesDir).toBe(path.join('/src/iscm', 'questionnaires'));
    expect(p.logDir).toBe(path.join('/home/u/.config/ISCM', 'logs'));
  });

  it('reads questionnaires from the resources folder when packaged', () => {
    const p = appPaths({
      appPath: '/opt/ISCM/resources/app.asar',
      resourcesPath: '/opt/ISCM/resources',
      isPackaged: true,
      userData: '/u',
    });
    expect(p.questionnairesDir).toBe(path.join('/opt/ISCM/resources', 'questionnaires'));
    expect(p.rendererDir).toBe(path.join('/opt/ISCM/resources/app.asar', 'dist', 'renderer'));
  });

  it('takes the native binding from the environment in development only', () => {
    const env = { [NATIVE_BINDING_ENV]: '/cache/better_sqlite3.node' };
    expect(nativeBindingFor(false, env)).toBe('/cache/better_sqlite3.node');
    expect(nativeBindingFor(true, env)).toBeUndefined();
    expect(nativeBindingFor(false, {})).toBeUndefined();
    expect(nativeBindingFor(false, { [NATIVE_BINDING_ENV]: '' })).toBeUndefined();
  });

  it('takes a data folder from the environment in development only', () => {
    const env = { [USER_DATA_ENV]: '/tmp/iscm-e2e-1' };
    expect(userDataOverride(false, env)).toBe('/tmp/iscm-e2e-1');
    expect(userDataOverride(true, env)).toBeUndefined();
    expect(userDataOverride(false, {})).toBeUndefined();
  });
});
