import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { AppError, fail, type Result } from '../core/contract/errors.js';
import type { AttachmentDownloads } from '../main/services/import/attachment-download.js';
import { contentDisposition } from './download.js';

export type { AttachmentDownloads };

export const ATTACHMENT_DOWNLOAD_PATH = '/download/attachment';

const querySchema = z.object({ submission: z.uuid(), file: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

const statusOf = (code: string): number => (code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : code === 'INVALID_INPUT' ? 400 : 500);

/**
 * `GET /download/attachment?submission=<revision id>&file=<sha256>`: one attachment of an
 * imported revision, as a download (`iom.openAttachment` in the browser). The caller has passed
 * the token check. The file is named by its hash only; the services serve it only when iom.db
 * records it for that revision and its bytes still match. It always goes out as
 * `application/octet-stream` with `Content-Disposition: attachment` under its safe name, and the
 * host's `nosniff` and CSP headers, so the browser saves it and never renders or runs it.
 */
export async function handleAttachmentDownload(
  req: IncomingMessage,
  res: ServerResponse,
  downloads: AttachmentDownloads,
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
    sendJson(res, 400, fail('INVALID_INPUT', "The download needs a revision id and an attachment's SHA-256 (never a file name or path)."));
    return;
  }
  let file;
  try {
    file = await downloads.file(query.data.submission, query.data.file);
  } catch (error) {
    const known = error instanceof AppError ? error : new AppError('INTERNAL', 'The attachment could not be read.');
    sendJson(res, statusOf(known.code), fail(known.code, known.message));
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
    if (!res.headersSent) sendJson(res, 404, fail('NOT_FOUND', 'The attachment could not be read.'));
    else res.destroy();
  });
}
