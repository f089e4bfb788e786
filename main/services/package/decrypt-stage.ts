import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PackageVerifyError, type DecryptReason } from '../../../core/package/verify-codes.js';
import { decryptBytes, decryptStream } from '../crypto/age.js';

/**
 * Stage 2: age decryption. The whole payload is authenticated (every 64 KiB chunk and the
 * final-chunk flag) before the ZIP is looked at, so the ZIP parser only ever sees bytes that
 * the sender's age key sealed. Small archives stay in memory, large ones go to the work folder.
 */

/** Above this, the decrypted ZIP goes to a file in the work folder rather than memory. */
export const IN_MEMORY_ZIP_LIMIT = 16 * 1024 * 1024;

export interface DecryptedPackage {
  /** The decrypted ZIP: its bytes, or the path of a file holding them. */
  readonly zip: Buffer | string;
  readonly packageSha256: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** After the magic line was seen, any failure but "no identity matched" means the file was damaged. */
function failure(error: unknown, prefix = ''): PackageVerifyError {
  const message = messageOf(error);
  const reason: DecryptReason = /no identity matched/.test(message) ? 'not-for-this-identity' : 'damaged';
  return new PackageVerifyError('DECRYPT_FAILED', `${prefix}${message}`, reason);
}

/** age headers are a few hundred bytes; one that does not end this early is not a package's. */
const MAX_HEADER_BYTES = 64 * 1024;
const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n');

/**
 * The age library reads header lines until a newline, however long: checked here first, so a
 * hostile file cannot make it buffer a gigabyte looking for one.
 */
async function checkHeaderShape(filePath: string): Promise<void> {
  const handle = await open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(MAX_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER_BYTES, 0);
    const head = buffer.subarray(0, bytesRead);
    if (!head.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC)) {
      throw new PackageVerifyError('DECRYPT_FAILED', 'the file does not start with an age v1 header', 'not-age');
    }
    const macLine = head.indexOf('\n--- ');
    if (macLine < 0 || head.indexOf('\n', macLine + 1) < 0) {
      throw new PackageVerifyError('DECRYPT_FAILED', 'the age header does not end in the first 64 KiB', 'damaged');
    }
  } finally {
    await handle.close();
  }
}

export async function decryptPackage(
  filePath: string,
  fileSize: number,
  identity: string,
  workDir: string,
): Promise<DecryptedPackage> {
  await checkHeaderShape(filePath);
  // Small packages (the usual case) in one read: the stream machinery costs more than the crypto.
  if (fileSize <= IN_MEMORY_ZIP_LIMIT) {
    const bytes = await readFile(filePath);
    const packageSha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      return { zip: Buffer.from(await decryptBytes(bytes, identity)), packageSha256 };
    } catch (error) {
      throw failure(error);
    }
  }
  const hash = createHash('sha256');
  const source = createReadStream(filePath).pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    }),
  );
  let plaintext;
  try {
    plaintext = await decryptStream(source, identity);
  } catch (error) {
    source.destroy();
    throw failure(error);
  }
  const zipPath = path.join(workDir, 'package.zip');
  try {
    await pipeline(plaintext, createWriteStream(zipPath, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    throw failure(error, 'payload: ');
  }
  return { zip: zipPath, packageSha256: hash.digest('hex') };
}
