import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import {
  inspectSshSig,
  signSshSig,
  SshSigError,
  verifySshSig,
  type SshSigFailure,
} from '../../../main/services/crypto/sshsig.js';

const message = new TextEncoder().encode('{\n  "a": 1\n}\n');

function failureOf(run: () => void): SshSigFailure | 'none' {
  try {
    run();
    return 'none';
  } catch (error) {
    if (error instanceof SshSigError) return error.failure;
    throw error;
  }
}

describe('SSHSIG signatures', () => {
  const key = generateSigningKeyPair('signer');

  it('writes the armored format with 70-column lines', () => {
    const armored = signSshSig(message, key.privateKeyPkcs8);
    const lines = armored.split('\n');
    expect(lines[0]).toBe('-----BEGIN SSH SIGNATURE-----');
    expect(lines.at(-2)).toBe('-----END SSH SIGNATURE-----');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(1, -3)) expect(line).toHaveLength(70);
    const blob = Buffer.from(lines.slice(1, -2).join(''), 'base64');
    expect(blob.subarray(0, 6).toString()).toBe('SSHSIG');
    expect(blob.readUInt32BE(6)).toBe(1);
  });

  it('names the key and namespace it was made with', () => {
    const info = inspectSshSig(signSshSig(message, key.privateKeyPkcs8));
    expect(info.namespace).toBe('iscm-submission');
    expect(info.fingerprint).toBe(key.fingerprint);
  });

  it('verifies a good signature', () => {
    const armored = signSshSig(message, key.privateKeyPkcs8);
    expect(failureOf(() => verifySshSig(message, armored, key.publicKey))).toBe('none');
  });

  it('gives a distinct failure for each problem', () => {
    const armored = signSshSig(message, key.privateKeyPkcs8);
    const other = generateSigningKeyPair('other');
    const changed = new TextEncoder().encode('{\n  "a": 2\n}\n');
    expect(failureOf(() => verifySshSig(changed, armored, key.publicKey))).toBe('BAD_SIGNATURE');
    expect(failureOf(() => verifySshSig(message, armored, other.publicKey))).toBe('KEY_MISMATCH');
    expect(
      failureOf(() => verifySshSig(message, signSshSig(message, key.privateKeyPkcs8, 'file'), key.publicKey)),
    ).toBe('NAMESPACE_MISMATCH');
    expect(failureOf(() => verifySshSig(message, 'garbage', key.publicKey))).toBe('MALFORMED');
    const truncated = armored.replace(/\n[^\n]+\n-----END/, '\n-----END');
    expect(failureOf(() => verifySshSig(message, truncated, key.publicKey))).toBe('MALFORMED');
  });

  it('is deterministic (Ed25519), so the same manifest yields the same signature', () => {
    expect(signSshSig(message, key.privateKeyPkcs8)).toBe(signSshSig(message, key.privateKeyPkcs8));
  });
});
