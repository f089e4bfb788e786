import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../core/contract/dispatch.js';
import type { AppInfo } from '../../core/contract/channels/app.js';
import type { StartupReport } from '../../core/contract/channels/maintenance.js';
import { openDatabase, type Db } from '../../db/open.js';
import { appMigrations } from '../../db/migrations/app/index.js';
import { systemClock, type Clock } from './clock.js';
import { createMaintenanceHandlers } from './backup/maintenance-handlers.js';
import type { HostCapabilities } from './host.js';
import { createEventBus, type EventBus } from './event-bus.js';
import { createDraftService } from './drafts/draft-service.js';
import { printToPdf } from './drafts/print-to-pdf.js';
import { createQuestionnaireCatalog } from './questionnaires/catalog.js';
import { createAttachmentStore } from './attachments/store.js';
import { createAttachmentService, type AttachmentService } from './attachments/attachment-service.js';
import { identityHandlers } from './identities/handlers.js';
import { submissionHandlers } from './submissions/handlers.js';
import { createIomHandlers } from './import/handlers.js';
import { createReleaseStore, type ReleaseStore } from './releases/release-store.js';
import { bundledReleasesIn, publishersFileIn, readTrustedPublishers } from './releases/trusted-publishers.js';
import { createReleaseService, type ReleaseService } from './releases/release-service.js';
import { createDraftMoveService } from './releases/draft-moves.js';
import { releaseHandlers } from './releases/handlers.js';
import { afterReady } from './releases/after-ready.js';
import { createSavedFiles, type SavedFiles } from './files/saved-files.js';
import { fileHandlers } from './files/file-handlers.js';

export interface AppServicesOptions {
  /** The user-data folder: the database and attachment store live here. */
  readonly dataDir: string;
  /**
   * The app's questionnaires folder: `allowed_signers` (the publishers it trusts) and
   * `releases/*.iscmq` (the releases it carries, installed on first start like any other).
   */
  readonly questionnairesDir: string;
  /** Another trusted publishers file (tests); `<questionnairesDir>/allowed_signers` by default. */
  readonly publishersFile?: string;
  readonly host: AppInfo['host'];
  readonly appVersion: string;
  /** What only the desktop can do (file dialogs, PDF); absent in the web host, whose client does these itself. */
  readonly hostCapabilities?: HostCapabilities;
  readonly clock?: Clock;
  readonly nativeBinding?: string;
  /** The questionnaire new drafts start on (default `iscm-assessment`; tests use their own). */
  readonly defaultQuestionnaireId?: string;
  /** Where services report progress; the host forwards it to the window (created here when absent). */
  readonly events?: EventBus;
  /** What the start-up checks found (`startAppServicesSafely`), shown by `maintenance.startupReport`. */
  readonly startupReport?: StartupReport;
}

export interface AppServices {
  readonly handlers: Handlers;
  readonly db: Db;
  /** For the web host's upload endpoint (`web/upload.ts`): the same checks as `attachments.pick`. */
  readonly attachments: AttachmentService;
  /** Progress of long operations, for the host to forward to the renderer. */
  readonly events: EventBus;
  /** Settles once the installed releases are loaded and the bundled ones installed (handlers wait for it). */
  readonly ready: Promise<void>;
  readonly releases: ReleaseService;
  readonly releaseStore: ReleaseStore;
  /** The files saved for the user in this session, for the web host's download of them. */
  readonly savedFiles: SavedFiles;
  readonly close: () => void;
}

export const APP_DB_FILE = 'iscm.db';
export const ATTACHMENTS_DIR = 'attachments';
/** Installed questionnaire releases: `<dataDir>/releases/<id>/<version>.iscmq`. */
export const RELEASES_DIR = 'releases';

/**
 * Everything behind the contract for the secretariat app, built once per start
 * and shared by the Electron shell and the web host: they differ only in how a
 * call arrives.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const clock = options.clock ?? systemClock;
  const events = options.events ?? createEventBus();
  const db = openDatabase(path.join(options.dataDir, APP_DB_FILE), {
    migrations: appMigrations,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const publishers = () => readTrustedPublishers(options.publishersFile ?? publishersFileIn(options.questionnairesDir));
  const releaseStore = createReleaseStore({
    dir: path.join(options.dataDir, RELEASES_DIR),
    publishers,
    bundledDir: bundledReleasesIn(options.questionnairesDir),
    now: () => clock.now(),
  });
  // Never rejects (each file's failure is recorded as a problem); a fault here must not stop every call.
  const ready = releaseStore.load().catch(() => undefined);
  const catalog = createQuestionnaireCatalog(releaseStore, options.defaultQuestionnaireId);
  const releases = createReleaseService({ db, store: releaseStore, publishers, ...(options.hostCapabilities ? { hostCapabilities: options.hostCapabilities } : {}) });
  const drafts = createDraftService({ db, clock, questionnaires: catalog, events });
  const store = createAttachmentStore(path.join(options.dataDir, ATTACHMENTS_DIR));
  store.removeStrayTempFiles();
  const savedFiles = createSavedFiles();
  const attachments = createAttachmentService({ db, clock, store, drafts, questionnaires: catalog, host: options.hostCapabilities });

  const handlers: Handlers = afterReady({
    maintenance: createMaintenanceHandlers(db, clock, options.startupReport ?? null),
    app: {
      info: () => ({ name: 'ISCM Assessment', version: options.appVersion, host: options.host, dataDir: options.dataDir }),
      printToPdf: ({ suggestedName }) => printToPdf(options.hostCapabilities, suggestedName, savedFiles),
    },
    drafts: {
      list: () => drafts.list(),
      create: (input) => drafts.create(input),
      get: ({ id }) => drafts.get(id),
      update: (input) => drafts.update(input),
      duplicate: (input) => drafts.duplicate(input),
      delete: ({ id }) => drafts.moveToTrash(id),
      trash: () => drafts.trash(),
      restore: ({ id }) => drafts.restore(id),
      emptyTrash: () => drafts.emptyTrash(),
    },
    answers: {
      save: (input) => drafts.save(input),
      change: (input) => drafts.change(input),
      history: (input) => drafts.history(input),
    },
    attachments: {
      pick: (input) => attachments.pick(input),
    },
    identities: identityHandlers({ ...options, db, clock, events, questionnaires: catalog, savedFiles }),
    submissions: submissionHandlers({ ...options, db, clock, events, questionnaires: catalog, savedFiles }),
    iom: createIomHandlers({ ...options, clock, events }),
    files: fileHandlers(savedFiles, options.hostCapabilities),
    releases: releaseHandlers({ ...options, releases, moves: createDraftMoveService({ db, clock, questionnaires: catalog, store: releaseStore }) }),
    questionnaires: {
      current: () => catalog.current(),
      get: (ref) => {
        const entry = catalog.get(ref);
        return { ref: entry.ref, definition: entry.definition };
      },
    },
  }, ready);
  return { handlers, db, attachments, events, ready, releases, releaseStore, savedFiles, close: () => db.close() };
}
