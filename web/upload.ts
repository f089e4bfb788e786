import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { answerPathSchema } from '../core/answers/path.js';
import { draftIdSchema } from '../core/contract/channels/drafts.js';
import { AppError, fail, ok, type Result } from '../core/contract/errors.js';
import type { AttachmentService, ImportOutcome } from '../main/services/attachments/attachment-service.js';
import { classifyStorageError } from '../main/services/storage-errors.js';

/** What the upload endpoint needs from the services. */
export type AttachmentUploads = Pick<AttachmentService, 'receive'>;

export const UPLOAD_PATH = '/upload/attachment';

/** A refused upload's remaining body is read and dropped up to this size (so the browser sees the answer); past it the connection is closed. */
const DRAIN_LIMIT = 16 * 1024 * 1024;

const querySchema = z
  .object({
    draftId: draftIdSchema,
    path: answerPathSchema,
    name: z.string().min(1).max(1000),
    pending: z.coerce.number().int().min(0).max(100).default(0),
  })
  .strict();

/** The request's declared length, if it is a plain number. */
function declaredLength(req: IncomingMessage): number | undefined {
  const raw = req.headers['content-length'];
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

function toError(error: unknown): Result<never> {
  if (error instanceof AppError) return fail(error.code, error.message, error.details);
  const storage = classifyStorageError(error);
  if (storage) return { ok: false, error: storage };
  return fail('INTERNAL', 'The file could not be stored because of a fault in the app. Nothing was attached.');
}

/**
 * `POST /upload/attachment?draftId=…&path=…&name=…&pending=n` with the file as the
 * raw body: the web client's side of `attachments.pick`. The caller has passed the
 * same guards as the API (loopback, Host, Origin, token). The body is streamed into
 * the attachment store, never buffered, and is limited by the question's
 * `maxFileSize` (under a hard cap), not by the API's 1 MiB. Answers like a contract
 * call: `{ ok: true, value: { file } | { rejected } }` or `{ ok: false, error }`.
 */
export async function handleAttachmentUpload(
  req: IncomingMessage,
  res: ServerResponse,
  uploads: AttachmentUploads,
  send: (res: ServerResponse, status: number, body: Result<unknown>) => void,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = querySchema.safeParse(Object.fromEntries(url.searchParams));
  let result: Result<ImportOutcome>;
  if (req.method !== 'POST') result = fail('INVALID_INPUT', 'Use POST.');
  else if (!query.success) result = fail('INVALID_INPUT', 'The upload names no valid draft, answer path and file name.');
  else {
    try {
      const outcome = await uploads.receive({ ...query.data, declaredSize: declaredLength(req), source: req });
      result = ok(outcome);
    } catch (error) {
      result = toError(error);
    }
  }
  if (!req.readableEnded) {
    const declared = declaredLength(req);
    if (declared !== undefined && declared <= DRAIN_LIMIT) {
      await drain(req);
    } else {
      res.setHeader('Connection', 'close');
      res.once('finish', () => req.destroy());
      // The body is left unread: a file refused for its size is answered as what it is, 413
      // PAYLOAD_TOO_LARGE with the limit, so a client that gets the answer can say it in words.
      const sizeLimit = result.ok && 'rejected' in result.value ? result.value.rejected.sizeLimit : undefined;
      if (result.ok && 'rejected' in result.value && sizeLimit !== undefined) {
        send(res, 413, fail('PAYLOAD_TOO_LARGE', result.value.rejected.reason, { name: result.value.rejected.name, sizeLimit }));
        return;
      }
    }
  }
  send(res, result.ok ? 200 : result.error.code === 'INVALID_INPUT' ? 400 : 200, result);
}

/** Reads and drops the rest of a body (a refused file) so the reply reaches the browser. */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('error', () => resolve());
    req.on('close', resolve);
    req.resume();
  });
}
