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
/** The secretariat's fresh start with a new key (set by the keys test, used by the duplicates test). */
let restarted: MadePackage;
const signer = makeSigner();

beforeAll(async () => {
  work = tempDir();
  inbox = path.join(work, 'inbox', 'nested');
  fs.mkdirSync(inbox, { recursive: true });
  db = path.join(work, 'iom.db');
  [r1, r2] = await makeRevisions(inbox, signer);
  other = await makePackage({ dir: path.join(work, 'inbox'), signer: makeSigner('Other'), mechanismIndex: 3 });
});

// Each `iscm` run starts tsx in a child process: on a loaded machine a test of several runs takes minutes.
describe('iscm (child processes)', { timeout: 240_000 }, () => {
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

  it('status: per mechanism the secretariat, States and organisations, or "nothing received"', () => {
    const text = iscm('status', '--db', db);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('nothing received');
    expect(text.stdout).toContain(`  secretariat: revision 2, signed by Amina Diallo ${signer.fingerprint} (new signer), finalized`);
    expect(text.stdout).toContain('  States: 0 received of 0 expected');
    const json = JSON.parse(iscm('status', '--db', db, '--json').stdout) as {
      mechanisms: { mechanism: string; secretariat: { chains: { revision: number }[] } }[];
    };
    const mine = json.mechanisms.find((m) => m.mechanism === r2.manifest.mechanism.value);
    expect(mine?.secretariat.chains.map((c) => c.revision)).toEqual([2]);
  });

  it('export csv and xlsx; a wrong format is a usage error', () => {
    const out = path.join(work, 'export');
    // The chosen folder must exist: a typed path is not created.
    const missing = iscm('export', '--db', db, '--format', 'csv', '--out', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`The export folder ${out} does not exist`);
    fs.mkdirSync(out);
    const csv = iscm('export', '--db', db, '--format', 'csv', '--out', out, '--lang', 'ar', '--all-revisions');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('3 submissions');
    const csvFolder = /^export folder: (.+)$/m.exec(csv.stdout)?.[1] ?? '';
    expect(path.dirname(csvFolder)).toBe(out);
    expect(path.basename(csvFolder)).toMatch(/^iscm-export-\d{8}-\d{6}Z$/);
    expect(fs.existsSync(path.join(csvFolder, 'iscm-assessment.csv'))).toBe(true);
    const xlsx = iscm('export', '--db', db, '--format', 'xlsx', '--out', out, '--json', '--labels', '--lang', 'fr', '--split-choices');
    expect(xlsx.code).toBe(0);
    const written = JSON.parse(xlsx.stdout) as { folder: string; files: string[] };
    expect(written.files).toEqual([path.join(written.folder, 'iscm-assessment.xlsx')]);
    expect(fs.existsSync(written.files[0] ?? '')).toBe(true);
    // A relative --out is refused before anything is opened, and says why.
    const relative = iscm('export', '--db', db, '--format', 'csv', '--out', 'exports');
    expect(relative.code).toBe(2);
    expect(relative.stderr).toContain('--out must be a full path');
    expect(iscm('export', '--db', db, '--format', 'csv').stderr).toContain('--out is required');
    const bad = iscm('export', '--db', db, '--format', 'pdf', '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: iscm export');
  });

  it('review: has issues with a comment, then approved; --show prints the log; status shows the review; iom.db is owner-only', () => {
    expect(fs.statSync(db).mode & 0o777).toBe(0o600);
    const issues = iscm('review', r2.submissionId, '--db', db, '--state', 'has_issues', '--comment', 'Section C is empty.', '--actor', 'Marie');
    expect(issues.code).toBe(0);
    expect(issues.stdout).toContain(`${r2.submissionId}: has issues (by Marie on `);
    const approved = iscm('review', `uuid:${r2.submissionId}`, '--db', db, '--state', 'approved', '--actor', 'Jean', '--json');
    expect(approved.code).toBe(0);
    expect(JSON.parse(approved.stdout)).toMatchObject({ state: 'approved', reviewedBy: 'Jean', lastComment: 'Section C is empty.' });
    const shown = iscm('review', r2.submissionId, '--db', db, '--show');
    expect(shown.stdout).toMatch(/imported: received\n.*Marie: received → has issues — “Section C is empty.”\n.*Jean: has issues → approved\n$/);
    expect(iscm('status', '--db', db).stdout).toContain(', review: approved');
    const bad = iscm('review', r2.submissionId, '--db', db, '--state', 'fine');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--state is has_issues, approved or rejected');
    const unknown = iscm('review', '55555555-5555-4555-8555-555555555555', '--db', db, '--show');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No submission 55555555-5555-4555-8555-555555555555 is imported.');
  });

  it('a revision of a chain signed by another key is refused (CHAIN_MISMATCH) and listed in the quarantine', async () => {
    const replacement = makeSigner('Amina (new laptop)');
    const r3 = await makePackage({ dir: work, signer: replacement, rootId: r1.submissionId, supersedes: r2.submissionId, revision: 3 });
    const refused = iscm('import', r3.path, '--db', db, '--identity', DEV_IDENTITY_FILE);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('rejected   CHAIN_MISMATCH');
    expect(refused.stdout).toContain(`is signed by Amina Diallo (${signer.fingerprint})`);
    const quarantine = JSON.parse(iscm('quarantine', 'list', '--db', db, '--json').stdout) as { quarantine: { code: string; file_sha256: string }[] };
    expect(quarantine.quarantine.find((q) => q.file_sha256 === r3.sha256)?.code).toBe('CHAIN_MISMATCH');
    expect(iscm('quarantine', 'list', '--db', db).stdout).toMatch(/CHAIN_MISMATCH\s+\S+\.iscm \[key\]/);
  });

  it('keys: a new key for the secretariat is held, listed, then accepted beside the first', async () => {
    const replacement = makeSigner('Amina (new laptop)');
    const fresh = await makePackage({ dir: work, signer: replacement, note: 'started again' });
    const held = iscm('import', fresh.path, '--db', db, '--identity', DEV_IDENTITY_FILE);
    expect(held.code).toBe(0);
    expect(held.stdout).toContain('held       KEY_CHANGED');
    const mechanism = fresh.manifest.mechanism.value;
    expect(iscm('held', 'list', '--db', db).stdout).toContain(`HELD ${replacement.fingerprint} Amina Diallo for ${mechanism}/secretariat: key change; registered: ${signer.fingerprint}`);
    expect(iscm('keys', 'list', '--db', db).stdout).toContain(`HELD ${replacement.fingerprint}`);
    const accept = iscm('keys', 'accept', replacement.fingerprint, '--db', db, '--identity', DEV_IDENTITY_FILE, '--by', 'Jean Dupont');
    expect(accept.code).toBe(0);
    expect(accept.stdout).toMatch(/imported\s+IMPORTED .*\[possible duplicate\]/);
    const list = JSON.parse(iscm('keys', 'list', '--db', db, '--json').stdout) as { signers: { respondent_key: string; fingerprint: string; source: string; registered_by: string }[] };
    const secretariat = list.signers.filter((k) => k.respondent_key === `${mechanism}/secretariat`);
    expect(secretariat.map((k) => [k.fingerprint, k.source])).toEqual([
      [signer.fingerprint, 'package'],
      [replacement.fingerprint, 'accepted'],
    ]);
    expect(secretariat[1]?.registered_by).toBe('Jean Dupont');
    restarted = fresh;
  });

  it('duplicates: the two counted submissions of the secretariat are listed, one is chosen, the other withdrawn', () => {
    const fresh = restarted;
    const mechanism = fresh.manifest.mechanism.value;
    const duplicates = JSON.parse(iscm('duplicates', 'list', '--db', db, '--json').stdout) as { duplicates: { respondentKey: string; submissions: { rootId: string }[] }[] };
    expect(duplicates.duplicates.map((d) => d.respondentKey)).toEqual([`${mechanism}/secretariat`]);
    expect(duplicates.duplicates[0]?.submissions.map((x) => x.rootId).sort()).toEqual([r1.submissionId, fresh.submissionId].sort());
    expect(iscm('status', '--db', db).stdout).toContain('POSSIBLE DUPLICATE');
    const chose = iscm('duplicates', 'choose', fresh.submissionId, '--db', db, '--by', 'Jean Dupont');
    expect(chose.stdout).toBe(`${fresh.submissionId} counts for ${mechanism}/secretariat; withdrawn (kept): ${r1.submissionId}\n`);
    expect(iscm('duplicates', 'list', '--db', db).stdout).toContain('no possible duplicate');
    expect(iscm('status', '--db', db).stdout).toMatch(/WITHDRAWN by Jean Dupont on \d{4}-/);
  });

  it('keys import-card registers a key for one respondent ahead of time; unknown subcommands and missing options exit 2', () => {
    const card = path.join(work, 'card.txt');
    const key = makeSigner('Future signer');
    fs.writeFileSync(card, formatKeyCard({ name: 'Future signer', mechanism: 'midcom', publicKey: key.publicKey, fingerprint: key.fingerprint }));
    const result = iscm('keys', 'import-card', card, '--db', db, '--kind', 'state', '--state', 'Sénégal', '--by', 'Jean');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`registered ${key.fingerprint} for midcom/state/senegal\n`);
    const noKind = iscm('keys', 'import-card', card, '--db', db);
    expect(noKind.code).toBe(1);
    expect(noKind.stderr).toContain('Say whom this key answers for');
    const notListed = iscm('keys', 'import-card', card, '--db', db, '--kind', 'secretariat', '--mechanism', 'mena_rcp');
    expect(notListed.stderr).toContain('mechanism "mena_rcp" is not in the questionnaire\'s list');
    expect(iscm('keys', 'frobnicate', '--db', db).code).toBe(2);
    const missing = iscm('status', '--db', path.join(work, 'nowhere.db'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no import database');
    expect(fs.existsSync(path.join(work, 'nowhere.db'))).toBe(false);
    expect(iscm('import', r1.path, '--db', db).code).toBe(2);
    expect(iscm('import', r1.path, '--db', db, '--identity', path.join(work, 'missing.txt')).code).toBe(1);
  });

  it('respondents import: a CSV list with a bad line changes nothing and names each line; a good one counts States as expected', () => {
    const bad = path.join(work, 'bad.csv');
    fs.writeFileSync(bad, 'mechanism,kind,state_or_organisation\nmidcom,state,Mali\nnowhere,state,Chad\nmidcom,planet,Mars\nmidcom,state,\n');
    const refused = iscm('respondents', 'import', bad, '--db', db, '--by', 'Jean');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 3: mechanism "nowhere" is not in the questionnaire\'s list');
    expect(refused.stderr).toContain('line 4: respondent kind "planet" is not one of secretariat, state, organisation');
    expect(refused.stderr).toContain('line 5: a State respondent needs the name of the State');
    expect(JSON.parse(iscm('respondents', 'list', '--db', db, '--json').stdout)).toEqual({ expected: [] });
    const good = path.join(work, 'expected.csv');
    fs.writeFileSync(good, '\uFEFFMechanism,Kind,State or organisation\nmidcom,state,Mali\nmidcom,state,Senegal\nmidcom,secretariat,\n');
    const loaded = iscm('respondents', 'import', good, '--db', db, '--by', 'Jean');
    expect(loaded.stdout).toBe('3 respondent(s) expected: 3 added, 0 no longer expected; 0 key(s) registered\n');
    const midcom = (JSON.parse(iscm('status', '--db', db, '--json').stdout) as { mechanisms: { mechanism: string; counts: { statesExpected: number; statesReceived: number } }[] }).mechanisms.find(
      (m) => m.mechanism === 'midcom',
    );
    expect(midcom?.counts).toMatchObject({ statesExpected: 2, statesReceived: 0 });
  });

  it('strict mode: --require-registered holds a package from an unregistered key; the setting does it for every import', async () => {
    const stranger = await makePackage({ dir: work, signer: makeSigner('Stranger'), mechanismIndex: 7, respondentKind: 'organisation' });
    const held = iscm('import', stranger.path, '--db', db, '--identity', DEV_IDENTITY_FILE, '--require-registered');
    expect(held.stdout).toContain('held       SIGNER_UNREGISTERED');
    expect(iscm('settings', '--db', db).stdout).toBe('require-registered: off\n');
    expect(iscm('settings', '--db', db, '--require-registered', 'on', '--by', 'Jean').stdout).toBe('require-registered: on\n');
    const another = await makePackage({ dir: work, signer: makeSigner('Stranger 2'), mechanismIndex: 8, respondentKind: 'organisation' });
    expect(iscm('import', another.path, '--db', db, '--identity', DEV_IDENTITY_FILE).stdout).toContain('held       SIGNER_UNREGISTERED');
    expect(iscm('settings', '--db', db, '--require-registered', 'maybe').code).toBe(2);
    iscm('settings', '--db', db, '--require-registered', 'off');
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
