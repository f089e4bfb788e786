import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../../../core/contract/errors.js';
import type { PackageLimits } from '../../../core/package/format.js';
import type { SubmissionFilter } from '../../../db/repos/iom/submissions.js';
import { systemClock, type Clock } from '../clock.js';
import { runBatch, type BatchOptions } from './batch.js';
import { openIom, type ImportContext } from './context.js';
import { chooseChain, findDuplicates } from './duplicates.js';
import { runExport, type ExportOptions } from './export/run-export.js';
import { acceptHeldKey, listHeldKeys, rejectHeldKey } from './held-keys.js';
import { readExpectedList, type ReadList } from './expected-file.js';
import { parseKeyCard, type KeyCard } from './key-card.js';
import { createQuestionnaireRegistry } from './questionnaire-registry.js';
import type { RespondentTarget } from './respondent-target.js';
import {
  DEFAULT_QUESTIONNAIRE,
  listSigners,
  loadExpectedRespondents,
  registerKeyCard,
  setRequireRegistered,
} from './signer-registry.js';
import { releasesRepo } from '../../../db/repos/iom/releases.js';
import { addReleaseFile, syncBundledReleases, type IomReleaseDeps } from './iom-releases.js';
import { bundledReleasesIn, publishersFileIn, readTrustedPublishers } from '../releases/trusted-publishers.js';
import { mechanismStatus } from './status.js';
import { reviewOf, setReview, type ReviewChange } from './reviews.js';
import { listImportedAttachments, storedAttachment } from './imported-attachments.js';
import { fillMissingSearchTexts } from './search-texts.js';

export { DEFAULT_QUESTIONNAIRE };

export interface IomServiceOptions {
  readonly dbFile: string;
  /** The app's questionnaires folder: its trusted publishers (`allowed_signers`) and bundled releases. */
  readonly questionnairesDir: string;
  /** Another allowed_signers file to trust instead of the app's (`iscm release add --publishers`). */
  readonly publishersFile?: string;
  /** IOM's age identity (`AGE-SECRET-KEY-1…`); needed to import, not to list or export. */
  readonly identity?: string | undefined;
  readonly clock?: Clock;
  /** Who is working (recorded with key decisions); the OS user by default. */
  readonly actor?: string;
  readonly limits?: Partial<PackageLimits>;
  readonly nativeBinding?: string;
  /** Refuse to create iom.db (commands that only read or export it). */
  readonly mustExist?: boolean;
  /** Strict mode for this service's imports (`--require-registered`), whatever iom.db's setting. */
  readonly requireRegistered?: boolean;
}

function defaultActor(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** The import side in one object: the CLI and the desktop workspace both use it. */
export function createIomService(options: IomServiceOptions) {
  if (options.mustExist === true && !fs.existsSync(options.dbFile))
    throw new AppError('NOT_FOUND', `There is no import database at ${options.dbFile}: import packages into it first.`);
  const opened = openIom(options.dbFile, options.nativeBinding);
  const releases = releasesRepo(opened.db);
  const registry = createQuestionnaireRegistry(releases);
  const clock = options.clock ?? systemClock;
  const releaseDeps: IomReleaseDeps = {
    db: opened.db,
    releases,
    publishers: () => readTrustedPublishers(options.publishersFile ?? publishersFileIn(options.questionnairesDir)),
    now: () => clock.now(),
  };
  /** The app's own releases, added to iom.db when missing (before an import, an export or a status). */
  const syncBundled = () => syncBundledReleases(releaseDeps, bundledReleasesIn(options.questionnairesDir));
  const base = {
    ...opened,
    registry,
    clock,
    actor: options.actor ?? defaultActor(),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.requireRegistered === true ? { requireRegistered: true } : {}),
  };
  const applyRespondents = async (list: ReadList, actor: string) => {
    // The list is checked against the questionnaire's mechanisms: the releases must be known.
    await syncBundled();
    return loadExpectedRespondents(base, list, actor);
  };
  const context = (): ImportContext => {
    if (!options.identity)
      throw new AppError('INVALID_INPUT', "IOM's decryption identity is needed to import packages; none is set.");
    return { ...base, identity: options.identity };
  };
  return {
    dirs: opened.dirs,
    db: opened.db,
    syncBundled,
    importPaths: async (paths: readonly string[], batch: BatchOptions = {}) => {
      await syncBundled();
      return runBatch(context(), paths, batch);
    },
    /** The releases iom.db knows. */
    releases: () => releases.list(),
    /** Adds a release file after every check (`iscm release add`, the workspace). */
    addRelease: (file: string, actor: string) => addReleaseFile(releaseDeps, file, actor),
    listSubmissions: (filter: SubmissionFilter = {}) => opened.submissions.list(filter),
    /**
     * The revisions with what the search looks through in their answers (search-texts.ts). The
     * texts of revisions stored by an older version are made first, once, with the releases known.
     */
    listWithSearchTexts: async (filter: SubmissionFilter = {}) => {
      if (opened.searchTexts.anyMissing()) {
        await syncBundled();
        fillMissingSearchTexts(opened, registry);
      }
      const texts = opened.searchTexts.all();
      return opened.submissions.list(filter).map((row) => ({ row, answersText: texts.get(row.submission_id) ?? '' }));
    },
    getSubmission: (id: string) => opened.submissions.get(id),
    attachmentsOf: (id: string) => opened.submissions.attachments(id),
    /** A revision's attachments with their safe names and types (imported-attachments.ts). */
    listAttachments: (id: string) => listImportedAttachments(opened, id),
    /** One attachment of a revision by its hash, and where its stored copy is; refuses anything else. */
    storedAttachment: (id: string, file: string) => storedAttachment(opened, id, file),
    quarantine: () => opened.quarantine.list(),
    heldKeys: () => listHeldKeys(opened),
    /** The key registry: every key with the respondent it is registered for. */
    signers: () => listSigners(opened),
    keyEvents: () => opened.signers.events(),
    chainEvents: (rootId: string) => opened.chains.events(rootId),
    acceptKey: (fingerprint: string, respondentKey: string | undefined, actor: string) =>
      acceptHeldKey(context(), fingerprint, respondentKey, actor),
    rejectKey: (fingerprint: string, respondentKey: string | undefined, actor: string) =>
      rejectHeldKey({ ...base, identity: '' }, fingerprint, respondentKey, actor),
    status: (lang = 'en', questionnaireId = DEFAULT_QUESTIONNAIRE) => mechanismStatus(base, questionnaireId, lang),
    duplicates: () => findDuplicates(opened),
    /** Sets a submission's review state (with an optional comment): db/repos/iom/reviews.ts. */
    setReview: (submissionId: string, change: ReviewChange) => setReview(base, submissionId, change),
    reviewOf: (submissionId: string) => reviewOf(base, submissionId),
    chooseChain: (rootId: string, actor: string) => chooseChain(base, rootId, actor),
    settings: () => opened.settings.get(),
    setRequireRegistered: (on: boolean, actor: string) => setRequireRegistered(base, on, actor),
    export: async (exportOptions: ExportOptions) => {
      await syncBundled();
      return runExport(base, exportOptions);
    },
    questionnaire: (id: string, version: string) => registry.get(id, version),
    /** Registers the key on a public key card for one respondent, before their first package. */
    importKeyCard: (text: string, target: Partial<RespondentTarget>, actor: string) =>
      registerKeyCard(base, parseKeyCard(text), target, actor),
    /** The same, for a card already read and parsed. */
    registerCard: (card: KeyCard, target: Partial<RespondentTarget>, actor: string) => registerKeyCard(base, card, target, actor),
    /** Loads IOM's list of expected respondents (CSV or XLSX), which replaces the previous one. */
    importRespondents: async (file: string, actor: string) => applyRespondents(await readExpectedList(file), actor),
    /** The same, for a list already read (the app reads it before opening the workspace, so a bad path creates nothing). */
    applyRespondents,
    close: () => opened.db.close(),
  };
}
export type IomService = ReturnType<typeof createIomService>;
