import { z } from 'zod';
import { channel } from '../channel.js';
import { answerValueSchema } from '../../answers/value.js';
import { answerPathSchema } from '../../answers/path.js';
import { NOT_CARRIED_REASONS } from '../../release/answer-fit.js';
import { QUESTION_CHANGES } from '../../release/diff.js';
import { emptyInput } from './app.js';
import { draftIdSchema, isoTimeSchema } from './drafts.js';
import { questionnaireRefSchema } from './questionnaires.js';

/**
 * Questionnaire releases (`.iscmq`, docs/release-format.md): installing one (pick or open a
 * file, preview, install), what is installed, and moving a draft to a newer version. A
 * refused file comes back as a contract error with its RELEASE_* code, nothing written.
 */

const versionSchema = z.string().regex(/^\d{1,6}\.\d{1,6}\.\d{1,6}$/);
const text4 = z.object({ en: z.string(), fr: z.string(), es: z.string(), ar: z.string() }).strict();
const localizedSchema = z.record(z.string(), z.string());
const stagedIdSchema = z.uuid();
/** A path on this computer, typed or picked by the user (IOM side; the web host runs on the same machine). */
const localPathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => !p.includes('\u0000'), 'no NUL in a path');

export const publisherSchema = z
  .object({ principal: z.string(), fingerprint: z.string(), development: z.boolean() })
  .strict();

export const releaseInfoSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    title: localizedSchema,
    notes: text4,
    contact: z.object({ email: z.string().optional(), text: text4 }).strict(),
    recipients: z.array(z.object({ age: z.string(), label: text4, development: z.boolean() }).strict()),
    publishedAt: isoTimeSchema,
    publisher: publisherSchema,
    /** Sealed to the development recipient: packages of this version are not real submissions. */
    development: z.boolean(),
    fileSha256: z.string(),
    /** When it was installed here; null for a release not installed (a preview). */
    installedAt: isoTimeSchema.nullable(),
  })
  .strict();
export type ReleaseInfo = z.infer<typeof releaseInfoSchema>;

export const questionnaireDiffSchema = z
  .object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(
      z
        .object({
          id: z.string(),
          changes: z.array(z.enum(QUESTION_CHANGES)),
          removedChoices: z.array(z.string()),
          addedChoices: z.array(z.string()),
        })
        .strict(),
    ),
  })
  .strict();

/** A verified release file, not installed yet: what the user sees before saying "Install". */
export const releasePreviewSchema = z
  .object({
    stagedId: stagedIdSchema,
    fileName: z.string(),
    release: releaseInfoSchema,
    /** New questionnaire, newer version of an installed one, or this very release already installed. */
    kind: z.enum(['new', 'update', 'installed']),
    previousVersion: z.string().nullable(),
    /** Against `previousVersion`; null for a new questionnaire or the same release. */
    diff: questionnaireDiffSchema.nullable(),
    /** The label of every question the diff names (from the version that has it). */
    labels: z.record(z.string(), localizedSchema),
    /** Drafts on an older version that will be able to move to this one. */
    draftsToMove: z.number().int().nonnegative(),
  })
  .strict();
export type ReleasePreview = z.infer<typeof releasePreviewSchema>;

export const storeProblemSchema = z
  .object({ file: z.string(), code: z.string(), detail: z.string(), bundled: z.boolean() })
  .strict();

const reasonSchema = z.enum(NOT_CARRIED_REASONS);

export const moveSummarySchema = z
  .object({
    moveId: z.number().int().positive(),
    draftId: draftIdSchema,
    questionnaireId: z.string(),
    fromVersion: z.string(),
    toVersion: z.string(),
    at: isoTimeSchema,
    undoes: z.number().int().positive().nullable(),
    carried: z.number().int().nonnegative(),
    setAside: z.number().int().nonnegative(),
    restored: z.number().int().nonnegative(),
  })
  .strict();
export type MoveSummaryView = z.infer<typeof moveSummarySchema>;

export const draftVersionStatusSchema = z
  .object({
    draftId: draftIdSchema,
    questionnaireId: z.string(),
    version: z.string(),
    editable: z.boolean(),
    newerVersion: z.string().nullable(),
    impact: z
      .object({
        toVersion: z.string(),
        carried: z.number().int().nonnegative(),
        newQuestions: z.array(z.string()),
        notCarried: z.array(
          z.object({ path: answerPathSchema, value: answerValueSchema, reason: reasonSchema }).strict(),
        ),
        restored: z.array(z.object({ path: answerPathSchema, value: answerValueSchema }).strict()),
      })
      .strict()
      .nullable(),
    notCarried: z.array(
      z
        .object({
          id: z.number().int(),
          path: z.string(),
          value: answerValueSchema,
          fromVersion: z.string(),
          reason: reasonSchema,
          movedAt: z.string(),
        })
        .strict(),
    ),
    undo: z
      .object({ moveId: z.number().int(), fromVersion: z.string(), toVersion: z.string(), at: isoTimeSchema })
      .strict()
      .nullable(),
  })
  .strict();
export type DraftVersionStatusView = z.infer<typeof draftVersionStatusSchema>;

export const iomReleaseSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    publishedAt: z.string(),
    publisher: z.string(),
    fileSha256: z.string(),
    addedAt: z.string(),
    addedBy: z.string(),
    source: z.string(),
  })
  .strict();

export const releaseChannels = {
  /** The installed releases, files that failed verification, and whom the app trusts. */
  list: channel(
    emptyInput,
    z
      .object({
        releases: z.array(releaseInfoSchema),
        problems: z.array(storeProblemSchema),
        publishers: z.array(publisherSchema),
        /** The app trusts the development publisher, or carries a release sealed to the development recipient: not for real submissions. */
        development: z.boolean(),
      })
      .strict(),
  ),
  /** One installed release (e.g. the contact the export screen names). */
  get: channel(questionnaireRefSchema, releaseInfoSchema),
  /** Desktop: a file dialog, then the preview (null when cancelled). The web client answers it with a file input and an upload. */
  pick: channel(emptyInput, z.object({ preview: releasePreviewSchema.nullable() }).strict()),
  /** Release files the system asked the app to open (double-click on a `.iscmq`), each once. */
  opened: channel(
    emptyInput,
    z
      .object({
        previews: z.array(releasePreviewSchema),
        refused: z.array(
          z.object({ fileName: z.string(), code: z.string(), message: z.string(), detail: z.string() }).strict(),
        ),
      })
      .strict(),
  ),
  /** Installs a previewed release: one file written atomically into the data folder. */
  install: channel(
    z.object({ stagedId: stagedIdSchema }).strict(),
    z.object({ release: releaseInfoSchema, alreadyInstalled: z.boolean() }).strict(),
  ),
  /** Forgets a previewed release without installing it. */
  discard: channel(z.object({ stagedId: stagedIdSchema }).strict(), z.object({ discarded: z.boolean() }).strict()),
  /** A draft's version: whether a newer one is installed, what moving would change, the answers not carried over, the undo. */
  draftStatus: channel(z.object({ draftId: draftIdSchema }).strict(), draftVersionStatusSchema),
  /** Moves a draft to a newer installed version; every answer travels or is set aside, none is deleted. */
  moveDraft: channel(z.object({ draftId: draftIdSchema, version: versionSchema }).strict(), moveSummarySchema),
  /** Undoes the draft's last move: back to its version, with the answers set aside put back. */
  undoMove: channel(z.object({ draftId: draftIdSchema }).strict(), moveSummarySchema),
  /** IOM: the releases iom.db knows (packages of these versions are accepted). */
  iomList: channel(emptyInput, z.object({ releases: z.array(iomReleaseSchema) }).strict()),
  /** IOM: adds a release file to iom.db after the same checks as an installation. */
  iomAdd: channel(
    z.object({ path: localPathSchema }).strict(),
    z.object({ release: iomReleaseSchema, alreadyKnown: z.boolean() }).strict(),
  ),
  /** IOM, desktop: choose a release file (null when cancelled). */
  iomPick: channel(emptyInput, z.object({ path: z.string().nullable() }).strict()),
} as const;
