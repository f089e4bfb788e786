import { z } from 'zod';
import { channel } from '../channel.js';
import { answerValueSchema } from '../../answers/value.js';
import { answerPathSchema } from '../../answers/path.js';
import { emptyInput } from './app.js';

export const draftIdSchema = z.uuid();
export const isoTimeSchema = z.iso.datetime({ offset: true });
/** The same lists as the drafts table's CHECK constraints (migration 0001), so a row read back is one of these. */
export const draftStatusSchema = z.enum(['draft', 'finalized', 'exported']);
export type DraftStatus = z.infer<typeof draftStatusSchema>;
export const languageSchema = z.enum(['en', 'fr', 'es', 'ar']);
export type Language = z.infer<typeof languageSchema>;

export const draftSummarySchema = z
  .object({
    id: draftIdSchema,
    title: z.string(),
    questionnaireId: z.string(),
    questionnaireVersion: z.string(),
    respondentKind: z.string(),
    mechanism: z.string().nullable(),
    language: languageSchema,
    status: draftStatusSchema,
    lastSection: z.string().nullable(),
    /** Share of the relevant required questions answered, 0 to 1; null if the questionnaire is unavailable. */
    progress: z.number().min(0).max(1).nullable(),
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
    /** Set while the draft is in the trash. */
    deletedAt: isoTimeSchema.nullable(),
  })
  .strict();
export type DraftSummary = z.infer<typeof draftSummarySchema>;

/** An answer's version: 1 when first written, one more at each change (0: no answer stored). */
export const answerVersionSchema = z.number().int().nonnegative();

export const draftSchema = draftSummarySchema
  .extend({
    answers: z.record(answerPathSchema, answerValueSchema),
    /** The version of each stored answer: a window sends it back with its next save of that answer. */
    versions: z.record(answerPathSchema, answerVersionSchema),
  })
  .strict();
export type Draft = z.infer<typeof draftSchema>;

const titleSchema = z.string().trim().min(1).max(200);

export const draftChannels = {
  list: channel(emptyInput, z.array(draftSummarySchema)),
  create: channel(
    z
      .object({
        title: titleSchema,
        respondentKind: z.string().min(1).max(64),
        mechanism: z.string().min(1).max(128).nullable(),
        language: languageSchema,
      })
      .strict(),
    draftSummarySchema,
  ),
  get: channel(z.object({ id: draftIdSchema }).strict(), draftSchema),
  /** Rename, switch language, or remember the section last visited. */
  update: channel(
    z
      .object({
        id: draftIdSchema,
        title: titleSchema.optional(),
        language: languageSchema.optional(),
        lastSection: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/).optional(),
      })
      .strict(),
    draftSummarySchema,
  ),
  /** A new draft with a copy of every answer (e.g. to start this year from last year's). */
  duplicate: channel(z.object({ id: draftIdSchema, title: titleSchema }).strict(), draftSummarySchema),
  /** Moves a draft to the trash; nothing is lost until the trash is emptied. */
  delete: channel(z.object({ id: draftIdSchema }).strict(), z.object({ deleted: z.literal(true) }).strict()),
  trash: channel(emptyInput, z.array(draftSummarySchema)),
  restore: channel(z.object({ id: draftIdSchema }).strict(), draftSummarySchema),
  /** Removes the drafts in the trash for good (the user's explicit choice). */
  emptyTrash: channel(emptyInput, z.object({ removed: z.number().int().nonnegative() }).strict()),
} as const;

export const answerEventSchema = z
  .object({
    id: z.number().int(),
    at: isoTimeSchema,
    oldValue: answerValueSchema,
    newValue: answerValueSchema,
  })
  .strict();
export type AnswerEvent = z.infer<typeof answerEventSchema>;

/** Which window or tab made a change, so that it can ignore the `answerChanged` event of its own save. */
export const changeOriginSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** One value ticked or unticked in a multiple choice, or one row added to or removed from a repeat group. */
export const answerChangeOpSchema = z.enum(['add', 'remove']);
export type AnswerChangeOp = z.infer<typeof answerChangeOpSchema>;

const savedSchema = z.object({ savedAt: isoTimeSchema, version: answerVersionSchema }).strict();

export const answerChannels = {
  /**
   * Save one answer. Resolves only once the row is committed to disk. With `baseVersion` (the
   * version the window's value was based on, 0 for no stored answer), a save whose base is no
   * longer the stored version is refused with `ANSWER_STALE` and nothing is written; without it
   * the value is written whatever is stored (tools and scripts; the app always sends it).
   */
  save: channel(
    z
      .object({
        draftId: draftIdSchema,
        path: answerPathSchema,
        value: answerValueSchema,
        baseVersion: answerVersionSchema.optional(),
        origin: changeOriginSchema.optional(),
      })
      .strict(),
    savedSchema,
  ),
  /**
   * Adds or removes one value of a multiple choice (ticking follows the question's exclusive
   * choices and list order, as the checkbox does), or one row id of a repeat group, against the
   * stored answer inside the transaction: two windows ticking different boxes both keep theirs.
   * Answers with the whole value after the change and its version.
   */
  change: channel(
    z
      .object({
        draftId: draftIdSchema,
        path: answerPathSchema,
        op: answerChangeOpSchema,
        value: z.string().min(1).max(10_000),
        origin: changeOriginSchema.optional(),
      })
      .strict(),
    savedSchema.extend({ value: answerValueSchema }).strict(),
  ),
  /** Earlier values of one answer, newest first (restoring one is a `save`). */
  history: channel(
    z.object({ draftId: draftIdSchema, path: answerPathSchema }).strict(),
    z.array(answerEventSchema),
  ),
} as const;
