import { randomBytes } from 'node:crypto';
import { SSH_ED25519, parsePublicKeyBlob, publicKeyBlob, publicKeyLineFromPrivate } from './ssh-key.js';
import { SshReader, sshString, sshUint32 } from './ssh-wire.js';

/**
 * Ed25519 private keys in OpenSSH's own file format (PROTOCOL.key, "openssh-key-v1"),
 * unencrypted: what `ssh-keygen -t ed25519 -N ''` writes and `ssh-keygen -Y sign` reads. IOM's
 * release publisher key is kept in this form, so either `iscm release create` or OpenSSH's
 * own tools can sign with it. The key stays a PKCS#8 DER blob inside the app.
 */

const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const END = '-----END OPENSSH PRIVATE KEY-----';
const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');
// PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export interface OpenSshPrivateKey {
  readonly privateKeyPkcs8: Uint8Array;
  /** `ssh-ed25519 AAAA… comment` */
  readonly publicKey: string;
  readonly comment: string;
}

/** The key file's text (unencrypted). `check` makes the output reproducible in tests; random otherwise. */
export function formatOpenSshPrivateKey(
  privateKeyPkcs8: Uint8Array,
  comment: string,
  check: Buffer = randomBytes(4),
): string {
  const der = Buffer.from(privateKeyPkcs8);
  if (der.length !== 48 || !der.subarray(0, 16).equals(PKCS8_PREFIX))
    throw new Error('expected an Ed25519 private key (PKCS#8)');
  const seed = der.subarray(16);
  const blob = Buffer.from(publicKeyLineFromPrivate(privateKeyPkcs8, '').split(' ')[1] ?? '', 'base64');
  const raw = parsePublicKeyBlob(blob);
  let secret = Buffer.concat([
    check,
    check,
    sshString(SSH_ED25519),
    sshString(raw),
    sshString(Buffer.concat([seed, raw])),
    sshString(comment),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (secret.length % 8)) % 8 }, (_, i) => i + 1));
  secret = Buffer.concat([secret, padding]);
  const body = Buffer.concat([
    MAGIC,
    sshString('none'),
    sshString('none'),
    sshString(''),
    sshUint32(1),
    sshString(blob),
    sshString(secret),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return `${BEGIN}\n${lines.join('\n')}\n${END}\n`;
}

/** Reads an unencrypted OpenSSH Ed25519 private key; a clear Error for anything else. */
export function parseOpenSshPrivateKey(text: string): OpenSshPrivateKey {
  const lines = text.replace(/\r\n/g, '\n').trim().split('\n');
  if (lines[0] !== BEGIN || lines[lines.length - 1] !== END) throw new Error('not an OpenSSH private key file');
  const body = Buffer.from(lines.slice(1, -1).join(''), 'base64');
  if (!body.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not an OpenSSH private key (openssh-key-v1)');
  const reader = new SshReader(body.subarray(MAGIC.length));
  try {
    const cipher = reader.text();
    const kdf = reader.text();
    reader.string(); // kdf options
    if (cipher !== 'none' || kdf !== 'none')
      throw new Error("the key is protected by a passphrase; use a copy without one (ssh-keygen -p -N '' -f COPY)");
    if (reader.uint32() !== 1) throw new Error('the file holds more than one key');
    const blob = Buffer.from(reader.string());
    const type = new SshReader(blob).text();
    if (type !== SSH_ED25519) throw new Error(`only Ed25519 keys sign releases; this is a ${type.slice(0, 40)} key`);
    const raw = parsePublicKeyBlob(blob);
    const secret = new SshReader(Buffer.from(reader.string()));
    if (secret.uint32() !== secret.uint32()) throw new Error('the key file is damaged (check bytes differ)');
    if (secret.text() !== SSH_ED25519) throw new Error('only Ed25519 keys can sign releases');
    if (!Buffer.from(secret.string()).equals(raw)) throw new Error('the key file is damaged (two public keys)');
    const both = Buffer.from(secret.string());
    if (both.length !== 64 || !both.subarray(32).equals(raw)) throw new Error('the key file is damaged (private key)');
    const comment = secret.text();
    const privateKeyPkcs8 = new Uint8Array(Buffer.concat([PKCS8_PREFIX, both.subarray(0, 32)]));
    const publicKey = publicKeyLineFromPrivate(privateKeyPkcs8, comment);
    if (!Buffer.from(publicKey.split(' ')[1] ?? '', 'base64').equals(publicKeyBlob(raw)))
      throw new Error('the private key does not belong to the public key in the file');
    return { privateKeyPkcs8, publicKey, comment };
  } catch (error) {
    if (error instanceof Error && !/truncated/.test(error.message)) throw error;
    throw new Error('the key file is damaged (truncated)');
  }
}
