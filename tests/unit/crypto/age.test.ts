import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  AGE_IDENTITY_PATTERN,
  AGE_RECIPIENT_PATTERN,
  decryptBytes,
  decryptStream,
  encryptBytes,
  encryptStream,
  generateAgeIdentity,
  parseIdentityFile,
  recipientOfIdentity,
} from '../../../main/services/crypto/age.js';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

describe('age', () => {
  it('generates X25519 identities and derives their recipients', async () => {
    const { identity, recipient } = await generateAgeIdentity();
    expect(identity).toMatch(AGE_IDENTITY_PATTERN);
    expect(recipient).toMatch(AGE_RECIPIENT_PATTERN);
    expect(await recipientOfIdentity(identity)).toBe(recipient);
  });

  it('encrypts and decrypts a multi-chunk stream', async () => {
    const { identity, recipient } = await generateAgeIdentity();
    const plaintext = Buffer.alloc(300_000, 7);
    const ciphertext = await collect(
      await encryptStream(Readable.from([plaintext.subarray(0, 1000), plaintext.subarray(1000)]), [recipient]),
    );
    expect(ciphertext.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    expect(await collect(await decryptStream(Readable.from([ciphertext]), identity))).toEqual(plaintext);
  });

  it('refuses an identity the file was not encrypted to', async () => {
    const a = await generateAgeIdentity();
    const b = await generateAgeIdentity();
    const ciphertext = await encryptBytes(new TextEncoder().encode('x'), [a.recipient]);
    await expect(decryptBytes(ciphertext, b.identity)).rejects.toThrow(/no identity matched/);
  });

  it('detects a truncated stream', async () => {
    const { identity, recipient } = await generateAgeIdentity();
    const ciphertext = Buffer.from(await encryptBytes(Buffer.alloc(200_000, 1), [recipient]));
    const cut = ciphertext.subarray(0, ciphertext.length - 65_552);
    await expect(collect(await decryptStream(Readable.from([cut]), identity))).rejects.toThrow();
  });

  it('reads identity files as age-keygen writes them', async () => {
    const { identity } = await generateAgeIdentity();
    expect(parseIdentityFile(`# created: 2026-01-01T00:00:00Z\n# public key: age1x\n${identity}\n`)).toBe(identity);
    expect(() => parseIdentityFile('# nothing here\n')).toThrow();
    expect(() => parseIdentityFile(`${identity}\n${identity}\n`)).toThrow();
  });
});
