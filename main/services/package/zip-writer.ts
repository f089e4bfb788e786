import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { AppError } from '../../../core/contract/errors.js';
import { MANIFEST_ENTRY, RESPONSES_ENTRY, SIGNATURE_ENTRY } from '../../../core/package/format.js';
import type { ManifestEntry } from '../../../core/package/manifest.js';
import { encryptStream } from '../crypto/age.js';
import { HashCheckStream } from './hash-check.js';

/**
 * One pass of: entries → yazl (deflate) → age → temp file. Attachments are read lazily, one at
 * a time, and checked against their hash on the way; any failure aborts the whole pipeline.
 */

export interface ZipPlan {
  readonly manifestBytes: Uint8Array;
  readonly signature: string;
  readonly responsesBytes: Buffer;
  readonly files: readonly ManifestEntry[];
  readonly pathOf: ReadonlyMap<string, string>;
  readonly mtime: Date;
  readonly recipients: readonly string[];
  /** Entries to store uncompressed (they compressed beyond what a reader accepts). */
  readonly store: ReadonlySet<string>;
  readonly maxCompressionRatio: number;
  readonly onBytes: (n: number) => void;
  readonly signal?: AbortSignal;
}

export interface ZipPassResult {
  readonly sha256: string;
  readonly size: number;
  /** Entries whose compression ratio exceeds the readers' limit: the caller stores them and retries. */
  readonly overCompressed: readonly string[];
}

// Attachments are mostly PDFs and photos, already compressed: a fast level costs little size.
const ATTACHMENT_COMPRESSION_LEVEL = 1;

const cancelled = (): AppError => new AppError('CANCELLED', 'The export was cancelled; no file was written.');

/** yazl keeps its finished entries (with sizes) in an internal list; read it defensively. */
function overCompressedEntries(zip: ZipFile, maxRatio: number): string[] {
  const entries: unknown = (zip as unknown as Record<string, unknown>)['entries'];
  if (!Array.isArray(entries)) return [];
  const over: string[] = [];
  for (const item of entries as unknown[]) {
    const e = item as { utf8FileName?: unknown; compressedSize?: unknown; uncompressedSize?: unknown };
    if (
      !Buffer.isBuffer(e.utf8FileName) ||
      typeof e.compressedSize !== 'number' ||
      typeof e.uncompressedSize !== 'number'
    )
      continue;
    const ratio =
      e.compressedSize === 0 ? (e.uncompressedSize === 0 ? 0 : Infinity) : e.uncompressedSize / e.compressedSize;
    if (ratio > maxRatio) over.push(e.utf8FileName.toString('utf8'));
  }
  return over;
}

export async function writeZipPass(plan: ZipPlan, tempPath: string): Promise<ZipPassResult> {
  const failures: Error[] = [];
  const controller = new AbortController();
  const fail = (error: Error): void => {
    failures.push(error);
    controller.abort(error);
  };
  const onAbort = (): void => {
    fail(cancelled());
  };
  if (plan.signal?.aborted) throw cancelled();
  plan.signal?.addEventListener('abort', onAbort, { once: true });
  const zip = new ZipFile();
  zip.on('error', (error: Error) => {
    fail(error);
  });
  // Level 0 is yazl's "store".
  const options = (name: string, level = 6) => ({
    mtime: plan.mtime,
    compressionLevel: plan.store.has(name) ? 0 : level,
  });
  zip.addBuffer(Buffer.from(plan.manifestBytes), MANIFEST_ENTRY, options(MANIFEST_ENTRY));
  zip.addBuffer(Buffer.from(plan.signature, 'utf8'), SIGNATURE_ENTRY, options(SIGNATURE_ENTRY));
  zip.addBuffer(plan.responsesBytes, RESPONSES_ENTRY, options(RESPONSES_ENTRY));
  for (const entry of plan.files) {
    const entryOptions = { ...options(entry.path, ATTACHMENT_COMPRESSION_LEVEL), size: entry.size };
    zip.addReadStreamLazy(entry.path, entryOptions, (callback) => {
      const source = createReadStream(plan.pathOf.get(entry.sha256) ?? '');
      const changed = (detail: string): AppError =>
        new AppError('BAD_FILE', `An attached file changed since it was attached (${detail}).`, {
          sha256: entry.sha256,
        });
      const check = new HashCheckStream(entry.size, entry.sha256, changed, plan.onBytes);
      source.on('error', fail);
      check.on('error', fail);
      callback(null, source.pipe(check));
    });
  }
  zip.end();
  const fileHash = createHash('sha256');
  let size = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      fileHash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    const encrypted = await encryptStream(zip.outputStream as unknown as Readable, plan.recipients);
    await pipeline(encrypted, tap, createWriteStream(tempPath, { flags: 'wx', mode: 0o644 }), {
      signal: controller.signal,
    });
  } catch (error) {
    throw failures[0] ?? error;
  } finally {
    plan.signal?.removeEventListener('abort', onAbort);
  }
  const [firstFailure] = failures;
  if (firstFailure) throw firstFailure;
  return { sha256: fileHash.digest('hex'), size, overCompressed: overCompressedEntries(zip, plan.maxCompressionRatio) };
}
