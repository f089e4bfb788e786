import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { AppError, fail, type Result } from '../core/contract/errors.js';
import type { SavedFileDownloads } from '../main/services/files/saved-file-download.js';
import { contentDisposition } from './download.js';

export type { SavedFileDownloads };

export const SAVED_FILE_DOWNLOAD_PATH = '/download/saved';

const querySchema = z.object({ path: z.string().min(1).max(4096) }).strict();

const statusOf = (code: string): number => (code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : code === 'DATA_UNAVAILABLE' ? 503 : 500);

/**
 * `GET /download/saved?path=<the path the app returned when it saved the file>`: a key card or
 * a summary, as a download. The caller has passed the token check; the ledger then serves only
 * a file this app saved in this session, inside this host's exports folder, with the bytes it
 * wrote (saved-files.ts). The bytes sent are the ones checked, not a second read of the path.
 * Everything else is a JSON refusal with a contract error (and `details.reason`).
 */
export async function handleSavedFileDownload(
  req: IncomingMessage,
  res: ServerResponse,
  downloads: SavedFileDownloads,
  sendJson: (res: ServerResponse, status: number, body: Result<unknown>) => void,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  if (req.method !== 'GET') {
    sendJson(res, 405, fail('INVALID_INPUT', 'Use GET.'));
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    sendJson(res, 400, fail('INVALID_INPUT', 'The download needs the path the app saved the file to.'));
    return;
  }
  let file;
  try {
    file = await downloads.file(query.data.path);
  } catch (error) {
    const known = error instanceof AppError ? error : new AppError('INTERNAL', 'The file could not be read.');
    sendJson(res, statusOf(known.code), fail(known.code, known.message, known.details));
    return;
  }
  // Served as bytes to save, never as a page of this origin (a summary is HTML).
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(file.bytes.length),
    'Content-Disposition': contentDisposition(file.name),
  });
  res.end(file.bytes);
}
