import { randomBytes } from 'node:crypto';
import { parsePublicKeyLine } from '../../main/services/crypto/ssh-key.js';

/**
 * Test-only: writes our Ed25519 key in OpenSSH's unencrypted private-key format
 * (PROTOCOL.key, "openssh-key-v1") so that `ssh-keygen -Y sign` can sign with it.
 * The application never writes private keys in this form.
 */

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const str = (v: Buffer | string): Buffer => {
  const bytes = typeof v === 'string' ? Buffer.from(v) : v;
  return Buffer.concat([u32(bytes.length), bytes]);
};

export function toOpenSshPrivateKey(privateKeyPkcs8: Uint8Array, publicKeyLine: string, comment: string): string {
  const der = Buffer.from(privateKeyPkcs8);
  if (der.length !== 48) throw new Error('expected a 48-byte Ed25519 PKCS#8 DER');
  const seed = der.subarray(16);
  const { blob, raw } = parsePublicKeyLine(publicKeyLine);
  const check = randomBytes(4);
  let secret = Buffer.concat([
    check,
    check,
    str('ssh-ed25519'),
    str(raw),
    str(Buffer.concat([seed, raw])),
    str(comment),
  ]);
  const padding = Buffer.from(Array.from({ length: (8 - (secret.length % 8)) % 8 }, (_, i) => i + 1));
  secret = Buffer.concat([secret, padding]);
  const body = Buffer.concat([
    Buffer.from('openssh-key-v1\0'),
    str('none'),
    str('none'),
    str(''),
    u32(1),
    str(blob),
    str(secret),
  ]);
  const lines = body.toString('base64').match(/.{1,70}/g) ?? [];
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}
