import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKeygenCommand } from '../../../cli/commands/keygen.js';
import { runVerifyCommand } from '../../../cli/commands/verify.js';
import { AGE_RECIPIENT_PATTERN, parseIdentityFile, recipientOfIdentity } from '../../../main/services/crypto/age.js';
import { DEV_IDENTITY_FILE, tempDir, writeSamplePackage } from './fixtures.js';
import { seal, validParts, zipParts } from './hostile-kit.js';
import { makeSigner } from './fixtures.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) }, out, err };
}

describe('iscm keygen', () => {
  it('writes an identity with mode 0600 and prints its recipient', async () => {
    const file = path.join(tempDir(), 'iom-identity.txt');
    const { io, out } = capture();
    expect(await runKeygenCommand(['--out', file], io)).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const recipient = out.join('').trim();
    expect(recipient).toMatch(AGE_RECIPIENT_PATTERN);
    expect(await recipientOfIdentity(parseIdentityFile(fs.readFileSync(file, 'utf8')))).toBe(recipient);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['iom-identity.txt']);
  });

  it('refuses to overwrite an existing file', async () => {
    const file = path.join(tempDir(), 'existing.txt');
    fs.writeFileSync(file, 'precious');
    const { io, err } = capture();
    expect(await runKeygenCommand(['--out', file], io)).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
    expect(err.join('')).toMatch(/already exists/);
  });

  it('prints usage on bad arguments', async () => {
    const { io } = capture();
    expect(await runKeygenCommand([], io)).toBe(2);
    expect(await runKeygenCommand(['--out'], io)).toBe(2);
  });
});

describe('iscm verify', () => {
  it('prints signer, fingerprint, mechanism, revision and every check passed; exit 0', async () => {
    const written = await writeSamplePackage();
    const { io, out } = capture();
    expect(await runVerifyCommand([written.path, '--identity', DEV_IDENTITY_FILE], io)).toBe(0);
    const text = out.join('');
    expect(text).toContain(`Fingerprint: ${written.signer.fingerprint}`);
    expect(text).toContain('Signer: Amina Diallo');
    expect(text).toContain('Mechanism: Regional Conference on Migration (mx-rcm)');
    expect(text).toContain('Revision: 1');
    expect(text).toContain('passed   Signature valid');
    expect(text).not.toMatch(/FAILED|not run/);
  });

  it('reports the failed check as JSON; exit 1', async () => {
    const signer = makeSigner();
    const file = await seal(await zipParts(validParts(signer, { namespace: 'file' })));
    const { io, out } = capture();
    expect(await runVerifyCommand([file, '--identity', DEV_IDENTITY_FILE, '--json'], io)).toBe(1);
    const result = JSON.parse(out.join('')) as {
      ok: boolean;
      code: string;
      verified: boolean;
      signer: { fingerprint: string };
      checks: { stage: string; status: string }[];
    };
    expect(result).toMatchObject({ ok: false, code: 'SIGNATURE_INVALID', verified: false });
    expect(result.signer.fingerprint).toBe(signer.fingerprint);
    expect(result.checks.find((c) => c.stage === 'signature')?.status).toBe('failed');
    expect(result.checks.find((c) => c.stage === 'entries')?.status).toBe('passed');
    expect(result.checks.find((c) => c.stage === 'responses')?.status).toBe('not-run');
  });

  it('exits 2 on usage errors and unreadable identities', async () => {
    const { io } = capture();
    expect(await runVerifyCommand(['x.iscm'], io)).toBe(2);
    expect(await runVerifyCommand(['x.iscm', '--identity', path.join(tempDir(), 'missing.txt')], io)).toBe(2);
  });
});
