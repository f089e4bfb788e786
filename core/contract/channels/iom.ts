import { z } from 'zod';
import { channel } from '../channel.js';
import { emptyInput } from './app.js';

/**
 * The IOM workspace: import packages (with progress), the submissions they hold, the
 * quarantine, keys held for review, the status per mechanism, and the consolidated export.
 * The same services as the `iscm` command.
 */

const text = z.string().max(10_000);
const langSchema = z.enum(['en', 'fr', 'es', 'ar']);
const fingerprintSchema = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/);
const mechanismSchema = z.string().min(1).max(200);
const actorSchema = z.string().trim().min(1, 'say who takes the decision').max(200);
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

export const submissionSummarySchema = z
  .object({
    submissionId: z.string(),
    rootId: z.string(),
    revision: z.number().int(),
    status: z.enum(['current', 'superseded']),
    questionnaireId: z.string(),
    questionnaireVersion: z.string(),
    mechanism: z.string(),
    mechanismLabel: z.string(),
    mechanismKind: z.string(),
    respondentKind: z.string(),
    signerName: z.string(),
    signerFingerprint: z.string(),
    finalizedAt: z.string(),
    importedAt: z.string(),
    fileName: z.string(),
  })
  .strict();
export type SubmissionSummaryView = z.infer<typeof submissionSummarySchema>;

export const submissionFilterSchema = z
  .object({
    mechanism: mechanismSchema.optional(),
    respondentKind: z.string().max(100).optional(),
    status: z.enum(['current', 'superseded', 'all']).optional(),
  })
  .strict();

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
  })
  .strict();

export const pinnedKeySchema = z
  .object({ mechanism: z.string(), fingerprint: z.string(), signerName: z.string(), source: z.string(), pinnedAt: z.string(), pinnedBy: z.string() })
  .strict();
export const heldKeySchema = z
  .object({
    mechanism: z.string(),
    fingerprint: z.string(),
    publicKey: z.string(),
    signerName: z.string(),
    pinnedFingerprint: z.string(),
    packages: z.array(z.object({ id: z.number(), fileName: z.string(), submissionId: z.string(), revision: z.number(), heldAt: z.string() }).strict()),
  })
  .strict();

export const mechanismStatusSchema = z
  .object({
    mechanism: z.string(),
    label: z.string(),
    kind: z.string(),
    listed: z.boolean(),
    pinnedFingerprint: z.string().nullable(),
    current: z.array(
      z
        .object({
          submissionId: z.string(),
          rootId: z.string(),
          revision: z.number(),
          respondentKind: z.string(),
          signerName: z.string(),
          fingerprint: z.string(),
          finalizedAt: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

const keyDecision = z.object({ mechanism: mechanismSchema, fingerprint: fingerprintSchema, actor: actorSchema }).strict();

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
  listQuarantine: channel(emptyInput, z.array(quarantineItemSchema)),
  listKeys: channel(emptyInput, z.object({ pinned: z.array(pinnedKeySchema), held: z.array(heldKeySchema) }).strict()),
  acceptKey: channel(keyDecision, z.object({ outcomes: z.array(fileOutcomeSchema) }).strict()),
  rejectKey: channel(keyDecision, z.object({ quarantined: z.number().int() }).strict()),
  /** Pins the key on a public key card (a text file the signer sent) before their first package. */
  importKeyCard: channel(
    z.object({ path: localPathSchema, mechanism: mechanismSchema.optional(), actor: actorSchema }).strict(),
    z.object({ mechanism: z.string(), fingerprint: z.string(), changed: z.boolean() }).strict(),
  ),
  status: channel(z.object({ lang: langSchema }).strict(), z.array(mechanismStatusSchema)),
  export: channel(
    z.object({ format: z.enum(['csv', 'xlsx']), outDir: localPathSchema, lang: langSchema, allRevisions: z.boolean() }).strict(),
    z.object({ files: z.array(z.string()), submissions: z.number().int(), media: z.number().int() }).strict(),
  ),
} as const;
