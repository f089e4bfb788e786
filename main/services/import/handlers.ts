import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {
  IomStatusView,
  RespondentStatusView,
  ReviewView,
  SubmissionSummaryView,
} from '../../../core/contract/channels/iom.js';
import type { Handlers } from '../../../core/contract/dispatch.js';
import { AppError } from '../../../core/contract/errors.js';
import type { SubmissionRow } from '../../../db/repos/iom/submissions.js';
import type { Clock } from '../clock.js';
import type { EventBus } from '../event-bus.js';
import type { HostCapabilities } from '../host.js';
import { KEY_CARD_MAX_BYTES } from '../files/limits.js';
import { readTextFile } from '../files/regular-file.js';
import { checkExportFolder } from './export/export-folder.js';
import { readExpectedList } from './expected-file.js';
import { parseKeyCard } from './key-card.js';
import { createIdentitySettings } from './identity-settings.js';
import { createImportOperations } from './import-operations.js';
import { createIomService, type IomService } from './iom-service.js';
import type { IomStatus, RespondentStatus } from './status.js';
import type { Review } from './reviews.js';
import { openImportedAttachment } from './open-attachment.js';

export interface IomHandlerOptions {
  /** iom.db and its folders live here. */
  readonly dataDir: string;
  readonly questionnairesDir: string;
  readonly clock?: Clock;
  readonly hostCapabilities?: HostCapabilities;
  /** Where `progress` events go, when the host forwards them (the window also polls). */
  readonly events?: EventBus;
  readonly nativeBinding?: string;
  /** Where an attachment's temp copy is made before the system opens it (the OS temp folder by default). */
  readonly attachmentTempRoot?: string;
}

export const IOM_DB_FILE = 'iom.db';

export const toSummaryView = (r: SubmissionRow): SubmissionSummaryView => ({
  submissionId: r.submission_id,
  rootId: r.root_id,
  revision: r.revision,
  status: r.is_current !== 1 ? 'superseded' : r.chain_state === 'withdrawn' ? 'withdrawn' : 'current',
  questionnaireId: r.questionnaire_id,
  questionnaireVersion: r.questionnaire_version,
  mechanism: r.mechanism,
  mechanismLabel: r.mechanism_label,
  mechanismKind: r.mechanism_kind,
  respondentKind: r.respondent_kind,
  respondentKey: r.respondent_key,
  respondentParty: r.respondent_party,
  signerName: r.signer_name,
  signerFingerprint: r.signer_fingerprint,
  newSigner: r.new_signer === 1,
  finalizedAt: r.finalized_at,
  importedAt: r.imported_at,
  fileName: r.file_name,
  reviewState: r.review_state,
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at,
});

/** A review as the contract carries it (mutable arrays, same data). */
export const toReviewView = (r: Review): ReviewView => ({
  ...r,
  comments: r.comments.map((c) => ({ ...c })),
  log: r.log.map((l) => ({ ...l })),
});

const respondentView = (r: RespondentStatus): RespondentStatusView => ({ ...r, chains: [...r.chains] });

/** The status as the contract carries it (mutable arrays, same data). */
export const toStatusView = (status: IomStatus): IomStatusView => ({
  ...status,
  mechanisms: status.mechanisms.map((m) => ({
    ...m,
    secretariat: respondentView(m.secretariat),
    states: m.states.map(respondentView),
    organisations: m.organisations.map(respondentView),
  })),
});

/**
 * The `iom` channels. iom.db is opened for each call (and for the length of an import) and
 * closed after, so the workspace holds no connection while it is not in use.
 */
export function createIomHandlers(options: IomHandlerOptions): Handlers['iom'] {
  const dbFile = path.join(options.dataDir, IOM_DB_FILE);
  const settings = createIdentitySettings(options.dataDir);
  const open = (identity?: string): IomService =>
    createIomService({
      dbFile,
      questionnairesDir: options.questionnairesDir,
      identity,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  const withService = async <T>(body: (s: IomService) => T | Promise<T>, identity?: string): Promise<T> => {
    const service = open(identity);
    try {
      // The releases the app carries are known versions in a new iom.db too.
      await service.syncBundled();
      return await body(service);
    } finally {
      service.close();
    }
  };
  /**
   * For a call about something imported (a submission, a chain, a held key): with no iom.db yet
   * there is none, and asking must not create the database (a refused call writes nothing).
   */
  const withExisting = <T>(body: (s: IomService) => T | Promise<T>, identity?: string): Promise<T> => {
    if (!fs.existsSync(dbFile)) return Promise.reject(new AppError('NOT_FOUND', 'Nothing has been imported yet: there is no such item.'));
    return withService(body, identity);
  };
  const requireIdentity = async (): Promise<string> => {
    const identity = await settings.identity();
    if (!identity)
      throw new AppError('NOT_FOUND', "Set up IOM's identity first: packages cannot be opened without it.");
    return identity;
  };
  const requireDialogs = (): HostCapabilities => {
    if (!options.hostCapabilities)
      throw new AppError('NOT_SUPPORTED', 'This window cannot open a file dialog: type the paths instead.');
    return options.hostCapabilities;
  };
  const operations = createImportOperations((p) =>
    options.events?.emit('progress', { operationId: p.operationId, label: 'import', done: p.done, total: p.total }),
  );
  const info = async () => ({
    dbPath: dbFile,
    identityPath: settings.identityPath(),
    recipient: await settings.recipient(),
    canPickFiles: options.hostCapabilities !== undefined,
  });
  return {
    info,
    createIdentity: async () => {
      await settings.create();
      return info();
    },
    useIdentity: async ({ path: file }) => {
      await settings.use(file);
      return info();
    },
    pickFiles: async ({ folder }) => {
      const host = requireDialogs();
      const paths = folder
        ? await host.pickFiles({ title: 'Folders with submission packages to import', multiple: true, folders: true })
        : await host.pickFiles({
            title: 'Submission packages to import',
            filters: [{ name: 'ISCM submission', extensions: ['iscm'] }],
            multiple: true,
          });
      return { paths: [...paths] };
    },
    pickExportFolder: async () => {
      const [chosen] = await requireDialogs().pickFiles({ title: 'Folder to export the dataset to', folders: true });
      return { path: chosen ?? null };
    },
    pickRespondentsFile: async () => {
      const [chosen] = await requireDialogs().pickFiles({
        title: 'List of expected respondents',
        filters: [{ name: 'CSV or Excel', extensions: ['csv', 'xlsx'] }],
      });
      return { path: chosen ?? null };
    },
    startImport: async ({ paths }) => {
      const identity = await requireIdentity();
      const operationId = operations.start((onProgress) =>
        withService((s) => s.importPaths(paths, { onProgress }), identity),
      );
      return { operationId };
    },
    importProgress: ({ operationId }) => operations.get(operationId),
    listSubmissions: (filter) =>
      withService((s) =>
        s
          .listSubmissions({
            mechanism: filter.mechanism,
            respondentKind: filter.respondentKind,
            status: filter.status,
            reviewState: filter.reviewState,
          })
          .map(toSummaryView),
      ),
    getSubmission: ({ submissionId }) =>
      withExisting((s) => {
        const row = s.getSubmission(submissionId);
        if (!row) throw new AppError('NOT_FOUND', 'No such submission.');
        const responses = JSON.parse(row.responses_json) as Record<string, unknown>;
        const history = s.listSubmissions({ status: 'all', rootId: row.root_id });
        return {
          summary: toSummaryView(row),
          responses,
          attachments: s.attachmentsOf(submissionId),
          history: history.map(toSummaryView),
        };
      }),
    listSubmissionAnswers: ({ status }) =>
      withService(async (s) =>
        (await s.listWithSearchTexts({ status: status ?? 'current' })).map(({ row, answersText }) => ({
          summary: toSummaryView(row),
          responsesJson: row.responses_json,
          answersText,
        })),
      ),
    listQuarantine: () =>
      withService((s) =>
        s.quarantine().map((q) => ({
          id: q.id,
          fileName: q.file_name,
          filePath: q.file_path,
          sha256: q.file_sha256,
          stage: q.stage,
          code: q.code,
          message: q.message,
          detail: q.detail,
          at: q.at,
          mechanism: q.mechanism,
        })),
      ),
    listKeys: () =>
      withService((s) => ({
        signers: s.signers().map((k) => ({
          respondent: {
            respondentKey: k.respondent_key,
            mechanism: k.mechanism,
            mechanismLabel: k.mechanism_label,
            kind: k.kind,
            party: k.party,
          },
          fingerprint: k.fingerprint,
          signerName: k.name,
          title: k.title,
          organisation: k.organisation,
          source: k.source,
          registeredAt: k.registered_at,
          registeredBy: k.registered_by,
          chains: k.chains,
        })),
        held: s
          .heldKeys()
          .map((h) => ({ ...h, registeredFingerprints: [...h.registeredFingerprints], packages: [...h.packages] })),
      })),
    acceptKey: async ({ fingerprint, respondentKey, actor }) =>
      withExisting(
        async (s) => ({ outcomes: await s.acceptKey(fingerprint, respondentKey, actor) }),
        await requireIdentity(),
      ),
    rejectKey: ({ fingerprint, respondentKey, actor }) =>
      withExisting((s) => ({ quarantined: s.rejectKey(fingerprint, respondentKey, actor) })),
    importKeyCard: async ({ path: file, mechanism, mechanismName, kind, party, actor }) => {
      // A regular file of card size only: a FIFO, a device or a huge file is refused without waiting or reading.
      const text = await readTextFile(file, { what: 'The key card', maxBytes: KEY_CARD_MAX_BYTES });
      // Parsed before the workspace is opened: a file that is not a key card creates nothing.
      const card = parseKeyCard(text);
      return withService((s) => s.registerCard(card, { mechanism, mechanismName, kind, party }, actor));
    },
    importRespondents: async ({ path: file, actor }) => {
      // Read (and refused) before the workspace is opened: a wrong path creates nothing.
      const list = await readExpectedList(file);
      return withService((s) => s.applyRespondents(list, actor));
    },
    status: ({ lang }) => withService((s) => toStatusView(s.status(lang))),
    chooseSubmission: ({ rootId, actor }) =>
      withExisting((s) => {
        const chosen = s.chooseChain(rootId, actor);
        return { ...chosen, withdrawn: [...chosen.withdrawn] };
      }),
    settings: () => withService((s) => s.settings()),
    setSettings: ({ requireRegistered, actor }) =>
      withService((s) => {
        s.setRequireRegistered(requireRegistered, actor);
        return s.settings();
      }),
    export: async ({ format, outDir, lang, allRevisions, labels, splitChoices }) => {
      // The folder is checked before the workspace is opened: a wrong folder creates nothing.
      await checkExportFolder(outDir);
      return withService(async (s) => {
        const result = await s.export({ format, outDir, lang, allRevisions, labels, splitChoices });
        return { folder: result.folder, files: [...result.files], submissions: result.submissions, media: result.media };
      });
    },
    setReview: ({ submissionId, state, comment, actor }) =>
      withExisting((s) => toReviewView(s.setReview(submissionId, { state, comment, actor }))),
    reviewOf: ({ submissionId }) => withExisting((s) => toReviewView(s.reviewOf(submissionId))),
    listAttachments: ({ submissionId }) => withExisting((s) => ({ attachments: s.listAttachments(submissionId) })),
    openAttachment: ({ submissionId, file, confirmed }) => {
      const openPath = options.hostCapabilities?.openPath;
      // The web client downloads instead and never sends this here; another caller is told why.
      if (!openPath) throw new AppError('NOT_SUPPORTED', 'This window cannot open files with the system: download the attachment instead.');
      return withExisting(async (s) => {
        const attachment = s.storedAttachment(submissionId, file);
        await openImportedAttachment(attachment, { confirmed: confirmed === true, tempRoot: options.attachmentTempRoot ?? os.tmpdir(), openPath });
        return { outcome: 'opened' as const, name: attachment.name };
      });
    },
  };
}
