import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  generateSigningKeyPair,
  parsePublicKeyLine,
  publicKeyLineFromPrivate,
} from '../../../main/services/crypto/ssh-key.js';

describe('Ed25519 keys in OpenSSH formats', () => {
  it('generates a key pair whose public key is one ssh-ed25519 line with the comment', () => {
    const pair = generateSigningKeyPair('Amina Diallo');
    expect(pair.publicKey).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43} Amina Diallo$/);
    expect(pair.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(publicKeyLineFromPrivate(pair.privateKeyPkcs8, 'Amina Diallo')).toBe(pair.publicKey);
  });

  it('computes the fingerprint as SHA-256 of the wire blob, base64 without padding', () => {
    const pair = generateSigningKeyPair('x');
    const blob = Buffer.from(pair.publicKey.split(' ')[1] ?? '', 'base64');
    const expected = `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
    expect(fingerprintOf(pair.publicKey)).toBe(expected);
    expect(pair.fingerprint).toBe(expected);
  });

  it('keeps the comment on one line', () => {
    const pair = generateSigningKeyPair('Name\nInjected line');
    expect(pair.publicKey.split('\n')).toHaveLength(1);
    expect(parsePublicKeyLine(pair.publicKey).comment).toBe('Name Injected line');
  });

  it('refuses other key types and malformed lines', () => {
    expect(() => parsePublicKeyLine('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ== x')).toThrow(/unsupported key type/);
    expect(() => parsePublicKeyLine('not a key')).toThrow();
    expect(() => parsePublicKeyLine('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA==')).toThrow();
  });

  it('gives different keys and fingerprints on each call', () => {
    const a = generateSigningKeyPair('a');
    const b = generateSigningKeyPair('a');
    expect(a.fingerprint).not.toBe(b.fingerprint);
  });
});
