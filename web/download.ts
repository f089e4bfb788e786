import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { submissionIdSchema } from '../core/contract/channels/submissions.js';
import { AppError, fail, type Result } from '../core/contract/errors.js';
import type { ExportDownloads } from '../main/services/submissions/exported-file.js';

export type { ExportDownloads };

export const DOWNLOAD_PATH = '/download/export';

const querySchema = z.object({ id: submissionIdSchema, path: z.string().min(1).max(4096) }).strict();

/** `filename*` in RFC 5987 form (any character), and a plain ASCII `filename` for old clients. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * `GET /download/export?id=<submission>&path=<the path the export recorded>`: the exported
 * package, as a download. The caller has passed the token check; the services then serve only
 * a file recorded as an export of that revision, inside this host's exports folder, unchanged
 * since (exported-file.ts). Everything else is a JSON refusal with a contract error.
 */
export function handleExportDownload(
  req: IncomingMessage,
  res: ServerResponse,
  downloads: ExportDownloads,
  sendJson: (res: ServerResponse, status: number, body: Result<unknown>) => void,
  headers: Readonly<Record<string, string>>,
): void {
  if (req.method !== 'GET') {
    sendJson(res, 405, fail('INVALID_INPUT', 'Use GET.'));
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    sendJson(res, 400, fail('INVALID_INPUT', 'The download needs a revision id and the path it was exported to.'));
    return;
  }
  let file;
  try {
    file = downloads.file(query.data.id, query.data.path);
  } catch (error) {
    const known = error instanceof AppError ? error : new AppError('INTERNAL', 'The file could not be read.');
    sendJson(res, known.code === 'NOT_FOUND' ? 404 : known.code === 'CONFLICT' ? 409 : 500, fail(known.code, known.message));
    return;
  }
  const stream = fs.createReadStream(file.path);
  stream.once('open', () => {
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(file.size),
      'Content-Disposition': contentDisposition(file.name),
    });
    stream.pipe(res);
  });
  stream.once('error', () => {
    if (!res.headersSent) sendJson(res, 404, fail('NOT_FOUND', 'The exported file could not be read.'));
    else res.destroy();
  });
}
