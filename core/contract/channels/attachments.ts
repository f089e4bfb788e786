import { z } from 'zod';
import { channel } from '../channel.js';
import { attachmentRefSchema } from '../../answers/value.js';
import { answerPathSchema } from '../../answers/path.js';
import { draftIdSchema } from './drafts.js';

/**
 * A file that was not attached. `reason` is the host's sentence (English); `sizeLimit`, in bytes,
 * is set when the file was refused for its size, so the UI says "larger than 20 MB" in its language.
 */
export const rejectedFileSchema = z
  .object({ name: z.string(), reason: z.string(), sizeLimit: z.number().int().positive().optional() })
  .strict();

export const attachmentChannels = {
  /**
   * Lets the user pick files for an attachment question and copies them into the
   * content-addressed store. Limits (types, size, count) come from the questionnaire,
   * never from the caller. Electron shows its file dialog; the web client shows a
   * file input and uploads. Cancelling returns no files. The caller then saves the
   * answer with the new references.
   */
  pick: channel(
    z.object({ draftId: draftIdSchema, path: answerPathSchema }).strict(),
    z.object({ files: z.array(attachmentRefSchema), rejected: z.array(rejectedFileSchema) }).strict(),
  ),
} as const;
