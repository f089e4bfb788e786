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

/** Events sent from main to the renderer. Subscribing returns an unsubscribe function. */
export const events = {
  progress: progressEventSchema,
  /** A release file the system asked the app to open is checked: `releases.opened` has it. */
  releaseOpened: z.object({}).strict(),
} as const;

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type Unsubscribe = () => void;
