import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestSchema } from '../../core/package/manifest.js';
import { createIdentityService } from '../../main/services/identities/identity-service.js';
import { createSubmissionService } from '../../main/services/submissions/submission-service.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { fullSecretariatAnswers } from '../unit/submissions/full-answers.js';
import {
  AMINA,
  DEV_IDENTITY_FILE,
  PASSPHRASE,
  incompressible,
  insertDraft,
  openHarness,
  storeAttachment,
  today,
} from '../unit/submissions/harness.js';

/**
 * A full, finalized response to the real questionnaire, exported through the app's own
 * submission service, checked with the real `age`, `unzip`, `ssh-keygen` and `sha256sum`.
 */

const tempDir = useTempDirs();

function run(cmd: string, args: string[], options: { cwd?: string; input?: Buffer | string } = {}) {
  const result = spawnSync(cmd, args, options);
  return { status: result.status, out: `${result.stdout.toString()}${result.stderr.toString()}` };
}

function unpack(iscm: string): { zip: string; dir: string } {
  const work = tempDir();
  const zip = path.join(work, 'sub.zip');
  expect(run('age', ['-d', '-i', DEV_IDENTITY_FILE, '-o', zip, iscm]).status).toBe(0);
  const dir = path.join(work, 'x');
  expect(run('unzip', ['-q', zip, '-d', dir]).status).toBe(0);
  return { zip, dir };
}

function sshVerify(dir: string, publicKey: string): { status: number | null; out: string } {
  const allowed = path.join(dir, '..', 'allowed_signers');
  fs.writeFileSync(
    allowed,
    `amina@example.org namespaces="iscm-submission" ${publicKey.split(' ').slice(0, 2).join(' ')}\n`,
  );
  const args = [
    '-Y',
    'verify',
    '-f',
    allowed,
    '-I',
    'amina@example.org',
    '-n',
    'iscm-submission',
    '-s',
    path.join(dir, 'manifest.json.sig'),
  ];
  return run('ssh-keygen', args, { input: fs.readFileSync(path.join(dir, 'manifest.json')) });
}

const sha256sum = (dir: string, entries: readonly { path: string; sha256: string }[]) =>
  run('sha256sum', ['--check', '--strict'], {
    cwd: dir,
    input: entries.map((e) => `${e.sha256}  ${e.path}\n`).join(''),
  });

describe('a package exported by the submission service, checked with standard tools', () => {
  it('decrypts with age, tests with unzip, verifies with ssh-keygen and matches sha256sum; tampering is caught', async () => {
    const h = openHarness(tempDir());
    const { identity } = await createIdentityService(h.deps).create(AMINA);
    const report = storeAttachment(h, 'annual-report.pdf', incompressible(2 * 1024 * 1024));
    const draftId = insertDraft(h.db, fullSecretariatAnswers({ today: today(), report }));
    const submissions = createSubmissionService(h.deps);
    const revision = await submissions.finalize({ draftId, identityId: identity.id, passphrase: PASSPHRASE });
    const exported = await submissions.export({ id: revision.id, passphrase: PASSPHRASE, operationId: 'interop-1' });
    h.db.close();

    expect(run('sha256sum', [exported.path]).out.split(' ')[0]).toBe(exported.sha256);
    const { zip, dir } = unpack(exported.path);
    const tested = run('unzip', ['-t', zip]);
    expect(tested.status, tested.out).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual(['attachments', 'manifest.json', 'manifest.json.sig', 'responses.json']);
    expect(fs.readdirSync(path.join(dir, 'attachments'))).toEqual([report.sha256]);

    const verified = sshVerify(dir, identity.publicKey);
    expect(verified.status, verified.out).toBe(0);
    expect(verified.out).toContain(
      `Good "iscm-submission" signature for amina@example.org with ED25519 key ${identity.fingerprint}`,
    );

    const manifest = manifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')));
    expect(manifest).toMatchObject({
      submissionId: revision.id,
      revision: 1,
      supersedes: null,
      questionnaire: { id: 'iscm-assessment', version: '1.0.0' },
    });
    expect(manifest.entries.map((e) => e.path)).toEqual([`attachments/${report.sha256}`, 'responses.json']);
    const checked = sha256sum(dir, manifest.entries);
    expect(checked.status, checked.out).toBe(0);

    // One byte of responses.json changed: sha256sum fails. The manifest changed: ssh-keygen fails.
    const responsesFile = path.join(dir, 'responses.json');
    const bytes = fs.readFileSync(responsesFile);
    bytes[10] = (bytes[10] ?? 0) ^ 1;
    fs.writeFileSync(responsesFile, bytes);
    expect(sha256sum(dir, manifest.entries).status).not.toBe(0);
    const manifestFile = path.join(dir, 'manifest.json');
    const original = fs.readFileSync(manifestFile, 'utf8');
    const altered = original.replace(/("revision":\s*)1/, '$12');
    expect(altered).not.toBe(original);
    fs.writeFileSync(manifestFile, altered);
    expect(sshVerify(dir, identity.publicKey).status).not.toBe(0);
  });
});
