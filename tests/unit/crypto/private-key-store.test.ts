import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/contract/errors.js';
import { decryptPrivateKey, encryptPrivateKey } from '../../../main/services/crypto/private-key-store.js';
import { generateSigningKeyPair } from '../../../main/services/crypto/ssh-key.js';

// The smallest accepted work factor keeps the tests quick; the default is 2^17.
const fast = { scrypt: { N: 2 ** 14, r: 8, p: 1 } };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    return error instanceof AppError ? error.code : 'not-an-AppError';
  }
}

describe('private key at rest', () => {
  const { privateKeyPkcs8 } = generateSigningKeyPair('k');

  it('round-trips through a JSON record that stores the scrypt parameters', async () => {
    const record = await encryptPrivateKey(privateKeyPkcs8, 'correct horse', fast);
    const json = JSON.parse(JSON.stringify(record)) as unknown;
    expect(record).toMatchObject({ kdf: 'scrypt', N: 2 ** 14, r: 8, p: 1, cipher: 'aes-256-gcm', outerWrap: 'none' });
    expect(Buffer.from(await decryptPrivateKey(json, 'correct horse'))).toEqual(Buffer.from(privateKeyPkcs8));
  });

  it('uses a fresh salt and nonce each time', async () => {
    const a = await encryptPrivateKey(privateKeyPkcs8, 'p', fast);
    const b = await encryptPrivateKey(privateKeyPkcs8, 'p', fast);
    expect(a.salt).not.toBe(b.salt);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('reports a wrong passphrase as WRONG_PASSPHRASE', async () => {
    const record = await encryptPrivateKey(privateKeyPkcs8, 'right', fast);
    expect(await codeOf(decryptPrivateKey(record, 'wrong'))).toBe('WRONG_PASSPHRASE');
  });

  it('reports a malformed record as BAD_FILE and refuses absurd scrypt parameters', async () => {
    const record = await encryptPrivateKey(privateKeyPkcs8, 'p', fast);
    expect(await codeOf(decryptPrivateKey({ ...record, N: 2 ** 30 }, 'p'))).toBe('BAD_FILE');
    expect(await codeOf(decryptPrivateKey({ hello: 1 }, 'p'))).toBe('BAD_FILE');
  });

  it('applies the wrap hook and needs the unwrap hook back', async () => {
    const flip = (bytes: Uint8Array): Uint8Array => Uint8Array.from(bytes, (b) => b ^ 0xff);
    const record = await encryptPrivateKey(privateKeyPkcs8, 'p', { ...fast, wrap: flip });
    expect(record.outerWrap).toBe('external');
    expect(await codeOf(decryptPrivateKey(record, 'p'))).toBe('NOT_SUPPORTED');
    expect(Buffer.from(await decryptPrivateKey(record, 'p', { unwrap: flip }))).toEqual(Buffer.from(privateKeyPkcs8));
  });

  it('refuses an empty passphrase', async () => {
    expect(await codeOf(encryptPrivateKey(privateKeyPkcs8, '', fast))).toBe('INVALID_INPUT');
  });
});
