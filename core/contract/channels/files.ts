import { z } from 'zod';
import { channel } from '../channel.js';

/** The files the app saves for the user outside a revision's exports. */
export const savedFileKindSchema = z.enum(['key-card', 'summary', 'pdf']);
export type SavedFileKind = z.infer<typeof savedFileKindSchema>;

const savedPathInput = z.object({ path: z.string().min(1).max(4096) }).strict();

/**
 * Files the app saved for the user in this session (a key card, a summary, a PDF): main keeps a
 * ledger of what it wrote and acts on those paths only. Any other path (one it never wrote, one it
 * wrote before it last started, a file since moved, renamed, deleted or changed) is refused with
 * NOT_FOUND or CONFLICT, `details.reason` saying which: `not-saved`, `gone`, `changed`, `outside`.
 * A revision's `.iscm` packages have their own channels (`submissions.showExport`, `downloadExport`).
 */
export const fileChannels = {
  /** Desktop: opens the system's file manager with the file selected. NOT_SUPPORTED in the web host. */
  show: channel(savedPathInput, z.object({ shown: z.literal(true) }).strict()),
  /**
   * Web host: saves the file through the browser's downloads (the web client fetches it from the
   * host's download endpoint with the session token). NOT_SUPPORTED on the desktop, where the file
   * already is on disk and `show` shows it.
   */
  download: channel(savedPathInput, z.object({ started: z.literal(true) }).strict()),
} as const;
