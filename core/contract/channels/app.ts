import { z } from 'zod';
import { channel } from '../channel.js';

export const hostKindSchema = z.enum(['electron', 'web']);

export const appInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    host: hostKindSchema,
    dataDir: z.string(),
  })
  .strict();
export type AppInfo = z.infer<typeof appInfoSchema>;

export const emptyInput = z.object({}).strict();

/** Facts about the running app; no side effects. */
export const appChannels = {
  info: channel(emptyInput, appInfoSchema),
} as const;
