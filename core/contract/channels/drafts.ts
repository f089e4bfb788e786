import { z } from 'zod';
import { channel } from '../channel.js';
import { answerValueSchema } from '../../answers/value.js';
import { answerPathSchema } from '../../answers/path.js';
import { emptyInput } from './app.js';

export const draftIdSchema = z.uuid();
export const isoTimeSchema = z.iso.datetime({ offset: true });
export const draftStatusSchema = z.enum(['draft', 'finalized', 'exported']);
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
    createdAt: isoTimeSchema,
    updatedAt: isoTimeSchema,
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
  delete: channel(z.object({ id: draftIdSchema }).strict(), z.object({ deleted: z.literal(true) }).strict()),
} as const;

export const answerChannels = {
  /** Save one answer. Resolves only once the row is committed to disk. */
  save: channel(
    z.object({ draftId: draftIdSchema, path: answerPathSchema, value: answerValueSchema }).strict(),
    z.object({ savedAt: isoTimeSchema }).strict(),
  ),
} as const;
