import { Readable } from 'node:stream';
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

// A Decrypter keeps no per-file state, and building one derives the public key (a scalar
// multiplication): an import of a thousand packages reuses the one for its identity.
let cached: { identity: string; decrypter: Decrypter } | null = null;

function decrypterFor(identity: string): Decrypter {
  if (cached?.identity !== identity) {
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    cached = { identity, decrypter };
  }
  return cached.decrypter;
}

/** Encrypts a Node stream to the recipients; returns the ciphertext as a Node stream. */
export async function encryptStream(plaintext: Readable, recipients: readonly string[]): Promise<Readable> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  const web = Readable.toWeb(plaintext);
  const encrypted = await encrypter.encrypt(web);
  return Readable.fromWeb(encrypted);
}

/**
 * Decrypts a Node stream with one identity. The promise settles once the header is checked
 * (so "not for this identity" is known before any payload is read); payload damage surfaces
 * as an error on the returned stream.
 */
export async function decryptStream(ciphertext: Readable, identity: string): Promise<Readable> {
  const decrypter = decrypterFor(identity);
  const web = Readable.toWeb(ciphertext);
  const decrypted = await decrypter.decrypt(web);
  return Readable.fromWeb(decrypted);
}

export async function encryptBytes(plaintext: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(plaintext);
}

export async function decryptBytes(ciphertext: Uint8Array, identity: string): Promise<Uint8Array> {
  const decrypter = decrypterFor(identity);
  return decrypter.decrypt(ciphertext);
}
