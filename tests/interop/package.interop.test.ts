import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decryptBytes, generateAgeIdentity, parseIdentityFile } from '../../main/services/crypto/age.js';
import { fingerprintOf, generateSigningKeyPair } from '../../main/services/crypto/ssh-key.js';
import { signSshSig, verifySshSig } from '../../main/services/crypto/sshsig.js';
import { readPackage } from '../../main/services/package/read-package.js';
import { DEV_IDENTITY_FILE, tempDir, writeSamplePackage } from '../unit/package/fixtures.js';
import { toOpenSshPrivateKey } from './openssh-private-key.js';

/** Our packages, keys and signatures against the real `age`, `ssh-keygen`, `unzip` and `sha256sum`. */

const run = (cmd: string, args: string[], options: { cwd?: string; input?: Buffer | string } = {}) =>
  spawnSync(cmd, args, options);

function unpack(iscm: string): { dir: string; zip: string } {
  const dir = tempDir();
  const zip = path.join(dir, 'sub.zip');
  execFileSync('age', ['-d', '-i', DEV_IDENTITY_FILE, '-o', zip, iscm]);
  execFileSync('unzip', ['-q', zip, '-d', path.join(dir, 'x')]);
  return { dir: path.join(dir, 'x'), zip };
}

function sshVerify(dir: string, principal: string, publicKey: string): number | null {
  fs.writeFileSync(
    path.join(dir, '..', 'allowed_signers'),
    `${principal} ${publicKey.split(' ').slice(0, 2).join(' ')}\n`,
  );
  const allowed = path.join(dir, '..', 'allowed_signers');
  const args = [
    '-Y',
    'verify',
    '-f',
    allowed,
    '-I',
    principal,
    '-n',
    'iscm-submission',
    '-s',
    path.join(dir, 'manifest.json.sig'),
  ];
  return run('ssh-keygen', args, { input: fs.readFileSync(path.join(dir, 'manifest.json')) }).status;
}

function sha256sumCheck(dir: string, entries: readonly { path: string; sha256: string }[]): number | null {
  const list = entries.map((e) => `${e.sha256}  ${e.path}\n`).join('');
  return run('sha256sum', ['--check', '--strict', '--quiet'], { cwd: dir, input: list }).status;
}

describe('interoperability with standard tools', () => {
  it('a package we write passes age -d, unzip -t, ssh-keygen -Y verify and sha256sum', async () => {
    const written = await writeSamplePackage({
      attachments: [Buffer.from('first attachment'), Buffer.alloc(100_000, 9)],
    });
    const { dir, zip } = unpack(written.path);
    expect(run('unzip', ['-t', zip]).status).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['attachments', 'manifest.json', 'manifest.json.sig', 'responses.json']);
    expect(sshVerify(dir, 'amina@example.org', written.signer.publicKey)).toBe(0);
    expect(sha256sumCheck(dir, written.manifest.entries)).toBe(0);
    for (const e of written.manifest.entries) expect(fs.statSync(path.join(dir, e.path)).size).toBe(e.size);
  });

  it('one byte changed in responses.json fails the hash check; a changed manifest fails ssh-keygen', async () => {
    const written = await writeSamplePackage();
    const { dir } = unpack(written.path);
    const responses = fs.readFileSync(path.join(dir, 'responses.json'));
    responses[10] = (responses[10] ?? 0) ^ 0x01;
    fs.writeFileSync(path.join(dir, 'responses.json'), responses);
    expect(sha256sumCheck(dir, written.manifest.entries)).not.toBe(0);
    const manifest = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8').replace('"revision": 1', '"revision": 2');
    fs.writeFileSync(path.join(dir, 'manifest.json'), manifest);
    expect(sshVerify(dir, 'amina@example.org', written.signer.publicKey)).not.toBe(0);
  });

  it('ssh-keygen -lf prints our fingerprint for our public key', () => {
    const pair = generateSigningKeyPair('Amina Diallo');
    const file = path.join(tempDir(), 'id.pub');
    fs.writeFileSync(file, `${pair.publicKey}\n`);
    const out = execFileSync('ssh-keygen', ['-lf', file], { encoding: 'utf8' });
    expect(out.trim()).toBe(`256 ${pair.fingerprint} Amina Diallo (ED25519)`);
  });

  it('ssh-keygen -Y sign with our key makes byte for byte our signature, and we verify it', () => {
    const pair = generateSigningKeyPair('signer');
    const dir = tempDir();
    const keyFile = path.join(dir, 'id_ed25519');
    fs.writeFileSync(keyFile, toOpenSshPrivateKey(pair.privateKeyPkcs8, pair.publicKey, 'signer'), { mode: 0o600 });
    const message = Buffer.from('{\n  "hello": "world"\n}\n');
    fs.writeFileSync(path.join(dir, 'm.json'), message);
    execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-f', keyFile, '-n', 'iscm-submission', path.join(dir, 'm.json')], {
      stdio: 'pipe',
    });
    const theirs = fs.readFileSync(path.join(dir, 'm.json.sig'), 'utf8');
    expect(() => verifySshSig(message, theirs, pair.publicKey)).not.toThrow();
    expect(signSshSig(message, pair.privateKeyPkcs8)).toBe(theirs);
  });

  it('we verify ssh-keygen signatures made with keys ssh-keygen generated, and agree on fingerprints', () => {
    const dir = tempDir();
    const keyFile = path.join(dir, 'k');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ops', '-f', keyFile]);
    const publicKey = fs.readFileSync(`${keyFile}.pub`, 'utf8').trim();
    const message = Buffer.from('manifest bytes\n');
    fs.writeFileSync(path.join(dir, 'm'), message);
    execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-f', keyFile, '-n', 'iscm-submission', path.join(dir, 'm')], {
      stdio: 'pipe',
    });
    expect(() => verifySshSig(message, fs.readFileSync(path.join(dir, 'm.sig'), 'utf8'), publicKey)).not.toThrow();
    expect(() =>
      verifySshSig(Buffer.from('other\n'), fs.readFileSync(path.join(dir, 'm.sig'), 'utf8'), publicKey),
    ).toThrow();
    expect(execFileSync('ssh-keygen', ['-lf', `${keyFile}.pub`], { encoding: 'utf8' })).toContain(
      fingerprintOf(publicKey),
    );
  });

  it('an age-keygen identity decrypts our packages, and our identity decrypts age -r output', async () => {
    const dir = tempDir();
    const identityFile = path.join(dir, 'identity.txt');
    execFileSync('age-keygen', ['-o', identityFile], { stdio: 'pipe' });
    const recipient = execFileSync('age-keygen', ['-y', identityFile], { encoding: 'utf8' }).trim();
    const written = await writeSamplePackage({ recipients: [recipient] });
    const zip = execFileSync('age', ['-d', '-i', identityFile, written.path]);
    expect(zip.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const read = await readPackage(written.path, {
      identity: parseIdentityFile(fs.readFileSync(identityFile, 'utf8')),
    });
    expect(read.manifest.submissionId).toBe(written.manifest.submissionId);
    await read.cleanup();

    const ours = await generateAgeIdentity();
    const plain = Buffer.alloc(200_000, 4);
    fs.writeFileSync(path.join(dir, 'plain'), plain);
    execFileSync('age', ['-r', ours.recipient, '-o', path.join(dir, 'plain.age'), path.join(dir, 'plain')]);
    expect(Buffer.from(await decryptBytes(fs.readFileSync(path.join(dir, 'plain.age')), ours.identity))).toEqual(plain);
  });
});
