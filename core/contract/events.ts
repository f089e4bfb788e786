import { z } from 'zod';

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

/** Events sent from main to the renderer. Subscribing returns an unsubscribe function. */
export const events = {
  progress: progressEventSchema,
  /** A release file the system asked the app to open is checked: `releases.opened` has it. */
  releaseOpened: z.object({}).strict(),
  saveNow: saveNowEventSchema,
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type Unsubscribe = () => void;
