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
  /**
   * Prints the current page to a PDF file the user picks (desktop). The web client
   * opens the browser's print dialog instead; `path` is then null.
   */
  printToPdf: channel(
    z.object({ suggestedName: z.string().min(1).max(200) }).strict(),
    z.object({ path: z.string().nullable() }).strict(),
  ),
} as const;
