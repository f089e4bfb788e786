import { createWriteStream } from 'node:fs';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32 } from 'node:zlib';
import type { Entry, ZipFile } from 'yauzl';
import { PackageVerifyError } from '../../../core/package/verify-codes.js';
import { HashCheckStream } from './hash-check.js';

/**
 * Inflating one entry, with every claim checked on the way: the size the ZIP declares (yauzl
 * stops at one byte too many), the CRC-32 the ZIP declares, and, when the manifest is known,
 * its size and SHA-256.
 */

export interface ExpectedContent {
  readonly size: number;
  readonly sha256: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

class Crc32Check extends Transform {
  private crc = 0;
  constructor(
    private readonly name: string,
    private readonly expected: number,
  ) {
    super();
  }
  override _transform(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null, data?: Buffer) => void,
  ): void {
    this.crc = crc32(chunk, this.crc);
    callback(null, chunk);
  }
  override _flush(callback: (error?: Error | null) => void): void {
    callback(
      this.crc === this.expected
        ? null
        : new PackageVerifyError('ENTRY_MISMATCH', `${this.name}: CRC-32 differs from the ZIP's`, undefined, this.name),
    );
  }
}

function toVerifyError(name: string, error: unknown): PackageVerifyError {
  if (error instanceof PackageVerifyError) return error;
  const detail = messageOf(error);
  // yauzl reports a declared size that the data does not match; everything else is a broken stream.
  if (/bytes|size/i.test(detail))
    return new PackageVerifyError('ENTRY_MISMATCH', `${name}: ${detail}`, undefined, name);
  return new PackageVerifyError('ZIP_CORRUPT', `${name}: ${detail}`, undefined, name);
}

async function openEntry(zip: ZipFile, name: string, entry: Entry): Promise<Readable> {
  try {
    return await zip.openReadStreamPromise(entry);
  } catch (error) {
    throw toVerifyError(name, error);
  }
}

function checks(name: string, entry: Entry, expected: ExpectedContent | undefined): Transform[] {
  const list: Transform[] = [new Crc32Check(name, entry.crc32)];
  if (expected) {
    const mismatch = (detail: string): PackageVerifyError =>
      new PackageVerifyError('ENTRY_MISMATCH', `${name}: ${detail}`, undefined, name);
    list.push(new HashCheckStream(expected.size, expected.sha256, mismatch));
  }
  return list;
}

/** Inflates into memory; use only for entries the caller has bounded (manifest, signature, responses). */
export async function inflateToBuffer(
  zip: ZipFile,
  name: string,
  entry: Entry,
  expected?: ExpectedContent,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  try {
    await pipeline([await openEntry(zip, name, entry), ...checks(name, entry, expected), sink]);
  } catch (error) {
    throw toVerifyError(name, error);
  }
  return Buffer.concat(chunks);
}

/** Inflates into `target`, a path the caller chose (never a name from the archive). */
export async function inflateToFile(
  zip: ZipFile,
  name: string,
  entry: Entry,
  target: string,
  expected: ExpectedContent,
): Promise<void> {
  try {
    await pipeline([
      await openEntry(zip, name, entry),
      ...checks(name, entry, expected),
      createWriteStream(target, { flags: 'wx', mode: 0o600 }),
    ]);
  } catch (error) {
    throw toVerifyError(name, error);
  }
}
