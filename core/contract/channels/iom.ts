import { z } from 'zod';
import { channel } from '../channel.js';
import { emptyInput } from './app.js';

/**
 * The IOM workspace: import packages (with progress), the submissions they hold, the
 * quarantine, the key registry per respondent and the keys held for review, the expected
 * respondents, possible duplicates, the status per mechanism, and the consolidated export.
 * The same services as the `iscm` command.
 */

const text = z.string().max(10_000);
const langSchema = z.enum(['en', 'fr', 'es', 'ar']);
const fingerprintSchema = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/);
const mechanismSchema = z.string().min(1).max(200);
const actorSchema = z.string().trim().min(1, 'say who takes the decision').max(200);
/** core/trust/respondent.ts: `<mechanism>/<kind>[/<State or organisation>]`, normalised. */
const respondentKeySchema = z.string().min(1).max(1200);
const respondentKindSchema = z.enum(['secretariat', 'state', 'organisation']);
/** A path on this computer, typed or picked by the user (the web host runs on the same machine). */
const localPathSchema = z.string().min(1).max(4096).refine((p) => !p.includes('\u0000'), 'no NUL in a path');

export const outcomeKindSchema = z.enum(['imported', 'superseded', 'duplicate', 'conflict', 'held', 'rejected']);

export const fileOutcomeSchema = z
  .object({
    file: text,
    kind: outcomeKindSchema,
    code: z.string().max(64),
    stage: z.string().max(64),
    message: text,
    detail: text.optional(),
    packageSha256: z.string().optional(),
    submissionId: z.string().optional(),
    mechanism: z.string().optional(),
    revision: z.number().int().optional(),
    /** `new_signer`: key recorded on first use; `possible_duplicate`: the respondent has two counted submissions. */
    flags: z.array(z.enum(['new_signer', 'possible_duplicate'])).optional(),
  })
  .strict();
export type FileOutcomeView = z.infer<typeof fileOutcomeSchema>;

export const importCountsSchema = z
  .object({ imported: z.number(), superseded: z.number(), duplicate: z.number(), conflict: z.number(), held: z.number(), rejected: z.number() })
  .strict();

export const importProgressSchema = z
  .object({
    operationId: z.string(),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    current: z.string().nullable(),
    finished: z.boolean(),
    counts: importCountsSchema,
    outcomes: z.array(fileOutcomeSchema),
    error: z.string().nullable(),
  })
  .strict();
export type ImportProgressView = z.infer<typeof importProgressSchema>;

export const iomInfoSchema = z
  .object({
    dbPath: z.string(),
    identityPath: z.string(),
    /** The recipient (`age1…`) of the identity in use, or null when none is set yet. */
    recipient: z.string().nullable(),
    canPickFiles: z.boolean(),
  })
  .strict();
export type IomInfo = z.infer<typeof iomInfoSchema>;

/**
 * Review of a submission, like ODK Central: every revision arrives `received` (a new revision of
 * a chain starts at `received` again); IOM moves it to `has_issues`, `approved` or `rejected`.
 */
export const reviewStateSchema = z.enum(['received', 'has_issues', 'approved', 'rejected']);
export type ReviewState = z.infer<typeof reviewStateSchema>;

/** One line of a submission's action log, oldest first. */
export const reviewActionSchema = z
  .object({
    /** `imported`: the revision arrived (state received); `state`: the state changed (maybe with a comment); `comment`: a comment alone. */
    action: z.enum(['imported', 'state', 'comment']),
    /** The state before and after (equal for a comment alone; `from` is null for `imported`). */
    from: reviewStateSchema.nullable(),
    to: reviewStateSchema,
    comment: z.string().nullable(),
    actor: z.string(),
    /** ISO 8601, UTC. */
    at: z.string(),
  })
  .strict();
export type ReviewActionView = z.infer<typeof reviewActionSchema>;

export const reviewCommentSchema = z.object({ comment: z.string(), actor: z.string(), at: z.string(), state: reviewStateSchema }).strict();

/** A submission's review: the current state, who set it and when, its comments and the whole action log. */
export const reviewSchema = z
  .object({
    submissionId: z.string(),
    state: reviewStateSchema,
    /** Null while the state is the `received` the import gave it. */
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    lastComment: z.string().nullable(),
    comments: z.array(reviewCommentSchema),
    log: z.array(reviewActionSchema),
  })
  .strict();
export type ReviewView = z.infer<typeof reviewSchema>;

export const submissionSummarySchema = z
  .object({
    submissionId: z.string(),
    rootId: z.string(),
    revision: z.number().int(),
    /** `withdrawn`: the current revision of a chain IOM withdrew as a possible duplicate. */
    status: z.enum(['current', 'superseded', 'withdrawn']),
    questionnaireId: z.string(),
    questionnaireVersion: z.string(),
    mechanism: z.string(),
    mechanismLabel: z.string(),
    mechanismKind: z.string(),
    respondentKind: z.string(),
    /** The respondent the revision is filed under, and their State or organisation as written. */
    respondentKey: z.string(),
    respondentParty: z.string(),
    signerName: z.string(),
    signerFingerprint: z.string(),
    /** The chain's key was recorded on first use. */
    newSigner: z.boolean(),
    finalizedAt: z.string(),
    importedAt: z.string(),
    fileName: z.string(),
    /** This revision's review state, who set it and when (null while it is the import's `received`). */
    reviewState: reviewStateSchema,
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
  })
  .strict();
export type SubmissionSummaryView = z.infer<typeof submissionSummarySchema>;

export const submissionFilterSchema = z
  .object({
    mechanism: mechanismSchema.optional(),
    respondentKind: z.string().max(100).optional(),
    status: z.enum(['current', 'superseded', 'withdrawn', 'all']).optional(),
    reviewState: reviewStateSchema.optional(),
  })
  .strict();

/**
 * A submission with its signed answers, for the analyst's table and reports (one call for all
 * rows). The answers travel as the JSON text iom.db holds (`responsesJson`): at 5,000 revisions,
 * parsing them in main, checking the parsed records and copying them to the window took seconds of
 * main's time; a string is checked and copied at once, and the window parses a row's answers
 * when a question column or the report first needs them. `answersText`: its written answers
 * folded for the search (core/search), made once at import.
 */
export const submissionWithAnswersSchema = z
  .object({ summary: submissionSummarySchema, responsesJson: z.string(), answersText: z.string() })
  .strict();
export type SubmissionWithAnswersView = z.infer<typeof submissionWithAnswersSchema>;

export const quarantineItemSchema = z
  .object({
    id: z.number().int(),
    fileName: z.string(),
    filePath: z.string(),
    sha256: z.string().nullable(),
    stage: z.string(),
    code: z.string(),
    message: z.string(),
    detail: z.string(),
    at: z.string(),
    /** The mechanism key the manifest named, when the file got that far. */
    mechanism: z.string().nullable(),
  })
  .strict();

const respondentRefSchema = z
  .object({ respondentKey: z.string(), mechanism: z.string(), mechanismLabel: z.string(), kind: z.string(), party: z.string() })
  .strict();

/** A key of the registry, with the respondent it is registered for. */
export const registeredSignerSchema = z
  .object({
    respondent: respondentRefSchema,
    fingerprint: z.string(),
    signerName: z.string(),
    title: z.string(),
    organisation: z.string(),
    /** package: recorded on first use ("new signer"); card, list: registered ahead; accepted: after a hold; migrated: from the old pinned keys. */
    source: z.enum(['package', 'card', 'list', 'accepted', 'migrated']),
    registeredAt: z.string(),
    registeredBy: z.string(),
    /** Submissions (chains) bound to this key for this respondent. */
    chains: z.number().int(),
  })
  .strict();
export type RegisteredSignerView = z.infer<typeof registeredSignerSchema>;

export const heldKeySchema = z
  .object({
    fingerprint: z.string(),
    publicKey: z.string(),
    signerName: z.string(),
    /** key_change: the respondent has other keys; unregistered: strict mode and no key registered for them. */
    reason: z.enum(['key_change', 'unregistered']),
    respondent: respondentRefSchema,
    registeredFingerprints: z.array(z.string()),
    packages: z.array(z.object({ id: z.number(), fileName: z.string(), submissionId: z.string(), revision: z.number(), heldAt: z.string() }).strict()),
  })
  .strict();
export type HeldKeyView = z.infer<typeof heldKeySchema>;

const chainStatusSchema = z
  .object({
    rootId: z.string(),
    submissionId: z.string(),
    revision: z.number().int(),
    signerName: z.string(),
    fingerprint: z.string(),
    finalizedAt: z.string(),
    newSigner: z.boolean(),
    state: z.enum(['counted', 'withdrawn']),
    stateBy: z.string().nullable(),
    stateAt: z.string().nullable(),
    /** The review state of the chain's current revision. */
    reviewState: reviewStateSchema,
  })
  .strict();
export type ChainStatusView = z.infer<typeof chainStatusSchema>;

export const respondentStatusSchema = z
  .object({
    respondentKey: z.string(),
    kind: z.string(),
    party: z.string(),
    expected: z.boolean(),
    received: z.boolean(),
    possibleDuplicate: z.boolean(),
    held: z.number().int(),
    chains: z.array(chainStatusSchema),
  })
  .strict();
export type RespondentStatusView = z.infer<typeof respondentStatusSchema>;

const reviewCountsSchema = z
  .object({ received: z.number().int(), has_issues: z.number().int(), approved: z.number().int(), rejected: z.number().int() })
  .strict();

export const mechanismStatusSchema = z
  .object({
    mechanism: z.string(),
    label: z.string(),
    kind: z.string(),
    listed: z.boolean(),
    secretariat: respondentStatusSchema,
    states: z.array(respondentStatusSchema),
    organisations: z.array(respondentStatusSchema),
    counts: z
      .object({
        statesReceived: z.number().int(),
        statesExpected: z.number().int(),
        organisationsReceived: z.number().int(),
        organisationsExpected: z.number().int(),
        held: z.number().int(),
        quarantined: z.number().int(),
        possibleDuplicates: z.number().int(),
        /** Current revisions of the mechanism's counted and withdrawn chains, by review state. */
        reviews: reviewCountsSchema,
      })
      .strict(),
  })
  .strict();
export type MechanismStatusView = z.infer<typeof mechanismStatusSchema>;

export const iomStatusSchema = z
  .object({
    mechanisms: z.array(mechanismStatusSchema),
    quarantinedUnfiled: z.number().int(),
    requireRegistered: z.boolean(),
    /** Totals across every mechanism: packages held for a key decision, files in the quarantine, current revisions by review state. */
    totals: z.object({ held: z.number().int(), quarantined: z.number().int(), reviews: reviewCountsSchema }).strict(),
  })
  .strict();
export type IomStatusView = z.infer<typeof iomStatusSchema>;

export const iomSettingsSchema = z.object({ requireRegistered: z.boolean() }).strict();

/** An attachment of an imported submission, named by its SHA-256 as iom.db records it (never by a name or path). */
const attachmentHashSchema = z.string().regex(/^[0-9a-f]{64}$/, "an attachment's SHA-256 (64 lowercase hex digits)");
export const attachmentRiskSchema = z.enum(['program', 'script', 'shortcut', 'web', 'macros', 'disk']);

export const importedAttachmentSchema = z
  .object({
    /** Its SHA-256: what `openAttachment` takes. */
    file: attachmentHashSchema,
    /** The signed name made safe for this computer (core/security/attachment-files.ts). */
    name: z.string(),
    size: z.number().int().nonnegative(),
    /** Lower case, without the dot; '' when the name has none. */
    extension: z.string(),
    /** Why opening it could run code (the desktop asks first), or null for a plain document. */
    risk: attachmentRiskSchema.nullable(),
  })
  .strict();
export type ImportedAttachmentView = z.infer<typeof importedAttachmentSchema>;

const keyDecision = z.object({ fingerprint: fingerprintSchema, respondentKey: respondentKeySchema.optional(), actor: actorSchema }).strict();

export const iomChannels = {
  info: channel(emptyInput, iomInfoSchema),
  /** Creates IOM's identity at the workspace's identity path (mode 0600); refuses when one exists. */
  createIdentity: channel(emptyInput, iomInfoSchema),
  /** Uses an existing identity file (`age-keygen` or `iscm keygen` format). */
  useIdentity: channel(z.object({ path: localPathSchema }).strict(), iomInfoSchema),
  /** Desktop only: the native dialog for packages (`folder`: folders of them); NOT_SUPPORTED in the web host, where paths are typed. */
  pickFiles: channel(z.object({ folder: z.boolean() }).strict(), z.object({ paths: z.array(z.string()) }).strict()),
  /** Desktop only: the native dialog for the folder an export goes to; `null` when cancelled. */
  pickExportFolder: channel(emptyInput, z.object({ path: z.string().nullable() }).strict()),
  /** Starts importing files or folders; follow it with `importProgress` (and `progress` events). */
  startImport: channel(z.object({ paths: z.array(localPathSchema).min(1).max(10_000) }).strict(), z.object({ operationId: z.string() }).strict()),
  importProgress: channel(z.object({ operationId: z.string().max(100) }).strict(), importProgressSchema),
  listSubmissions: channel(submissionFilterSchema, z.array(submissionSummarySchema)),
  /** One submission, read-only: its metadata and the signed answers as they arrived. */
  getSubmission: channel(
    z.object({ submissionId: z.uuid() }).strict(),
    z
      .object({
        summary: submissionSummarySchema,
        responses: z.record(z.string(), z.unknown()),
        attachments: z.array(z.object({ sha256: z.string(), size: z.number() }).strict()),
        history: z.array(submissionSummarySchema),
      })
      .strict(),
  ),
  /** Every revision of a status (current by default) with its answers as signed: the analyst's table and reports read them in one call. */
  listSubmissionAnswers: channel(
    z.object({ status: z.enum(['current', 'superseded', 'withdrawn', 'all']).optional() }).strict(),
    z.array(submissionWithAnswersSchema),
  ),
  listQuarantine: channel(emptyInput, z.array(quarantineItemSchema)),
  /** The key registry (every key with its respondent) and the keys held for a decision. */
  listKeys: channel(emptyInput, z.object({ signers: z.array(registeredSignerSchema), held: z.array(heldKeySchema) }).strict()),
  /**
   * Accepts a held key for the respondents its packages claim (or only `respondentKey`): it is
   * added beside their keys, and the held packages are imported again through every check.
   */
  acceptKey: channel(keyDecision, z.object({ outcomes: z.array(fileOutcomeSchema) }).strict()),
  /** Rejects a held key for its mechanism: its held packages go to the quarantine. */
  rejectKey: channel(keyDecision, z.object({ quarantined: z.number().int() }).strict()),
  /**
   * Registers the key on a public key card (a text file the signer sent) for one respondent,
   * before their first package: the mechanism (when the card does not name it; `other` with
   * `mechanismName`), the kind of respondent, and the State or organisation.
   */
  importKeyCard: channel(
    z
      .object({
        path: localPathSchema,
        mechanism: mechanismSchema.optional(),
        mechanismName: z.string().max(500).optional(),
        kind: respondentKindSchema,
        party: z.string().max(500).optional(),
        actor: actorSchema,
      })
      .strict(),
    z.object({ respondentKey: z.string(), fingerprint: z.string(), changed: z.boolean() }).strict(),
  ),
  /**
   * Loads IOM's list of expected respondents (CSV or XLSX; it replaces the previous list). A file
   * with a bad line changes nothing: BAD_FILE with `details.problems` = [{ line, message }].
   */
  importRespondents: channel(
    z.object({ path: localPathSchema, actor: actorSchema }).strict(),
    z.object({ expected: z.number().int(), added: z.number().int(), removed: z.number().int(), keys: z.number().int() }).strict(),
  ),
  /** Desktop only: the native dialog for a list of respondents; `null` when cancelled. */
  pickRespondentsFile: channel(emptyInput, z.object({ path: z.string().nullable() }).strict()),
  status: channel(z.object({ lang: langSchema }).strict(), iomStatusSchema),
  /** Of a respondent's possible duplicates, the one that counts; their other submissions are withdrawn (kept). */
  chooseSubmission: channel(
    z.object({ rootId: z.uuid(), actor: actorSchema }).strict(),
    z.object({ respondentKey: z.string(), counted: z.string(), withdrawn: z.array(z.string()) }).strict(),
  ),
  settings: channel(emptyInput, iomSettingsSchema),
  /** Strict mode: a package from a key not registered for its respondent is held instead of imported. */
  setSettings: channel(z.object({ requireRegistered: z.boolean(), actor: actorSchema }).strict(), iomSettingsSchema),
  /**
   * Writes the dataset into a NEW folder named by the time (`iscm-export-YYYYMMDD-HHMMSS`) inside
   * `outDir`, which must be an absolute path (a relative one is refused: INVALID_INPUT); nothing
   * is ever overwritten (CONFLICT if that folder exists). `labels`: the data carries the choices'
   * labels in `lang` instead of their values; `splitChoices`: each multiple choice question also
   * gets one 0/1 column per choice, named `question/choice` (ODK, Kobo).
   */
  export: channel(
    z
      .object({
        format: z.enum(['csv', 'xlsx']),
        outDir: localPathSchema,
        lang: langSchema,
        allRevisions: z.boolean(),
        labels: z.boolean().optional(),
        splitChoices: z.boolean().optional(),
      })
      .strict(),
    z.object({ folder: z.string(), files: z.array(z.string()), submissions: z.number().int(), media: z.number().int() }).strict(),
  ),
  /** The files attached to one imported revision, with their safe names, sizes and types. */
  listAttachments: channel(z.object({ submissionId: z.uuid() }).strict(), z.object({ attachments: z.array(importedAttachmentSchema) }).strict()),
  /**
   * Opens one attachment of a revision, found by its hash among the ones iom.db records for it.
   * Desktop: a copy in a new owner-only temp folder, opened with the system's application; a
   * type that can run code (`risk`) needs `confirmed: true`, given after the user was warned.
   * Web host: the browser client downloads it instead (`downloaded`).
   */
  openAttachment: channel(
    z.object({ submissionId: z.uuid(), file: attachmentHashSchema, confirmed: z.boolean().optional() }).strict(),
    z.object({ outcome: z.enum(['opened', 'downloaded']), name: z.string() }).strict(),
  ),
  /** Sets a submission's review state, with an optional comment; the same state with a comment adds the comment alone. */
  setReview: channel(
    z
      .object({
        submissionId: z.uuid(),
        state: reviewStateSchema,
        comment: z.string().trim().max(10_000).optional(),
        actor: actorSchema,
      })
      .strict(),
    reviewSchema,
  ),
  /** A submission's review: state, comments (author, time) and the action log. */
  reviewOf: channel(z.object({ submissionId: z.uuid() }).strict(), reviewSchema),
} as const;
