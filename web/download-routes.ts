import { z } from 'zod';
import { submissionIdSchema } from '../core/contract/channels/submissions.js';
import type { SavedFileDownloads } from '../main/services/files/saved-file-download.js';
import type { AttachmentDownloads } from '../main/services/import/attachment-download.js';
import type { ExportDownloads } from '../main/services/submissions/exported-file.js';
import type { DownloadRoute } from './serve-download.js';

export type { AttachmentDownloads, ExportDownloads, SavedFileDownloads };

/** The web host's downloads (web/client/fetch-download.ts asks for them), each served by serveDownload. */
export const DOWNLOAD_PATHS = {
  export: '/download/export',
  attachment: '/download/attachment',
  saved: '/download/saved',
} as const;

/**
 * `GET /download/export?id=<submission>&path=<the path the export recorded>`: an exported
 * package. Served only when recorded as an export of that revision, inside this host's exports
 * folder, unchanged since (exported-file.ts).
 */
export const exportRoute = (downloads: ExportDownloads): DownloadRoute<{ id: string; path: string }> => ({
  query: z.object({ id: submissionIdSchema, path: z.string().min(1).max(4096) }).strict(),
  badQuery: 'The download needs a revision id and the path it was exported to.',
  unreadable: 'The exported file could not be read.',
  find: ({ id, path }) => downloads.file(id, path),
});

/**
 * `GET /download/attachment?submission=<revision id>&file=<sha256>`: one attachment of an
 * imported revision (`iom.openAttachment` in the browser), named by its hash only; served only
 * when iom.db records it for that revision and its bytes still match, under its safe name.
 */
export const attachmentRoute = (downloads: AttachmentDownloads): DownloadRoute<{ submission: string; file: string }> => ({
  query: z.object({ submission: z.uuid(), file: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
  badQuery: "The download needs a revision id and an attachment's SHA-256 (never a file name or path).",
  unreadable: 'The attachment could not be read.',
  find: ({ submission, file }) => downloads.file(submission, file),
});

/**
 * `GET /download/saved?path=<the path the app returned when it saved the file>`: a key card or a
 * summary. The ledger serves only a file this app saved in this session, inside this host's
 * exports folder, with the bytes it wrote (saved-files.ts); refusals carry `details.reason`.
 */
export const savedFileRoute = (downloads: SavedFileDownloads): DownloadRoute<{ path: string }> => ({
  query: z.object({ path: z.string().min(1).max(4096) }).strict(),
  badQuery: 'The download needs the path the app saved the file to.',
  unreadable: 'The file could not be read.',
  find: ({ path }) => downloads.file(path),
});
