import { z } from 'zod';
import { channel } from '../channel.js';
import { draftIdSchema, draftSummarySchema, isoTimeSchema, languageSchema } from './drafts.js';
import { identityIdSchema, passphraseSchema } from './identities.js';
import { contractErrorSchema } from '../errors.js';

export const submissionIdSchema = z.uuid();
const operationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const exportRecordSchema = z
  .object({ path: z.string(), sha256: z.string(), size: z.number().int().nonnegative(), exportedAt: isoTimeSchema })
  .strict();

export const recipientInfoSchema = z.object({ age: z.string(), label: z.string(), development: z.boolean() }).strict();

/** One finalized, immutable revision. */
export const submissionSchema = z
  .object({
    id: submissionIdSchema,
    rootId: submissionIdSchema,
    supersedes: submissionIdSchema.nullable(),
    revision: z.number().int().min(1),
    draftId: draftIdSchema,
    questionnaireId: z.string(),
    questionnaireVersion: z.string(),
    mechanism: z.object({ value: z.string(), label: z.string(), kind: z.string() }).strict(),
    respondentName: z.string(),
    signer: z
      .object({ name: z.string(), title: z.string(), fingerprint: z.string(), identityId: identityIdSchema })
      .strict(),
    recipients: z.array(recipientInfoSchema),
    /** True when any recipient is a development key: such a package is not a real submission. */
    development: z.boolean(),
    finalizedAt: isoTimeSchema,
    /** `<mechanism>-<respondent>-r<revision>.iscm`, e.g. `bali_process-secretariat-r2.iscm` */
    fileName: z.string(),
    attachmentCount: z.number().int().nonnegative(),
    supersededBy: submissionIdSchema.nullable(),
    /** The open draft amending this revision, if any. */
    amendmentDraftId: draftIdSchema.nullable(),
    exports: z.array(exportRecordSchema),
  })
  .strict();
export type Submission = z.infer<typeof submissionSchema>;

export const summaryDocumentSchema = z
  .object({
    title: z.string(),
    facts: z.array(z.object({ label: z.string(), value: z.string() }).strict()),
    sections: z.array(
      z
        .object({
          title: z.string(),
          items: z.array(z.object({ label: z.string(), answer: z.string(), indent: z.boolean() }).strict()),
        })
        .strict(),
    ),
  })
  .strict();
export type SummaryDocument = z.infer<typeof summaryDocumentSchema>;

export const submissionChannels = {
  /** Every revision, newest first; or the one of a draft (`draftId`). */
  list: channel(z.object({ draftId: draftIdSchema.optional() }).strict(), z.array(submissionSchema)),
  get: channel(z.object({ id: submissionIdSchema }).strict(), submissionSchema),
  /**
   * Freezes the draft as an immutable revision. Refused (VALIDATION_FAILED, with the
   * problems) unless the whole response validates; needs the declaration ticked and the
   * identity's passphrase (WRONG_PASSPHRASE: nothing written). The draft becomes read-only.
   */
  finalize: channel(
    z
      .object({
        draftId: draftIdSchema,
        identityId: identityIdSchema,
        passphrase: passphraseSchema,
        declaration: z.literal(true),
      })
      .strict(),
    submissionSchema,
  ),
  /** Opens a new draft with a copy of the answers; its finalize supersedes this revision. */
  amend: channel(z.object({ id: submissionIdSchema }).strict(), draftSummarySchema),
  /**
   * Before finalizing: the other submissions on this computer for the same mechanism and
   * respondent as the draft (as IOM decides "the same respondent"). Non-empty means IOM would
   * see two submissions of one respondent (a possible duplicate): ask whether this draft should
   * be an amendment of one of them instead. Empty for a draft that already amends a revision.
   */
  sameRespondentChains: channel(
    z.object({ draftId: draftIdSchema }).strict(),
    z
      .object({
        respondentKey: z.string(),
        isAmendment: z.boolean(),
        chains: z.array(
          z
            .object({
              rootId: submissionIdSchema,
              /** The latest revision: the one to pass to `turnIntoAmendment`. */
              latestId: submissionIdSchema,
              latestRevision: z.number().int().min(1),
              finalizedAt: isoTimeSchema,
              respondentName: z.string(),
              signerName: z.string(),
              draftTitle: z.string().nullable(),
              openAmendmentDraftId: draftIdSchema.nullable(),
            })
            .strict(),
        ),
      })
      .strict(),
  ),
  /**
   * Makes this draft the amendment of a revision (its answers are kept as they are): finalizing
   * it then makes that submission's next revision. CONFLICT when the revision was superseded,
   * another draft amends it, or the draft is for another mechanism or kind of respondent.
   */
  turnIntoAmendment: channel(
    z.object({ draftId: draftIdSchema, submissionId: submissionIdSchema }).strict(),
    draftSummarySchema,
  ),
  /**
   * Signs and writes the `.iscm` package (save dialog on the desktop; `<data folder>/exports/`
   * in the web host), atomically; `progress` events carry `operationId`. CANCELLED: no file.
   */
  export: channel(
    z.object({ id: submissionIdSchema, passphrase: passphraseSchema, operationId: operationIdSchema }).strict(),
    exportRecordSchema.extend({ development: z.boolean() }).strict(),
  ),
  /**
   * Finalize and export as one step with one passphrase: the key is unlocked once, used to
   * prove the signer and to sign the package, and wiped when the call ends (main keeps neither
   * the passphrase nor the key). Refused like `finalize` (nothing written). Once the revision is
   * frozen, a failed or cancelled export does not undo it: `exported` is then null and
   * `exportError` says why, and the revision's own Export offers it again.
   */
  finalizeAndExport: channel(
    z
      .object({
        draftId: draftIdSchema,
        identityId: identityIdSchema,
        passphrase: passphraseSchema,
        declaration: z.literal(true),
        operationId: operationIdSchema,
      })
      .strict(),
    z
      .object({
        submission: submissionSchema,
        exported: exportRecordSchema.extend({ development: z.boolean() }).strict().nullable(),
        exportError: contractErrorSchema.nullable(),
      })
      .strict(),
  ),
  /**
   * Shows an exported file in the system's file manager (desktop). Only a path this revision
   * was exported to: NOT_FOUND otherwise or when the file is gone; NOT_SUPPORTED in the web host.
   */
  showExport: channel(
    z.object({ id: submissionIdSchema, path: z.string().min(1).max(4096) }).strict(),
    z.object({ shown: z.literal(true) }).strict(),
  ),
  /**
   * Web host: saves an exported file through the browser's downloads (the web client fetches it
   * from the host's download endpoint with the session token). NOT_SUPPORTED on the desktop,
   * where the file already is on disk and `showExport` shows it.
   */
  downloadExport: channel(
    z.object({ id: submissionIdSchema, path: z.string().min(1).max(4096) }).strict(),
    z.object({ started: z.literal(true) }).strict(),
  ),
  /** Stops a running export; it then fails with CANCELLED and leaves no file. */
  cancelExport: channel(
    z.object({ operationId: operationIdSchema }).strict(),
    z.object({ cancelled: z.boolean() }).strict(),
  ),
  /** The revision as a readable document (labels and answers) for the print view. */
  summary: channel(
    z.object({ id: submissionIdSchema, language: languageSchema.optional() }).strict(),
    summaryDocumentSchema,
  ),
  /** Writes the readable summary as a self-contained HTML file beside the exports. */
  saveSummaryHtml: channel(
    z.object({ id: submissionIdSchema, language: languageSchema.optional() }).strict(),
    z.object({ path: z.string() }).strict(),
  ),
} as const;
