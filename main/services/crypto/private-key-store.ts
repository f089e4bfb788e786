import {
  createCipheriv,
  createDecipheriv,
  randomBytes,
  scrypt as scryptCallback,
  type ScryptOptions,
} from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../core/contract/errors.js';

/**
 * A private key at rest: passphrase → scrypt (parameters stored beside the ciphertext) →
 * AES-256-GCM. An optional outer wrap (Electron's safeStorage, added by the shell) seals the
 * whole AES output once more; the record says whether it was applied.
 */

export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's recommendation for scrypt (2^17, 8, 1): about 128 MiB and a few hundred ms. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
// Bounds also protect decryption: a tampered record must not make us allocate gigabytes.
const MIN_LOG_N = 14;
const MAX_LOG_N = 20;

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const isPowerOfTwo = (n: number): boolean => Number.isInteger(Math.log2(n));

export const encryptedPrivateKeySchema = z
  .object({
    version: z.literal(1),
    kdf: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .refine((n) => isPowerOfTwo(n) && n >= 2 ** MIN_LOG_N && n <= 2 ** MAX_LOG_N, 'N out of range'),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: base64,
    cipher: z.literal('aes-256-gcm'),
    nonce: base64,
    tag: base64,
    ciphertext: base64,
    /** 'external': the AES output was passed through the caller's wrap hook (e.g. safeStorage). */
    outerWrap: z.enum(['none', 'external']),
  })
  .strict();
export type EncryptedPrivateKey = z.infer<typeof encryptedPrivateKeySchema>;

export type ByteTransform = (bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export interface EncryptPrivateKeyOptions {
  readonly scrypt?: ScryptParams;
  /** Extra sealing of the AES output, e.g. `(b) => safeStorage.encryptString(...)` in the shell. */
  readonly wrap?: ByteTransform;
}

export interface DecryptPrivateKeyOptions {
  /** The inverse of the wrap hook; required when the record says `outerWrap: 'external'`. */
  readonly unwrap?: ByteTransform;
}

// Binds the ciphertext to this purpose: the same bytes cannot pass as another kind of record.
const AAD = Buffer.from('iscm-private-key-v1');

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export async function encryptPrivateKey(
  pkcs8Der: Uint8Array,
  passphrase: string,
  options: EncryptPrivateKeyOptions = {},
): Promise<EncryptedPrivateKey> {
  if (passphrase.length === 0)
    throw new AppError('INVALID_INPUT', 'A passphrase is required to protect the signing key.');
  const params = options.scrypt ?? DEFAULT_SCRYPT_PARAMS;
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const key = await deriveKey(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, nonce).setAAD(AAD);
  let sealed: Uint8Array = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  const tag = cipher.getAuthTag();
  if (options.wrap) sealed = await options.wrap(sealed);
  return encryptedPrivateKeySchema.parse({
    version: 1,
    kdf: 'scrypt',
    N: params.N,
    r: params.r,
    p: params.p,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    nonce: nonce.toString('base64'),
    tag: tag.toString('base64'),
    ciphertext: Buffer.from(sealed).toString('base64'),
    outerWrap: options.wrap ? 'external' : 'none',
  });
}

/** Returns the PKCS#8 DER; a wrong passphrase is AppError WRONG_PASSPHRASE, a broken record BAD_FILE. */
export async function decryptPrivateKey(
  record: unknown,
  passphrase: string,
  options: DecryptPrivateKeyOptions = {},
): Promise<Uint8Array> {
  const parsed = encryptedPrivateKeySchema.safeParse(record);
  if (!parsed.success)
    throw new AppError(
      'BAD_FILE',
      'The stored signing key is not in a format this application understands.',
      parsed.error.issues,
    );
  const r = parsed.data;
  let sealed: Uint8Array = Buffer.from(r.ciphertext, 'base64');
  if (r.outerWrap === 'external') {
    if (!options.unwrap)
      throw new AppError(
        'NOT_SUPPORTED',
        'The signing key is sealed by the operating system key store, which is not available here.',
      );
    sealed = await options.unwrap(sealed);
  }
  const key = await deriveKey(passphrase, Buffer.from(r.salt, 'base64'), r);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(r.nonce, 'base64'), { authTagLength: 16 }).setAAD(
      AAD,
    );
    decipher.setAuthTag(Buffer.from(r.tag, 'base64'));
    return new Uint8Array(Buffer.concat([decipher.update(sealed), decipher.final()]));
  } catch {
    // GCM cannot tell a wrong passphrase from a damaged record; the passphrase is by far the likelier.
    throw new AppError('WRONG_PASSPHRASE', 'The passphrase is not correct for this signing key.');
  }
}
