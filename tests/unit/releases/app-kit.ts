import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import type { ContractError } from '../../../core/contract/errors.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import type { HostCapabilities } from '../../../main/services/host.js';
import { classifyStorageError } from '../../../main/services/storage-errors.js';
import { APP_QUESTIONNAIRES_DIR } from '../../helpers/releases.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { treeSnapshot } from '../reliability/harness/tree-snapshot.js';

/** The real app services on the app's own questionnaires folder, with a stand-in file dialog. */
export function useReleaseApp() {
  const tempDir = useTempDirs();
  const open: AppServices[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return (options: { dataDir?: string; questionnairesDir?: string } = {}) => {
    const root = tempDir();
    const dataDir = options.dataDir ?? path.join(root, 'data');
    let chosen: string[] = [];
    const host: HostCapabilities = {
      pickFiles: () => Promise.resolve(chosen),
      pickSavePath: () => Promise.resolve(undefined),
    };
    // The app's clock (a fixed day, one second per call): answers dated "today" use `today`.
    let t = Date.parse('2026-11-28T09:00:00Z');
    const services = createAppServices({
      dataDir,
      questionnairesDir: options.questionnairesDir ?? APP_QUESTIONNAIRES_DIR,
      host: 'electron',
      appVersion: '0.0.0-test',
      hostCapabilities: host,
      clock: { now: () => new Date((t += 1000)) },
    });
    open.push(services);
    const dispatch = createDispatcher(services.handlers, { classifyError: classifyStorageError });
    const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
      const result = await dispatch(channel, input);
      if (!result.ok) expect.fail(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    const refuse = async (channel: string, input: unknown = {}): Promise<ContractError> => {
      const result = await dispatch(channel, input);
      if (result.ok) expect.fail(`${channel} succeeded but should have failed`);
      return result.error;
    };
    /** Writes the bytes as a file the user "chooses" in the dialog. */
    const choose = (name: string, bytes: Buffer): string => {
      const file = path.join(root, name);
      fs.writeFileSync(file, bytes);
      chosen = [file];
      return file;
    };
    /** The user cancels the next dialog. */
    const cancel = (): void => {
      chosen = [];
    };
    return {
      services,
      dispatch,
      call,
      refuse,
      choose,
      cancel,
      dataDir,
      root,
      today: '2026-11-28',
      snapshot: () => treeSnapshot(dataDir),
    };
  };
}
