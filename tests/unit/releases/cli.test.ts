import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { questionnaireFiles } from '../../../build/dev-releases.js';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_RECIPIENT } from '../../../core/release/format.js';
import { verifyRelease } from '../../../main/services/releases/verify-release.js';
import { parseAllowedSigners } from '../../../main/services/crypto/allowed-signers.js';
import { processTempDir } from '../../helpers/temp-dir.js';
import { NEW_RECIPIENT, NEXT, SOURCE } from './release-kit.js';

/** `iscm release …` as IOM staff run it: the installed bin, a real child process, real files. */
const BIN = path.join(import.meta.dirname, '..', '..', '..', 'cli', 'bin', 'iscm.mjs');
const iscm = (...args: string[]) => {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};

const work = processTempDir();
const keyFile = path.join(work, 'publisher.key');
const questionnaireFile = path.join(work, 'next.json');
fs.writeFileSync(questionnaireFile, `${JSON.stringify(NEXT.json, null, 2)}\n`);

describe('iscm release (child processes)', () => {
  let allowedLine = '';
  it('keygen writes an OpenSSH key (0600, never over a file) and prints its allowed_signers line', () => {
    const made = iscm('release', 'keygen', '--out', keyFile, '--name', 'iom-test');
    expect(made.code).toBe(0);
    allowedLine = made.stdout.trim();
    expect(allowedLine).toMatch(
      /^iom-test namespaces="iscm-questionnaire" ssh-ed25519 AAAA\S+ ISCM questionnaire publisher iom-test, created \d{4}-\d{2}-\d{2}$/,
    );
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(execFileSync('ssh-keygen', ['-y', '-f', keyFile], { encoding: 'utf8' }).split(' ').slice(0, 2)).toEqual(
      allowedLine.split(' ').slice(2, 4),
    );
    const again = iscm('release', 'keygen', '--out', keyFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(parseAllowedSigners(allowedLine).signers).toHaveLength(1);
  });

  it('create checks and signs; verify exits 0 only for a trusted publisher (the app’s list or the one given), with --json', async () => {
    const out = path.join(work, 'next.iscmq');
    const created = iscm(
      'release',
      'create',
      '--questionnaire',
      questionnaireFile,
      '--recipient',
      NEW_RECIPIENT,
      '--contact',
      'iscm@iom.int',
      '--key',
      keyFile,
      '--out',
      out,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain(`${String(SOURCE.id)} ${NEXT.version}`);
    const publishers = path.join(work, 'allowed_signers');
    fs.writeFileSync(publishers, `${allowedLine}\n`);
    const verified = await verifyRelease(fs.readFileSync(out), parseAllowedSigners(allowedLine));
    expect(verified.manifest.contact.email).toBe('iscm@iom.int');
    expect(verified.manifest.contact.text.fr).toContain('iscm@iom.int');
    expect(verified.manifest.recipients.map((r) => r.age)).toEqual([NEW_RECIPIENT]);

    const trusted = iscm('release', 'verify', out, '--publishers', publishers, '--json');
    expect(trusted.code).toBe(0);
    expect(JSON.parse(trusted.stdout)).toEqual({
      ok: true,
      code: 'OK',
      message: expect.stringContaining('iom-test') as unknown,
      id: SOURCE.id,
      version: NEXT.version,
    });
    // The app's own list does not know this new key.
    const unknown = iscm('release', 'verify', out, '--json');
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({
      ok: false,
      code: 'RELEASE_PUBLISHER_UNKNOWN',
      id: null,
      version: null,
    });
    const text = iscm('release', 'verify', out, '--publishers', publishers);
    expect(text.stdout).toContain('publisher: iom-test');
  });

  it('create never writes over a file, refuses an invalid questionnaire with its errors, and names a development recipient', () => {
    const out = path.join(work, 'next.iscmq');
    expect(
      iscm(
        'release',
        'create',
        '--questionnaire',
        questionnaireFile,
        '--recipient',
        NEW_RECIPIENT,
        '--contact',
        'iscm@iom.int',
        '--key',
        keyFile,
        '--out',
        out,
      ).code,
    ).toBe(1);
    const broken = path.join(work, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ ...NEXT.json, sections: [] }));
    const refused = iscm(
      'release',
      'create',
      '--questionnaire',
      broken,
      '--recipient',
      NEW_RECIPIENT,
      '--contact',
      'iscm@iom.int',
      '--key',
      keyFile,
      '--out',
      path.join(work, 'b.iscmq'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('sections');
    expect(fs.existsSync(path.join(work, 'b.iscmq'))).toBe(false);
    // A development recipient is said to be one.
    const dev = iscm(
      'release',
      'create',
      '--questionnaire',
      questionnaireFile,
      '--recipient',
      DEVELOPMENT_RECIPIENT,
      '--contact',
      'iscm@iom.int',
      '--key',
      keyFile,
      '--out',
      path.join(work, 'dev.iscmq'),
    );
    expect(dev.stderr).toContain('development recipient');
  });

  it('usage errors exit 2', () => {
    expect(iscm('release', 'create', '--questionnaire', questionnaireFile).code).toBe(2);
    expect(iscm('release', 'verify').code).toBe(2);
    expect(iscm('release', 'nonsense').code).toBe(2);
  });

  it('verify refuses a file that is not a release, with its code', () => {
    const junk = path.join(work, 'junk.iscmq');
    fs.writeFileSync(junk, 'not a release');
    const result = iscm('release', 'verify', junk, '--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, code: 'RELEASE_NOT_A_RELEASE' });
  });

  it('add records a release in iom.db (with the publishers given), and list shows the bundled and added ones', () => {
    const db = path.join(work, 'iom.db');
    const out = path.join(work, 'next.iscmq');
    const refused = iscm('release', 'add', out, '--db', db);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('RELEASE_PUBLISHER_UNKNOWN');
    const added = iscm('release', 'add', out, '--db', db, '--publishers', path.join(work, 'allowed_signers'));
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain(`added: ${String(SOURCE.id)} ${NEXT.version} (iom-test)`);
    const listed = iscm('release', 'list', '--db', db, '--json');
    expect(listed.code).toBe(0);
    const rows = (JSON.parse(listed.stdout) as { releases: { version: string; source: string }[] }).releases;
    expect(rows.map((r) => [r.version, r.source]).sort()).toEqual(
      [...questionnaireFiles().map((q) => [q.version, 'bundled']), [NEXT.version, 'added']].sort(),
    );
  });
});
