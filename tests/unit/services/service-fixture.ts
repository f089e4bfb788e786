import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import type { Result } from '../../../core/contract/errors.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import type { HostCapabilities } from '../../../main/services/host.js';
import { classifyStorageError } from '../../../main/services/storage-errors.js';
import { makeRelease, makeUncheckedRelease, writeAppFolder } from '../../helpers/releases.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', '..', 'fixtures', 'questionnaires', 'services');

/** Releases of the fixture questionnaires, made once per test file (svc-broken's is not checked first, so it can exist). */
const FIXTURE_RELEASES = new Map<string, Buffer>([
  ['svc-test/1.0.0.json', (await makeRelease(path.join(FIXTURES, 'svc-test/1.0.0.json'))).bytes],
  ['svc-test/1.1.0.json', (await makeRelease(path.join(FIXTURES, 'svc-test/1.1.0.json'))).bytes],
  // Declares svc-test 1.0.0 with other content than svc-test/1.0.0.json: a conflicting release.
  ['svc-mislabelled/2.0.0.json', (await makeRelease(path.join(FIXTURES, 'svc-mislabelled/2.0.0.json'))).bytes],
  ['svc-broken/1.0.0.json', (await makeUncheckedRelease(path.join(FIXTURES, 'svc-broken/1.0.0.json'), { id: 'svc-broken', version: '1.0.0' })).bytes],
]);

/** The release of a fixture questionnaire file (`id/version.json`). */
export function fixtureRelease(file: string): Buffer {
  const bytes = FIXTURE_RELEASES.get(file);
  if (!bytes) throw new Error(`no release made for ${file}`);
  return bytes;
}

/** Puts releases of fixture questionnaires (`id/version.json`) among an app folder's bundled releases. */
export function install(dir: string, ...files: string[]): void {
  writeAppFolder(
    dir,
    files.map((file) => ({ name: `${file.replace('/', '-').replace(/\.json$/, '')}.iscmq`, bytes: fixtureRelease(file) })),
  );
}

/**
 * The real app services on a fresh data folder, called through the real dispatcher
 * (so every input and output is checked against the contract). The default
 * questionnaire is the fixture `svc-test`.
 */
export function useServices() {
  const tempDir = useTempDirs();
  const open: AppServices[] = [];
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return (options: { files?: string[]; hostCapabilities?: HostCapabilities; dataDir?: string; questionnairesDir?: string; defaultId?: string } = {}) => {
    const dataDir = options.dataDir ?? tempDir();
    const questionnairesDir = options.questionnairesDir ?? tempDir();
    if (!options.questionnairesDir) install(questionnairesDir, ...(options.files ?? ['svc-test/1.0.0.json']));
    let t = Date.parse('2026-11-27T10:00:00Z');
    const services = createAppServices({
      dataDir,
      questionnairesDir,
      host: options.hostCapabilities ? 'electron' : 'web',
      appVersion: '0.0.0-test',
      clock: { now: () => new Date((t += 1000)) },
      defaultQuestionnaireId: options.defaultId ?? 'svc-test',
      ...(options.hostCapabilities ? { hostCapabilities: options.hostCapabilities } : {}),
    });
    open.push(services);
    const dispatch = createDispatcher(services.handlers, { classifyError: classifyStorageError });
    /** A call that must succeed: returns its value. */
    const call = async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
      const result = await dispatch(channel, input);
      if (!result.ok) expect.fail(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    /** A call that must fail: returns its error. */
    const refuse = async (channel: string, input: unknown = {}) => {
      const result: Result<unknown> = await dispatch(channel, input);
      if (result.ok) expect.fail(`${channel} succeeded but should have failed`);
      return result.error;
    };
    return { services, dispatch, call, refuse, dataDir, questionnairesDir, tempDir };
  };
}
