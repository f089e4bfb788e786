import type { BackupInfo, StartupReport } from '../../../core/contract/channels/maintenance.js';
import type { Handlers } from '../../../core/contract/dispatch.js';
import { AppError, contract } from '../../../core/contract/index.js';
import type { AppServices, AppServicesOptions } from '../app-services.js';
import type { AttachmentService } from '../attachments/attachment-service.js';
import type { ReleaseService } from '../releases/release-service.js';
import { systemClock } from '../clock.js';
import { servableExport, type ExportDownloads } from '../submissions/exported-file.js';
import { servableAttachment, type AttachmentDownloads } from '../import/attachment-download.js';
import { createEventBus, type EventBus } from '../event-bus.js';
import { savedFileDownloads, type SavedFileDownloads } from '../files/saved-file-download.js';
import { createStoppedHandlers } from './stopped-handlers.js';
import { startAppServicesSafely } from './start-services.js';

/**
 * The app behind a host, whether or not it could open its data. The host builds its dispatcher
 * and its event stream once, from `handlers` and `events`; they reach the running services, or,
 * when start-up refused (a newer, locked, read-only or unreadable data file), a stopped app that
 * still answers the start-up report, the list of backups, "try again" and, where it is safe,
 * "restore the latest backup". So the window always opens and always says what happened: the
 * start-up banner is never a terminal line only.
 */
export interface AppGate {
  readonly handlers: Handlers;
  readonly events: EventBus;
  /** For the web host's upload endpoint; refuses while the data is not open. */
  readonly uploads: Pick<AttachmentService, 'receive'>;
  /** For the web host's release upload endpoint; refuses while the data is not open. */
  readonly releaseUploads: Pick<ReleaseService, 'stageBytes'>;
  /** For the web host's download endpoint: an exported package of a revision; refuses while the data is not open. */
  readonly exportDownloads: ExportDownloads;
  /** For the web host's attachment download endpoint: an imported revision's attachment; refuses while the data is not open. */
  readonly attachmentDownloads: AttachmentDownloads;
  /** For the web host's download endpoint of saved files (key cards, summaries); refuses while the data is not open. */
  readonly savedFileDownloads: SavedFileDownloads;
  readonly report: () => StartupReport;
  /** The running services, or undefined while the data is not open. */
  readonly services: () => AppServices | undefined;
  /** Starts again when the data is not open (after the user fixed the cause); the new report. */
  readonly retry: () => StartupReport;
  /** The start-up backup of the current start (undefined when none ran). */
  readonly startupBackup: () => Promise<BackupInfo | undefined>;
  /** Waits for a start-up backup in progress, closes the services and releases the folder lock. */
  readonly close: () => Promise<void>;
}

type AnyHandler = (input: unknown) => unknown;

/** A Handlers object whose every method calls the same method of `current()` at call time. */
function delegatingHandlers(current: () => Handlers): Handlers {
  const out: Record<string, Record<string, AnyHandler>> = {};
  for (const [domain, methods] of Object.entries(contract)) {
    out[domain] = Object.fromEntries(
      Object.keys(methods).map((method) => [
        method,
        (input: unknown) =>
          (current() as unknown as Record<string, Record<string, AnyHandler>>)[domain]?.[method]?.(input),
      ]),
    );
  }
  return out as unknown as Handlers;
}

export function openAppGate(options: AppServicesOptions, onBackupError: (error: unknown) => void): AppGate {
  const events = options.events ?? createEventBus();
  const clock = options.clock ?? systemClock;
  let services: AppServices | undefined;
  let report: StartupReport;
  let backup: Promise<BackupInfo | undefined> = Promise.resolve(undefined);
  let stopped: Handlers | undefined;

  const attempt = (): StartupReport => {
    const start = startAppServicesSafely({ ...options, events }, onBackupError);
    if (start.ok) {
      services = start.services;
      backup = start.startupBackup;
      stopped = undefined;
    } else {
      stopped = createStoppedHandlers({
        dataDir: options.dataDir,
        appVersion: options.appVersion,
        host: options.host,
        clock,
        report: start.report,
        retry,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
    }
    report = start.report;
    return report;
  };
  function retry(): StartupReport {
    return services ? report : attempt();
  }
  report = attempt();

  const current = (): Handlers => {
    if (services) return services.handlers;
    if (!stopped) throw new Error('The app gate has neither services nor a stopped app.');
    return stopped;
  };
  return {
    handlers: delegatingHandlers(current),
    events,
    uploads: {
      receive: async (input) => {
        if (!services) throw new AppError('DATA_UNAVAILABLE', report.message);
        return services.attachments.receive(input);
      },
    },
    releaseUploads: {
      stageBytes: async (bytes, name) => {
        if (!services) throw new AppError('DATA_UNAVAILABLE', report.message);
        await services.ready;
        return services.releases.stageBytes(bytes, name);
      },
    },
    exportDownloads: {
      file: (id, file) => {
        if (!services) throw new AppError('DATA_UNAVAILABLE', report.message);
        return servableExport(services.db, options.dataDir, id, file);
      },
    },
    attachmentDownloads: {
      file: async (submissionId, file) => {
        if (!services) throw new AppError('DATA_UNAVAILABLE', report.message);
        return servableAttachment(options.dataDir, submissionId, file, options.nativeBinding);
      },
    },
    savedFileDownloads: savedFileDownloads(() => services?.savedFiles, options.dataDir, () => report.message),
    report: () => report,
    services: () => services,
    retry,
    startupBackup: () => backup,
    close: async () => {
      await backup;
      services?.close();
      services = undefined;
    },
  };
}
