import { z } from 'zod';

/**
 * How one answer is stored and sent, for every question type.
 *
 * Answers live in a flat map keyed by *answer path* (see `path.ts`), so that every
 * keystroke saves one small row instead of rewriting the whole draft.
 *
 * - text, long text, date (`YYYY-MM-DD`), single choice value: string
 * - integer, decimal, year: number
 * - multiple choice: array of choice values
 * - matrix: object from row value to scale value
 * - attachment: array of file references (content hash, original name, size, media type)
 * - repeat group: array of stable row ids (the order of the rows)
 * - `null`: explicitly cleared
 */
export const attachmentRefSchema = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
    name: z.string().min(1).max(255),
    size: z.number().int().nonnegative(),
    mediaType: z.string().max(255),
  })
  .strict();
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const ROW_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const answerValueSchema = z.union([
  z.null(),
  z.string().max(100_000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(10_000)).max(10_000),
  z.record(z.string().max(200), z.string().max(200)),
  z.array(attachmentRefSchema).max(100),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** A draft's answers: answer path -> value. */
export type AnswerMap = Readonly<Record<string, AnswerValue>>;

/** A repeat group's stored answer as its row ids, in order: valid ids only, each once. */
export function storedRowIds(value: AnswerValue | undefined): string[] {
  if (!Array.isArray(value)) return [];
  const ids = (value as unknown[]).filter((v): v is string => typeof v === 'string' && ROW_ID_PATTERN.test(v));
  return [...new Set(ids)];
}
