import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReleasePreview } from '../core/contract/channels/releases.js';
import { AppError, fail, ok, type Result } from '../core/contract/errors.js';
import { DEFAULT_RELEASE_LIMITS } from '../core/release/format.js';
import { RELEASE_REFUSAL_MESSAGES } from '../core/release/refusals.js';
import { BodyTooLargeError, readBody } from './read-body.js';

/** What the release upload needs from the services: the same checks and preview as `releases.pick`. */
export interface ReleaseUploads {
  readonly stageBytes: (bytes: Buffer, fileName: string) => Promise<ReleasePreview>;
}

export const RELEASE_UPLOAD_PATH = '/upload/release';

/** A refused upload's remaining body is read and dropped up to this size; past it the connection is closed. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.on('close', resolve);
    req.resume();
  });
}

/**
 * `POST /upload/release?name=<file name>` with the file as the raw body: the web client's side
 * of `releases.pick` (a browser cannot hand the host a path). The caller has passed the API's
 * guards (loopback, Host, Origin, token). The body is read up to the release size limit, never
 * past it; the answer is the channel's: `{ ok: true, value: { preview } }` or a refusal.
 */
export async function handleReleaseUpload(
  req: IncomingMessage,
  res: ServerResponse,
  uploads: ReleaseUploads,
  send: (res: ServerResponse, status: number, body: Result<unknown>) => void,
): Promise<void> {
  const name = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('name') ?? '';
  let result: Result<{ preview: ReleasePreview }>;
  if (req.method !== 'POST') result = fail('INVALID_INPUT', 'Use POST.');
  else if (name === '' || name.length > 1000) result = fail('INVALID_INPUT', 'The upload names no file.');
  else {
    try {
      const bytes = await readBody(req, DEFAULT_RELEASE_LIMITS.maxFileBytes);
      result = ok({ preview: await uploads.stageBytes(bytes, name) });
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest is read and dropped (up to a bound) so the browser sees the answer.
        if (Number(req.headers['content-length'] ?? Infinity) <= DRAIN_LIMIT) await drain(req);
        else {
          res.setHeader('Connection', 'close');
          res.once('finish', () => req.destroy());
        }
        result = fail('RELEASE_TOO_LARGE', RELEASE_REFUSAL_MESSAGES.RELEASE_TOO_LARGE, {
          detail: `more than ${DEFAULT_RELEASE_LIMITS.maxFileBytes} bytes`,
          fileName: name,
        });
      } else if (error instanceof AppError) result = fail(error.code, error.message, error.details);
      else
        result = fail(
          'INTERNAL',
          'The file could not be checked because of a fault in the app. Nothing was installed.',
        );
    }
  }
  send(res, result.ok ? 200 : result.error.code === 'INVALID_INPUT' ? 400 : 200, result);
}
