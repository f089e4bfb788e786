import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatKeyCard } from '../../../main/services/import/key-card.js';
import { tempDir } from './iom-kit.js';
import { DEV_IDENTITY_FILE, makePackage, makeRevisions, makeSigner, type MadePackage } from './package-kit.js';

/** `iscm` as IOM staff run it: the installed bin, a real child process, real files, exit codes. */
const BIN = path.join(import.meta.dirname, '..', '..', '..', 'cli', 'bin', 'iscm.mjs');

function iscm(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let work: string;
let inbox: string;
let db: string;
let r1: MadePackage;
let r2: MadePackage;
let other: MadePackage;
const signer = makeSigner();

beforeAll(async () => {
  work = tempDir();
  inbox = path.join(work, 'inbox', 'nested');
  fs.mkdirSync(inbox, { recursive: true });
  db = path.join(work, 'iom.db');
  [r1, r2] = await makeRevisions(inbox, signer);
  other = await makePackage({ dir: path.join(work, 'inbox'), signer: makeSigner('Other'), mechanismIndex: 3 });
});

describe('iscm (child processes)', () => {
  it('keygen writes a 0600 identity, prints the recipient, and refuses to overwrite', () => {
    const out = path.join(work, 'iom-identity.txt');
    const first = iscm('keygen', '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout.trim()).toMatch(/^age1[0-9a-z]{58}$/);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(iscm('keygen', '--out', out).code).toBe(1);
  });

  it('import: a folder recursively, plain lines when not a terminal, exit 1 when something was rejected', () => {
    const junk = path.join(work, 'inbox', 'junk.iscm');
    fs.writeFileSync(junk, 'not a package');
    const result = iscm('import', path.join(work, 'inbox'), '--db', db, '--identity', DEV_IDENTITY_FILE);
    fs.rmSync(junk);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines.filter((l) => /^(imported|superseded|rejected)\s/.test(l))).toHaveLength(4);
    expect(result.stdout).toContain('rejected   DECRYPT_FAILED');
    expect(result.stdout).toMatch(/4 files: imported 3, superseded 0, duplicate 0, conflict 0, held 0, rejected 1 \(DECRYPT_FAILED 1\)/);
  });

  it('import --json: one object with the figures and each file; exit 0 when nothing was rejected', () => {
    const result = iscm('import', r1.path, r2.path, other.path, '--db', db, '--identity', DEV_IDENTITY_FILE, '--json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { total: number; duplicate: number; rejected: number; files: { code: string }[] };
    expect(report).toMatchObject({ total: 3, duplicate: 3, rejected: 0 });
    expect(report.files.map((f) => f.code)).toEqual(['DUPLICATE', 'DUPLICATE', 'DUPLICATE']);
  });

  it('status: per mechanism the current revision, or "no submission"', () => {
    const text = iscm('status', '--db', db);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('no submission');
    expect(text.stdout).toContain(`secretariat revision 2, signed by Amina Diallo ${signer.fingerprint}`);
    const json = JSON.parse(iscm('status', '--db', db, '--json').stdout) as { mechanisms: { mechanism: string; current: { revision: number }[] }[] };
    const mine = json.mechanisms.find((m) => m.mechanism === r2.manifest.mechanism.value);
    expect(mine?.current.map((c) => c.revision)).toEqual([2]);
  });

  it('export csv and xlsx; a wrong format is a usage error', () => {
    const out = path.join(work, 'export');
    const csv = iscm('export', '--db', db, '--format', 'csv', '--out', out, '--lang', 'ar', '--all-revisions');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('3 submissions');
    expect(fs.existsSync(path.join(out, 'iscm-assessment.csv'))).toBe(true);
    expect(iscm('export', '--db', db, '--format', 'xlsx', '--out', out).code).toBe(0);
    expect(fs.existsSync(path.join(out, 'iscm-assessment.xlsx'))).toBe(true);
    const bad = iscm('export', '--db', db, '--format', 'pdf', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: iscm export');
  });

  it('keys: a changed key is held, listed, then accepted with who', async () => {
    const replacement = makeSigner('Amina (new laptop)');
    const r3 = await makePackage({ dir: work, signer: replacement, rootId: r1.submissionId, supersedes: r2.submissionId, revision: 3 });
    const held = iscm('import', r3.path, '--db', db, '--identity', DEV_IDENTITY_FILE);
    expect(held.code).toBe(0);
    expect(held.stdout).toContain('held       KEY_CHANGED');
    expect(iscm('keys', 'list', '--db', db).stdout).toContain(`HELD   ${r3.manifest.mechanism.value} ${replacement.fingerprint}`);
    const mechanism = r3.manifest.mechanism.value;
    const accept = iscm('keys', 'accept', '--db', db, '--identity', DEV_IDENTITY_FILE, '--mechanism', mechanism, '--fingerprint', replacement.fingerprint, '--by', 'Jean Dupont');
    expect(accept.code).toBe(0);
    expect(accept.stdout).toContain('IMPORTED');
    const list = JSON.parse(iscm('keys', 'list', '--db', db, '--json').stdout) as { pinned: { mechanism: string; pinned_by: string }[] };
    expect(list.pinned.find((k) => k.mechanism === mechanism)?.pinned_by).toBe('Jean Dupont');
  });

  it('keys import-card pins ahead of time; unknown subcommands and missing options exit 2', () => {
    const card = path.join(work, 'card.txt');
    const key = makeSigner('Future signer');
    fs.writeFileSync(card, formatKeyCard({ name: 'Future signer', mechanism: 'mena_rcp', publicKey: key.publicKey, fingerprint: key.fingerprint }));
    const result = iscm('keys', 'import-card', card, '--db', db, '--by', 'Jean');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`pinned ${key.fingerprint} for mena_rcp\n`);
    expect(iscm('keys', 'frobnicate', '--db', db).code).toBe(2);
    const missing = iscm('status', '--db', path.join(work, 'nowhere.db'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no import database');
    expect(fs.existsSync(path.join(work, 'nowhere.db'))).toBe(false);
    expect(iscm('import', r1.path, '--db', db).code).toBe(2);
    expect(iscm('import', r1.path, '--db', db, '--identity', path.join(work, 'missing.txt')).code).toBe(1);
  });
});

describe('iscm import on a terminal', () => {
  it('draws a progress bar on stderr and prints each outcome and the summary', async () => {
    const { runImportCommand } = await import('../../../cli/commands/import.js');
    const out: string[] = [];
    const err: string[] = [];
    const dir = tempDir();
    const pkg = await makePackage({ dir, signer: makeSigner() });
    const code = await runImportCommand([pkg.path, '--db', path.join(dir, 'iom.db'), '--identity', DEV_IDENTITY_FILE], {
      stdout: (s) => out.push(s),
      stderr: (s) => err.push(s),
      isTTY: true,
    });
    expect(code).toBe(0);
    expect(err.join('')).toMatch(/\r\[#{30}\] 1\/1 /);
    expect(out.join('')).toMatch(/^imported\s+IMPORTED/m);
    expect(out.join('')).toContain('1 file: imported 1, superseded 0');
  });
});
