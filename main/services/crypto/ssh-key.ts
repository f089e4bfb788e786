import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SshReader, sshString } from './ssh-wire.js';

/**
 * Ed25519 signing keys in OpenSSH's public formats, made with node:crypto only (no ssh-keygen
 * at run time). The private key stays a PKCS#8 DER blob that the caller encrypts at rest.
 */

export const SSH_ED25519 = 'ssh-ed25519';
// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the 32 key bytes follow it.
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKeyPair {
  /** PKCS#8 DER of the private key: encrypt it before it touches the disk. */
  readonly privateKeyPkcs8: Uint8Array;
  /** `ssh-ed25519 AAAA… comment` */
  readonly publicKey: string;
  /** `SHA256:…` as `ssh-keygen -lf` prints it. */
  readonly fingerprint: string;
}

export function generateSigningKeyPair(comment: string): SigningKeyPair {
  const { privateKey } = generateKeyPairSync('ed25519');
  const privateKeyPkcs8 = new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
  const publicKey = publicKeyLineFromPrivate(privateKeyPkcs8, comment);
  return { privateKeyPkcs8, publicKey, fingerprint: fingerprintOf(publicKey) };
}

export function privateKeyObject(privateKeyPkcs8: Uint8Array): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(privateKeyPkcs8), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the private key is not an Ed25519 key');
  return key;
}

/** The 32 raw bytes of an Ed25519 public key. */
export function rawPublicKey(key: KeyObject): Buffer {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  if (spki.length !== 44 || !spki.subarray(0, 12).equals(ED25519_SPKI_PREFIX)) throw new Error('not an Ed25519 key');
  return spki.subarray(12);
}

// Parsing a key costs as much as verifying a signature with it, and an import sees the same
// few dozen signers' keys again and again. KeyObjects are immutable, so sharing them is safe.
const publicKeyObjects = new Map<string, KeyObject>();
const MAX_CACHED_PUBLIC_KEYS = 256;

export function publicKeyObjectFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new Error('an Ed25519 public key is 32 bytes');
  const id = Buffer.from(raw).toString('hex');
  let key = publicKeyObjects.get(id);
  if (key === undefined) {
    key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    if (publicKeyObjects.size >= MAX_CACHED_PUBLIC_KEYS) {
      const oldest = publicKeyObjects.keys().next().value;
      if (oldest !== undefined) publicKeyObjects.delete(oldest);
    }
    publicKeyObjects.set(id, key);
  }
  return key;
}

/** The SSH wire blob: string "ssh-ed25519", string key. */
export function publicKeyBlob(raw: Uint8Array): Buffer {
  return Buffer.concat([sshString(SSH_ED25519), sshString(raw)]);
}

export function publicKeyLineFromPrivate(privateKeyPkcs8: Uint8Array, comment: string): string {
  const blob = publicKeyBlob(rawPublicKey(privateKeyObject(privateKeyPkcs8)));
  return formatPublicKeyLine(blob, comment);
}

function formatPublicKeyLine(blob: Buffer, comment: string): string {
  // A comment is free text, but one line: newlines would split the authorized-keys style line.
  const oneLine = comment.replace(/[\r\n]+/g, ' ').trim();
  const base = `${SSH_ED25519} ${blob.toString('base64')}`;
  return oneLine.length > 0 ? `${base} ${oneLine}` : base;
}

export interface ParsedPublicKey {
  /** The SSH wire blob. */
  readonly blob: Buffer;
  /** The 32 raw key bytes. */
  readonly raw: Buffer;
  readonly comment: string;
}

/** Parses an SSH wire blob; only ssh-ed25519 is accepted. */
export function parsePublicKeyBlob(blob: Buffer): Buffer {
  const reader = new SshReader(blob);
  const type = reader.text();
  if (type !== SSH_ED25519) throw new Error(`unsupported key type ${type}`);
  const raw = reader.string();
  if (raw.length !== 32 || !reader.atEnd()) throw new Error('malformed ssh-ed25519 key');
  return Buffer.from(raw);
}

/** Parses `ssh-ed25519 AAAA… comment`. */
export function parsePublicKeyLine(line: string): ParsedPublicKey {
  const match = /^(\S+) ([A-Za-z0-9+/]+={0,2})(?: (.*))?$/.exec(line.trim());
  if (match === null) throw new Error('not an OpenSSH public key line');
  const [, type = '', base64 = '', comment = ''] = match;
  if (type !== SSH_ED25519) throw new Error(`unsupported key type ${type}`);
  const blob = Buffer.from(base64, 'base64');
  if (blob.toString('base64') !== base64) throw new Error('the key is not canonical base64');
  return { blob, raw: parsePublicKeyBlob(blob), comment };
}

/** SHA-256 of the wire blob, base64 without padding, as `ssh-keygen -lf` prints it. */
export function fingerprintOfBlob(blob: Uint8Array): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

export function fingerprintOf(publicKeyLine: string): string {
  return fingerprintOfBlob(parsePublicKeyLine(publicKeyLine).blob);
}
