import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOpenSshPrivateKey, parseOpenSshPrivateKey } from '../../../main/services/crypto/openssh-private-key.js';
import { generateSigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import { signSshSig, verifySshSig } from '../../../main/services/crypto/sshsig.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const FIXTURE = path.join(import.meta.dirname, '..', '..', 'fixtures', 'keys');

describe('OpenSSH private keys (the release publisher key)', () => {
  it('reads a key ssh-keygen made: the development publisher key matches its .pub', () => {
    const key = parseOpenSshPrivateKey(fs.readFileSync(path.join(FIXTURE, 'publisher-dev.key'), 'utf8'));
    expect(key.publicKey).toBe(fs.readFileSync(path.join(FIXTURE, 'publisher-dev.pub'), 'utf8').trim());
  });

  it('writes a key ssh-keygen reads back (same public key) and signs with byte for byte our signature', () => {
    const pair = generateSigningKeyPair('x');
    const dir = tempDir();
    const file = path.join(dir, 'publisher.key');
    fs.writeFileSync(file, formatOpenSshPrivateKey(pair.privateKeyPkcs8, 'IOM publisher'), { mode: 0o600 });
    expect(execFileSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' }).trim()).toBe(
      `${pair.publicKey.split(' ').slice(0, 2).join(' ')} IOM publisher`,
    );
    const parsed = parseOpenSshPrivateKey(fs.readFileSync(file, 'utf8'));
    expect(Buffer.from(parsed.privateKeyPkcs8)).toEqual(Buffer.from(pair.privateKeyPkcs8));
    expect(parsed.comment).toBe('IOM publisher');
    fs.writeFileSync(path.join(dir, 'release.json'), '{}\n');
    execFileSync(
      'ssh-keygen',
      ['-q', '-Y', 'sign', '-f', file, '-n', 'iscm-questionnaire', path.join(dir, 'release.json')],
      { stdio: 'pipe' },
    );
    const theirs = fs.readFileSync(path.join(dir, 'release.json.sig'), 'utf8');
    expect(signSshSig(Buffer.from('{}\n'), parsed.privateKeyPkcs8, 'iscm-questionnaire')).toBe(theirs);
    expect(() => verifySshSig(Buffer.from('{}\n'), theirs, parsed.publicKey, 'iscm-questionnaire')).not.toThrow();
  });

  it('refuses a passphrase-protected key, another key type, and damaged files, each with a reason', () => {
    const dir = tempDir();
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'secret words', '-f', path.join(dir, 'locked')]);
    expect(() => parseOpenSshPrivateKey(fs.readFileSync(path.join(dir, 'locked'), 'utf8'))).toThrow(/passphrase/);
    execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', '', '-f', path.join(dir, 'ecdsa')]);
    expect(() => parseOpenSshPrivateKey(fs.readFileSync(path.join(dir, 'ecdsa'), 'utf8'))).toThrow(
      /only Ed25519 keys sign releases; this is a ecdsa-sha2-nistp256 key/,
    );
    expect(() => parseOpenSshPrivateKey('not a key')).toThrow(/not an OpenSSH private key/);
    const text = fs.readFileSync(path.join(FIXTURE, 'publisher-dev.key'), 'utf8').split('\n');
    const truncated = [...text.slice(0, 3), text.at(-2) ?? ''].join('\n');
    expect(() => parseOpenSshPrivateKey(truncated)).toThrow(/damaged|truncated|not/);
  });
});
