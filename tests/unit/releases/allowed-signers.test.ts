import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findAllowedSigner,
  parseAllowedSigners,
  parseSignerTime,
} from '../../../main/services/crypto/allowed-signers.js';
import { generateSigningKeyPair, parsePublicKeyLine } from '../../../main/services/crypto/ssh-key.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const one = generateSigningKeyPair('one');
const two = generateSigningKeyPair('two');
const blob = (line: string) => parsePublicKeyLine(line).blob;
const key = (line: string) => line.split(' ').slice(0, 2).join(' ');

describe('allowed_signers (the app’s trusted publishers)', () => {
  it('reads principals, options and comments as ssh-keygen does, and skips comment lines', () => {
    const text = [
      '# IOM publishers',
      '',
      `iom-questionnaires,backup@iom.int namespaces="iscm-questionnaire,other" ${key(one.publicKey)} created 2026`,
      `someone ${key(two.publicKey)}`,
    ].join('\n');
    const parsed = parseAllowedSigners(text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.signers).toHaveLength(2);
    expect(parsed.signers[0]).toMatchObject({
      line: 3,
      principals: ['iom-questionnaires', 'backup@iom.int'],
      namespaces: ['iscm-questionnaire', 'other'],
      fingerprint: one.fingerprint,
    });
    expect(findAllowedSigner(parsed, blob(one.publicKey), 'iscm-questionnaire')?.principals[0]).toBe(
      'iom-questionnaires',
    );
    expect(findAllowedSigner(parsed, blob(two.publicKey), 'iscm-questionnaire')?.principals[0]).toBe('someone');
  });

  it('a line limited to other namespaces, out of its validity, or a certificate authority trusts nobody here', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const lines = (options: string) => parseAllowedSigners(`p ${options} ${key(one.publicKey)}`);
    expect(
      findAllowedSigner(lines('namespaces="iscm-submission"'), blob(one.publicKey), 'iscm-questionnaire', now),
    ).toBeUndefined();
    expect(
      findAllowedSigner(lines('namespaces="iscm-*"'), blob(one.publicKey), 'iscm-questionnaire', now),
    ).toBeDefined();
    expect(
      findAllowedSigner(lines('namespaces="*,!iscm-questionnaire"'), blob(one.publicKey), 'iscm-questionnaire', now),
    ).toBeUndefined();
    expect(
      findAllowedSigner(lines('valid-before="20261126Z"'), blob(one.publicKey), 'iscm-questionnaire', now),
    ).toBeUndefined();
    expect(
      findAllowedSigner(lines('valid-after="20261128Z"'), blob(one.publicKey), 'iscm-questionnaire', now),
    ).toBeUndefined();
    expect(
      findAllowedSigner(
        lines('valid-after="20260101Z",valid-before="20270101Z"'),
        blob(one.publicKey),
        'iscm-questionnaire',
        now,
      ),
    ).toBeDefined();
    expect(findAllowedSigner(lines('cert-authority'), blob(one.publicKey), 'iscm-questionnaire', now)).toBeUndefined();
    expect(
      findAllowedSigner(lines('namespaces="iscm-questionnaire"'), blob(two.publicKey), 'iscm-questionnaire', now),
    ).toBeUndefined();
  });

  it('reports the lines it cannot read, by number, and trusts nothing from them', () => {
    const parsed = parseAllowedSigners(
      ['only-a-name', `p badoption=1 ${key(one.publicKey)}`, `p namespaces="unclosed ${key(one.publicKey)}`].join('\n'),
    );
    expect(parsed.signers).toEqual([]);
    expect(parsed.problems.map((p) => p.line)).toEqual([1, 2, 3]);
    expect(() => parseSignerTime('2026-11-27')).toThrow(/not a time/);
    expect(parseSignerTime('202611271030Z').toISOString()).toBe('2026-11-27T10:30:00.000Z');
  });

  it('agrees with ssh-keygen -Y find-principals on the same file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'allowed_signers');
    fs.writeFileSync(
      file,
      `# comment\nfirst,second namespaces="iscm-questionnaire" ${key(one.publicKey)} comment\nother ${key(two.publicKey)}\n`,
    );
    const keyFile = path.join(dir, 'k');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    // Our parser's answer for one.publicKey, and ssh-keygen's for a signature by that key, name the same principal.
    const parsed = parseAllowedSigners(fs.readFileSync(file, 'utf8'));
    expect(findAllowedSigner(parsed, blob(one.publicKey), 'iscm-questionnaire')?.principals).toEqual([
      'first',
      'second',
    ]);
    const sshLine = fs.readFileSync(`${keyFile}.pub`, 'utf8').trim();
    fs.appendFileSync(file, `third ${key(sshLine)}\n`);
    fs.writeFileSync(path.join(dir, 'm'), 'message\n');
    execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-f', keyFile, '-n', 'iscm-questionnaire', path.join(dir, 'm')], {
      stdio: 'pipe',
    });
    const found = execFileSync('ssh-keygen', ['-Y', 'find-principals', '-f', file, '-s', path.join(dir, 'm.sig')], {
      encoding: 'utf8',
    });
    expect(found.trim()).toBe('third');
    expect(
      findAllowedSigner(parseAllowedSigners(fs.readFileSync(file, 'utf8')), blob(sshLine), 'iscm-questionnaire')
        ?.principals,
    ).toEqual(['third']);
  });
});
