import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { AppError, fail, type Result } from '../core/contract/errors.js';

/** A file to send: one on disk (streamed), or bytes already read and checked. */
export type DownloadFile = { readonly name: string; readonly path: string; readonly size: number } | { readonly name: string; readonly bytes: Uint8Array };

/** One download route: what its query is, how it finds the file, and its refusals' words. */
export interface DownloadRoute<Query> {
  readonly query: z.ZodType<Query>;
  /** Said when the query is not the route's. */
  readonly badQuery: string;
  /** Said when the file cannot be read. */
  readonly unreadable: string;
  readonly find: (query: Query) => DownloadFile | Promise<DownloadFile>;
}

export type SendJson = (res: ServerResponse, status: number, body: Result<unknown>) => void;

/** `filename*` in RFC 5987 form (any character), and a plain ASCII `filename` for old clients. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

const statusOf = (code: string): number =>
  code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : code === 'INVALID_INPUT' ? 400 : code === 'DATA_UNAVAILABLE' ? 503 : 500;

/**
 * `GET` a route's file as a download. The caller has passed the token check; the route's `find`
 * then decides which file, if any, may go out (the services refuse anything they did not record).
 * A file always goes out as `application/octet-stream` with `Content-Disposition: attachment`
 * and the host's headers (`nosniff`, CSP), so the browser saves it and never renders or runs
 * it. Every refusal is JSON with the contract's error, its details included.
 */
export async function serveDownload<Query>(
  req: IncomingMessage,
  res: ServerResponse,
  route: DownloadRoute<Query>,
  sendJson: SendJson,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  if (req.method !== 'GET') {
    sendJson(res, 405, fail('INVALID_INPUT', 'Use GET.'));
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = route.query.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) {
    sendJson(res, 400, fail('INVALID_INPUT', route.badQuery));
    return;
  }
  let file: DownloadFile;
  try {
    file = await route.find(query.data);
  } catch (error) {
    const known = error instanceof AppError ? error : new AppError('INTERNAL', route.unreadable);
    sendJson(res, statusOf(known.code), fail(known.code, known.message, known.details));
    return;
  }
  const fileHeaders = (size: number) => ({
    ...headers,
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(size),
    'Content-Disposition': contentDisposition(file.name),
  });
  if ('bytes' in file) {
    // The bytes sent are the ones checked, not a second read of the path.
    res.writeHead(200, fileHeaders(file.bytes.length));
    res.end(file.bytes);
    return;
  }
  const stream = fs.createReadStream(file.path);
  stream.once('open', () => {
    res.writeHead(200, fileHeaders(file.size));
    stream.pipe(res);
  });
  stream.once('error', () => {
    if (!res.headersSent) sendJson(res, 404, fail('NOT_FOUND', route.unreadable));
    else res.destroy();
  });
}
