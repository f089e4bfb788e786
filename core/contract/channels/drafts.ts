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

export const draftSchema = draftSummarySchema
  .extend({ answers: z.record(answerPathSchema, answerValueSchema) })
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

export const answerChannels = {
  /** Save one answer. Resolves only once the row is committed to disk. */
  save: channel(
    z.object({ draftId: draftIdSchema, path: answerPathSchema, value: answerValueSchema }).strict(),
    z.object({ savedAt: isoTimeSchema }).strict(),
  ),
  /** Earlier values of one answer, newest first (restoring one is a `save`). */
  history: channel(
    z.object({ draftId: draftIdSchema, path: answerPathSchema }).strict(),
    z.array(answerEventSchema),
  ),
} as const;
