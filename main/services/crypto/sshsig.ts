import { createHash, sign, timingSafeEqual, verify } from 'node:crypto';
import { SIGNATURE_NAMESPACE } from '../../../core/package/format.js';
import {
  fingerprintOfBlob,
  parsePublicKeyBlob,
  parsePublicKeyLine,
  privateKeyObject,
  publicKeyBlob,
  publicKeyObjectFromRaw,
  rawPublicKey,
  SSH_ED25519,
} from './ssh-key.js';
import { SshReader, sshString, sshUint32 } from './ssh-wire.js';

/**
 * SSH signatures in the format of `ssh-keygen -Y sign` (OpenSSH PROTOCOL.sshsig), Ed25519 and
 * SHA-512 only. Verification names what went wrong, because "changed after signing" and
 * "signed for another purpose" call for different answers.
 */

const MAGIC = Buffer.from('SSHSIG');
const VERSION = 1;
const HASH = 'sha512';
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';

export type SshSigFailure = 'MALFORMED' | 'NAMESPACE_MISMATCH' | 'KEY_MISMATCH' | 'BAD_SIGNATURE';

export class SshSigError extends Error {
  constructor(
    readonly failure: SshSigFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SshSigError';
  }
}

/** The bytes the Ed25519 key actually signs. */
function signedData(namespace: string, message: Uint8Array): Buffer {
  const digest = createHash(HASH).update(message).digest();
  return Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(HASH), sshString(digest)]);
}

function armor(blob: Buffer): string {
  const base64 = blob.toString('base64');
  const lines = base64.match(/.{1,70}/g) ?? [];
  return `${BEGIN}\n${lines.join('\n')}\n${END}\n`;
}

function unarmor(text: string): Buffer {
  const lines = text.replace(/\r\n/g, '\n').trim().split('\n');
  if (lines[0] !== BEGIN || lines[lines.length - 1] !== END)
    throw new SshSigError('MALFORMED', 'not an armored SSH signature');
  const body = lines.slice(1, -1).join('');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) throw new SshSigError('MALFORMED', 'the signature is not base64');
  const blob = Buffer.from(body, 'base64');
  if (blob.toString('base64') !== body) throw new SshSigError('MALFORMED', 'the signature is not canonical base64');
  return blob;
}

/** Signs `message`; returns the armored signature exactly as `ssh-keygen -Y sign` writes it. */
export function signSshSig(
  message: Uint8Array,
  privateKeyPkcs8: Uint8Array,
  namespace: string = SIGNATURE_NAMESPACE,
): string {
  const key = privateKeyObject(privateKeyPkcs8);
  const signature = sign(null, signedData(namespace, message), key);
  const blob = Buffer.concat([
    MAGIC,
    sshUint32(VERSION),
    sshString(publicKeyBlob(rawPublicKey(key))),
    sshString(namespace),
    sshString(''),
    sshString(HASH),
    sshString(Buffer.concat([sshString(SSH_ED25519), sshString(signature)])),
  ]);
  return armor(blob);
}

export interface SshSigInfo {
  readonly publicKeyBlob: Buffer;
  readonly fingerprint: string;
  readonly namespace: string;
}

interface ParsedSshSig extends SshSigInfo {
  readonly hash: string;
  readonly signature: Buffer;
}

function parseSshSig(armored: string): ParsedSshSig {
  const reader = new SshReader(unarmor(armored));
  try {
    if (!reader.raw(6).equals(MAGIC)) throw new Error('no SSHSIG magic');
    const version = reader.uint32();
    if (version !== VERSION) throw new Error(`unsupported SSHSIG version ${version}`);
    const keyBlob = Buffer.from(reader.string());
    parsePublicKeyBlob(keyBlob);
    const namespace = reader.text();
    reader.string(); // reserved
    const hash = reader.text();
    const sigReader = new SshReader(reader.string());
    if (!reader.atEnd()) throw new Error('trailing bytes after the signature');
    if (sigReader.text() !== SSH_ED25519) throw new Error('not an ssh-ed25519 signature');
    const signature = Buffer.from(sigReader.string());
    if (signature.length !== 64 || !sigReader.atEnd()) throw new Error('malformed Ed25519 signature');
    return { publicKeyBlob: keyBlob, fingerprint: fingerprintOfBlob(keyBlob), namespace, hash, signature };
  } catch (error) {
    if (error instanceof SshSigError) throw error;
    throw new SshSigError(
      'MALFORMED',
      `malformed SSH signature: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** Reads the key and namespace a signature claims, without checking it. */
export function inspectSshSig(armored: string): SshSigInfo {
  const { publicKeyBlob: blob, fingerprint, namespace } = parseSshSig(armored);
  return { publicKeyBlob: blob, fingerprint, namespace };
}

/**
 * Checks that `armored` is a valid signature of `message` by `expectedPublicKey` (an OpenSSH line)
 * for `namespace`. Throws SshSigError naming the failure.
 */
export function verifySshSig(
  message: Uint8Array,
  armored: string,
  expectedPublicKey: string,
  namespace: string = SIGNATURE_NAMESPACE,
): void {
  const parsed = parseSshSig(armored);
  if (parsed.namespace !== namespace) {
    throw new SshSigError('NAMESPACE_MISMATCH', `the signature was made for "${parsed.namespace}", not "${namespace}"`);
  }
  const expected = parsePublicKeyLine(expectedPublicKey);
  if (parsed.publicKeyBlob.length !== expected.blob.length || !timingSafeEqual(parsed.publicKeyBlob, expected.blob)) {
    throw new SshSigError(
      'KEY_MISMATCH',
      `the signature was made by ${parsed.fingerprint}, not ${fingerprintOfBlob(expected.blob)}`,
    );
  }
  if (parsed.hash !== 'sha512' && parsed.hash !== 'sha256')
    throw new SshSigError('MALFORMED', `unsupported hash ${parsed.hash}`);
  const digest = createHash(parsed.hash).update(message).digest();
  const data = Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(parsed.hash), sshString(digest)]);
  if (!verify(null, data, publicKeyObjectFromRaw(expected.raw), parsed.signature)) {
    throw new SshSigError('BAD_SIGNATURE', 'the signature does not match the signed bytes');
  }
}
