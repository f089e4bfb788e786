import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllowedSigners } from '../../main/services/crypto/allowed-signers.js';
import { parseOpenSshPrivateKey } from '../../main/services/crypto/openssh-private-key.js';
import { verifyRelease } from '../../main/services/releases/verify-release.js';
import { zipRelease } from '../../main/services/releases/write-release.js';
import { APP_PUBLISHERS_FILE, makeRelease, newestBundledQuestionnaire } from '../helpers/releases.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { releaseWorkedExample } from '../unit/releases/worked-example.js';

/** Releases against the real `unzip`, `ssh-keygen -Y verify` / `find-principals` / `sign` and `sha256sum`. */

const tempDir = useTempDirs();
const run = (cmd: string, args: string[], input?: Buffer) => spawnSync(cmd, args, input ? { input } : {});

function unpack(bytes: Buffer): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'r.iscmq'), bytes);
  expect(run('unzip', ['-t', '-q', path.join(dir, 'r.iscmq')]).status).toBe(0);
  execFileSync('unzip', ['-q', path.join(dir, 'r.iscmq'), '-d', path.join(dir, 'r')]);
  return path.join(dir, 'r');
}

const sshVerify = (dir: string, allowed: string, principal: string, namespace = 'iscm-questionnaire') =>
  run('ssh-keygen', ['-Y', 'verify', '-f', allowed, '-I', principal, '-n', namespace, '-s', path.join(dir, 'release.json.sig')], fs.readFileSync(path.join(dir, 'release.json'))).status;

describe('interoperability of releases with standard tools', () => {
  it('a release we write passes unzip, ssh-keygen -Y verify with the app’s allowed_signers, and sha256sum', async () => {
    const release = await makeRelease(newestBundledQuestionnaire().json);
    const dir = unpack(release.bytes);
    expect(fs.readdirSync(dir).sort()).toEqual(['questionnaire.json', 'release.json', 'release.json.sig']);
    const principal = execFileSync('ssh-keygen', ['-Y', 'find-principals', '-f', APP_PUBLISHERS_FILE, '-s', path.join(dir, 'release.json.sig')], { encoding: 'utf8' }).trim();
    expect(principal).toBe('iscm-development-publisher');
    expect(sshVerify(dir, APP_PUBLISHERS_FILE, principal)).toBe(0);
    // The namespace is part of what is signed: the same signature is no submission signature.
    expect(sshVerify(dir, APP_PUBLISHERS_FILE, principal, 'iscm-submission')).not.toBe(0);
    const q = release.manifest.questionnaire;
    expect(run('sha256sum', ['--check', '--strict', '--quiet'], Buffer.from(`${q.sha256}  ${path.join(dir, 'questionnaire.json')}\n`)).status).toBe(0);
    // A changed manifest fails ssh-keygen too.
    fs.writeFileSync(path.join(dir, 'release.json'), fs.readFileSync(path.join(dir, 'release.json'), 'utf8').replace('"formatVersion": 1', '"formatVersion": 1 '));
    expect(sshVerify(dir, APP_PUBLISHERS_FILE, principal)).not.toBe(0);
  });

  it('the worked example of docs/release-format.md verifies with ssh-keygen and its allowed_signers line', () => {
    const example = releaseWorkedExample();
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'release.json'), example.manifest);
    fs.writeFileSync(path.join(dir, 'release.json.sig'), example.signature);
    fs.writeFileSync(path.join(dir, 'allowed_signers'), `${example.allowedSigners}\n`);
    expect(sshVerify(dir, path.join(dir, 'allowed_signers'), 'iom-questionnaires')).toBe(0);
  });

  it('a release signed by ssh-keygen -Y sign with a key ssh-keygen made is accepted, and our writer signs with such a key', async () => {
    const dir = tempDir();
    const key = path.join(dir, 'publisher');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'IOM', '-f', key]);
    const publicKey = fs.readFileSync(`${key}.pub`, 'utf8').trim();
    const allowed = parseAllowedSigners(`iom ${publicKey}`);
    // Our writer with ssh-keygen's key file…
    const ours = await makeRelease(newestBundledQuestionnaire().json, { key: parseOpenSshPrivateKey(fs.readFileSync(key, 'utf8')).privateKeyPkcs8 });
    expect((await verifyRelease(ours.bytes, allowed)).publisher.principal).toBe('iom');
    // …and ssh-keygen's own signature over our manifest.
    fs.writeFileSync(path.join(dir, 'release.json'), ours.manifestBytes);
    execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-f', key, '-n', 'iscm-questionnaire', path.join(dir, 'release.json')], { stdio: 'pipe' });
    const theirs = await zipRelease(
      [
        ['release.json', Buffer.from(ours.manifestBytes)],
        ['release.json.sig', fs.readFileSync(path.join(dir, 'release.json.sig'))],
        ['questionnaire.json', Buffer.from(`${JSON.stringify(newestBundledQuestionnaire().json, null, 2)}\n`)],
      ],
      ours.manifest.publishedAt,
    );
    expect((await verifyRelease(theirs, allowed)).publisher.principal).toBe('iom');
  });
});
