import { z } from 'zod';
import { channel } from '../channel.js';
import { emptyInput } from './app.js';

export const questionnaireRefSchema = z
  .object({ id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).max(64), version: z.string().regex(/^\d+\.\d+\.\d+$/) })
  .strict();

export const questionnaireChannels = {
  /** The questionnaire new drafts start on (the newest version installed). */
  current: channel(emptyInput, questionnaireRefSchema),
  /**
   * A questionnaire file, already checked by main with core's loader (an invalid
   * file is never served). The renderer loads it again with the same loader to
   * evaluate skip logic and validation locally.
   */
  get: channel(
    questionnaireRefSchema,
    z.object({ ref: questionnaireRefSchema, definition: z.record(z.string(), z.unknown()) }).strict(),
  ),
} as const;
