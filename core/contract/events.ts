import { z } from 'zod';
import { answerValueSchema } from '../answers/value.js';
import { answerPathSchema } from '../answers/path.js';

/** Progress of a long operation (export, import, backup). */
export const progressEventSchema = z
  .object({
    operationId: z.string(),
    label: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative().nullable(),
  })
  .strict();

/**
 * The host asks the window to save everything it holds now (the autosaver's queue): the desktop
 * app sends it before it restarts after an unexpected error, and waits for those saves.
 */
export const saveNowEventSchema = z.object({ reason: z.enum(['restart']) }).strict();

/**
 * An answer was committed (`answers.save` or `answers.change`): every window on the draft hears
 * it and shows the value, except the one it came from (`origin`, the id that window sent).
 */
export const answerChangedEventSchema = z
  .object({
    draftId: z.uuid(),
    path: answerPathSchema,
    value: answerValueSchema,
    version: z.number().int().positive(),
    origin: z.string().nullable(),
  })
  .strict();
export type AnswerChangedEvent = z.infer<typeof answerChangedEventSchema>;

/** Events sent from main to the renderer. Subscribing returns an unsubscribe function. */
export const events = {
  progress: progressEventSchema,
  /** A release file the system asked the app to open is checked: `releases.opened` has it. */
  releaseOpened: z.object({}).strict(),
  saveNow: saveNowEventSchema,
  answerChanged: answerChangedEventSchema,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type Unsubscribe = () => void;
