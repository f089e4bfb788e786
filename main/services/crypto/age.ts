import { webcrypto } from 'node:crypto';
import { Readable } from 'node:stream';
import { bech32 } from '@scure/base';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

/**
 * age (https://age-encryption.org/v1) through the `age-encryption` package: X25519 identities,
 * and streaming encryption/decryption in 64 KiB chunks, so a large package is never held whole.
 */

export interface AgeKeyPair {
  /** `AGE-SECRET-KEY-1…` */
  readonly identity: string;
  /** `age1…` */
  readonly recipient: string;
}

export const AGE_RECIPIENT_PATTERN = /^age1[0-9a-z]{58}$/;
export const AGE_IDENTITY_PATTERN = /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/;

export async function generateAgeIdentity(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export async function recipientOfIdentity(identity: string): Promise<string> {
  return identityToRecipient(identity.trim());
}

/**
 * The identity in an identity file as `age-keygen` writes it: comment lines start with `#`,
 * the key is the one non-comment line.
 */
export function parseIdentityFile(text: string): string {
  const keys = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
  const [key] = keys;
  if (keys.length !== 1 || key === undefined || !AGE_IDENTITY_PATTERN.test(key)) {
    throw new Error('the identity file must hold exactly one AGE-SECRET-KEY-1… line');
  }
  return key;
}

// PKCS #8 wrapping of a raw 32-byte X25519 private key (RFC 8410): WebCrypto imports
// X25519 private keys only in this form (or JWK).
const X25519_PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20]);

/** The identity as a non-extractable WebCrypto key, imported once instead of at every file. */
async function importIdentityKey(identity: string): Promise<webcrypto.CryptoKey> {
  const { prefix, bytes } = bech32.decodeToBytes(identity);
  if (prefix.toUpperCase() !== 'AGE-SECRET-KEY-' || bytes.length !== 32) throw new Error('invalid age identity');
  const pkcs8 = new Uint8Array(X25519_PKCS8_PREFIX.length + 32);
  pkcs8.set(X25519_PKCS8_PREFIX);
  pkcs8.set(bytes, X25519_PKCS8_PREFIX.length);
  try {
    return await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, ['deriveBits']);
  } finally {
    pkcs8.fill(0);
    bytes.fill(0);
  }
}

// A Decrypter keeps no per-file state, and building one derives the public key (a scalar
// multiplication), and importing the private key costs as much again: an import of a
// thousand packages reuses the one for its identity, with the key imported once.
let cached: { identity: string; decrypter: Promise<Decrypter> } | null = null;

function decrypterFor(identity: string): Promise<Decrypter> {
  if (cached?.identity !== identity) {
    const decrypter = importIdentityKey(identity).then((key) => {
      const d = new Decrypter();
      d.addIdentity(key);
      return d;
    });
    // A failed import is not kept: the next call tries again (and reports its own error).
    decrypter.catch(() => {
      if (cached?.decrypter === decrypter) cached = null;
    });
    cached = { identity, decrypter };
  }
  return cached.decrypter;
}

/**
 * A Node stream as the web stream of bytes age-encryption takes, and back. Typed through the
 * global ReadableStream, so the same code checks whether that global is Node's (the app) or the
 * DOM's (the component tests, which run the real services beside React).
 */
const toWebBytes = (stream: Readable): ReadableStream<Uint8Array> => Readable.toWeb(stream) as ReadableStream<Uint8Array>;
const fromWebBytes = (stream: ReadableStream<Uint8Array>): Readable => Readable.fromWeb(stream as Parameters<typeof Readable.fromWeb>[0]);

/** Encrypts a Node stream to the recipients; returns the ciphertext as a Node stream. */
export async function encryptStream(plaintext: Readable, recipients: readonly string[]): Promise<Readable> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const encrypted = await encrypter.encrypt(toWebBytes(plaintext));
  return fromWebBytes(encrypted);
}

/**
 * Decrypts a Node stream with one identity. The promise settles once the header is checked
 * (so "not for this identity" is known before any payload is read); payload damage surfaces
 * as an error on the returned stream.
 */
export async function decryptStream(ciphertext: Readable, identity: string): Promise<Readable> {
  const decrypter = await decrypterFor(identity);
  const decrypted = await decrypter.decrypt(toWebBytes(ciphertext));
  return fromWebBytes(decrypted);
}

export async function encryptBytes(plaintext: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(plaintext);
}

export async function decryptBytes(ciphertext: Uint8Array, identity: string): Promise<Uint8Array> {
  const decrypter = await decrypterFor(identity);
  return decrypter.decrypt(ciphertext);
}
