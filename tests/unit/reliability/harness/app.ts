import { createAppDispatch } from '../../../../main/services/app-dispatch.js';
import { createAppServices, type AppServices } from '../../../../main/services/app-services.js';
import { startAppServicesSafely } from '../../../../main/services/startup/start-services.js';
import type { BackupInfo, StartupReport } from '../../../../core/contract/channels/maintenance.js';
import type { Clock } from '../../../../main/services/clock.js';
import type { HostCapabilities } from '../../../../main/services/host.js';
import type { Dispatch } from '../../../../core/contract/dispatch.js';
import type { Result } from '../../../../core/contract/errors.js';
import { createRotatingLog } from '../../../../main/services/log/rotating-log.js';
import { QUESTIONNAIRES_DIR } from './child-script.js';

export interface TestApp {
  readonly services: AppServices;
  readonly dispatch: Dispatch;
  /** Calls a channel and returns its value, failing the test on an error result. */
  readonly call: <T>(channel: string, input: unknown) => Promise<T>;
}

/** The real services on a data folder, behind the dispatcher the hosts use (storage errors classified, faults logged). */
export function startTestApp(
  dataDir: string,
  clock?: Clock,
  more: { questionnairesDir?: string; hostCapabilities?: HostCapabilities } = {},
): TestApp {
  const services = createAppServices({
    dataDir,
    questionnairesDir: more.questionnairesDir ?? QUESTIONNAIRES_DIR,
    host: 'web',
    appVersion: '0.0.0-test',
    ...(clock ? { clock } : {}),
    ...(more.hostCapabilities ? { hostCapabilities: more.hostCapabilities } : {}),
  });
  return behindDispatcher(services, dataDir);
}

function behindDispatcher(services: AppServices, dataDir: string): TestApp {
  const dispatch = createAppDispatch(services.handlers, createRotatingLog({ dir: dataDir }), dataDir);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result: Result<unknown> = await dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  };
  return { services, dispatch, call };
}

/** As the hosts start: through the start-up checks (`startAppServicesSafely`); fails the test if they refuse. */
export function startTestAppSafely(
  dataDir: string,
  clock?: Clock,
): TestApp & {
  readonly report: StartupReport;
  readonly startupBackup: Promise<BackupInfo | undefined>;
  readonly backupErrors: readonly unknown[];
} {
  const backupErrors: unknown[] = [];
  const start = startAppServicesSafely(
    { dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test', ...(clock ? { clock } : {}) },
    (error) => backupErrors.push(error),
  );
  if (!start.ok) throw new Error(`the app refused to start: ${start.report.message}`);
  return { ...behindDispatcher(start.services, dataDir), report: start.report, startupBackup: start.startupBackup, backupErrors };
}

export const NEW_DRAFT = { title: 'Reliability', respondentKind: 'secretariat', mechanism: null, language: 'en' } as const;
