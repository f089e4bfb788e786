import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AnswerValue } from '../../core/answers/value.js';
import type { IscmApi } from '../../core/contract/index.js';
import { fullSecretariatAnswers } from '../unit/submissions/full-answers.js';
import { expect, test } from './fixtures.js';
import { expectNoSeriousViolations } from './axe.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEV_IDENTITY = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');
const PASSPHRASE = 'a passphrase for the e2e test';
const ISCM = path.join(ROOT, 'cli', 'bin', 'iscm.mjs');

/** `iscm verify FILE --identity DEV --json`, through the real CLI entry. */
function iscmVerify(file: string): { status: number | null; report: Record<string, unknown> } {
  const run = spawnSync('node', [ISCM, 'verify', file, '--identity', DEV_IDENTITY, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: run.status, report: JSON.parse(run.stdout) as Record<string, unknown> };
}

/** No serious or critical axe violation on the screen shown. */
/** The bulk of the answers through the app's own API (the wizard is covered by filling.spec.ts). */
async function fillDraft(page: Page, answers: Record<string, AnswerValue>): Promise<string> {
  return page.evaluate(async (all) => {
    // Runs in the page: `window.iscm` is the app's API (this file is typed for Node).
    const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
    const created = await iscm.drafts.create({
      title: 'Bali Process 2026',
      respondentKind: 'secretariat',
      mechanism: 'bali_process',
      language: 'en',
    });
    if (!created.ok) throw new Error(created.error.message);
    for (const [p, value] of Object.entries(all)) {
      const saved = await iscm.answers.save({ draftId: created.value.id, path: p, value });
      if (!saved.ok) throw new Error(`${p}: ${saved.error.message}`);
    }
    return created.value.id;
  }, answers);
}

async function finalizeFromReview(page: Page, draftId: string, revision: number): Promise<void> {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/drafts/${draftId}/review`);
  await page.getByRole('link', { name: 'Finalize and sign' }).click();
  await expect(page.getByRole('heading', { name: 'Finalize and sign' })).toBeVisible();
  await page.getByLabel(/I declare that the information given is accurate/).check();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Finalize and sign' }).click();
  await expect(page.getByRole('heading', { name: `Signed revision ${revision}` })).toBeVisible({ timeout: 20_000 });
}

async function exportRevision(page: Page, fileName: RegExp): Promise<string> {
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: fileName }).click();
  const saved = page.getByText(/^Saved to /);
  await expect(saved).toBeVisible({ timeout: 20_000 });
  return ((await saved.textContent()) ?? '').replace(/^Saved to /, '').trim();
}

test('fill, create a key, finalize, export, amend, finalize and export revision 2; both verify', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  const today = new Date().toISOString().slice(0, 10);
  await page.goto(app.url);
  const draftId = await fillDraft(page, fullSecretariatAnswers({ today }));

  // The review page offers to finalize; without a key, the finalize page sends us to make one.
  await page.goto(`${app.url}#/drafts/${draftId}/review`);
  await page.getByRole('link', { name: 'Finalize and sign' }).click();
  await page.getByRole('link', { name: 'Create a signing key' }).click();
  await page.getByLabel('Full name').fill('Amina Diallo');
  await page.getByLabel('Title').fill('Head of Office');
  await page.getByLabel('Organisation or mechanism').fill('Bali Process RSO');
  await page.getByLabel('Mechanism (optional)').selectOption('bali_process');
  await page.getByLabel('Email (optional)').fill('amina@example.org');
  // The passphrase, not its confirmation (the label ends with the required mark).
  await page.getByLabel(/^Passphrase[\s*]*(\(required\))?$/).fill(PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create signing key' }).click();
  await expect(page.getByText('Signing key created for Amina Diallo.')).toBeVisible({ timeout: 20_000 });

  // The OpenSSH line and the fingerprint, exactly as ssh-keygen -lf prints it.
  await expectNoSeriousViolations(page, 'signing keys');
  const publicKey = (await page.getByTestId('public-key').textContent()) ?? '';
  const fingerprint = (await page.getByTestId('fingerprint').textContent()) ?? '';
  const pub = path.join(app.dataDir, 'e2e-key.pub');
  fs.writeFileSync(pub, `${publicKey}\n`);
  expect(execFileSync('ssh-keygen', ['-lf', pub], { encoding: 'utf8' }).trim()).toBe(
    `256 ${fingerprint} Amina Diallo (ED25519)`,
  );
  await page.getByRole('button', { name: 'Export public key card of Amina Diallo' }).click();
  await expect(page.getByText(/^Public key card saved to .*bali_process-Amina-Diallo-key-card\.txt/)).toBeVisible();
  expect(fs.readFileSync(path.join(app.dataDir, 'exports', 'bali_process-Amina-Diallo-key-card.txt'), 'utf8')).toContain(
    `Fingerprint: ${fingerprint}`,
  );
  // IOM registers the key from the card, for the mechanism's secretariat, with its own command, in
  // its own folder (its own computer in real life): a folder has one writer, and the secretariat's
  // app holds the data folder.
  const iomDb = path.join(app.dataDir, 'iom-side', 'iom.db');
  const registered = spawnSync(
    'node',
    [
      ISCM,
      'keys',
      'import-card',
      path.join(app.dataDir, 'exports', 'bali_process-Amina-Diallo-key-card.txt'),
      '--db',
      iomDb,
      '--kind',
      'secretariat',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(registered.status, `${registered.stdout}${registered.stderr}`).toBe(0);

  // A wrong passphrase is refused clearly and nothing is frozen.
  await page.goto(`${app.url}#/signing/finalize/${draftId}`);
  await page.getByLabel(/I declare that/).check();
  await page.getByLabel('Passphrase').fill('not my passphrase');
  await page.getByRole('button', { name: 'Finalize and sign' }).click();
  // The refusal comes after main's scrypt derivation: seconds on a busy machine, like the other unlocks here.
  await expect(page.getByRole('alert')).toContainText('WRONG_PASSPHRASE', { timeout: 20_000 });
  await expectNoSeriousViolations(page, 'finalize');

  await finalizeFromReview(page, draftId, 1);
  await expect(page.getByTestId('dev-warning')).toContainText('sealed to a development key');
  await expectNoSeriousViolations(page, 'signed revision');
  const first = await exportRevision(page, /^Export bali_process-secretariat-r1\.iscm$/);
  expect(path.basename(first)).toBe('bali_process-secretariat-r1.iscm');

  // The finalized draft refuses changes.
  const refused = await page.evaluate(
    (id) =>
      (globalThis as unknown as { iscm: IscmApi }).iscm.answers.save({
        draftId: id,
        path: 'respondent_role',
        value: 'x',
      }),
    draftId,
  );
  expect(refused).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });

  await page.getByRole('button', { name: 'Amend (start revision 2)' }).click();
  await expect(page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}/);
  const amendId = /#\/drafts\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(amendId).not.toBe(draftId);
  const changed = await page.evaluate(
    (id) =>
      (globalThis as unknown as { iscm: IscmApi }).iscm.answers.save({
        draftId: id,
        path: 'meetings_last_year',
        value: 7,
      }),
    amendId,
  );
  expect(changed.ok).toBe(true);
  await finalizeFromReview(page, amendId, 2);
  const second = await exportRevision(page, /^Export bali_process-secretariat-r2\.iscm$/);

  const v1 = iscmVerify(first);
  const v2 = iscmVerify(second);
  expect(v1.status, JSON.stringify(v1.report)).toBe(0);
  expect(v2.status, JSON.stringify(v2.report)).toBe(0);
  expect(v1.report).toMatchObject({ ok: true, revision: 1, supersedes: null, signer: { fingerprint } });
  expect(v2.report).toMatchObject({
    ok: true,
    revision: 2,
    supersedes: v1.report.submissionId,
    signer: { fingerprint },
  });

  // And IOM's import takes both, the key registered from the card, revision 2 superseding 1.
  const imported = spawnSync(
    'node',
    [ISCM, 'import', first, second, '--db', iomDb, '--identity', DEV_IDENTITY, '--json'],
    { cwd: ROOT, encoding: 'utf8' },
  );
  expect(imported.status, `${imported.stdout}${imported.stderr}`).toBe(0);
  const status = spawnSync('node', [ISCM, 'status', '--db', iomDb, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const secretariat = (
    JSON.parse(status.stdout) as {
      mechanisms: { mechanism: string; secretariat: { chains: { revision: number; newSigner: boolean }[] } }[];
    }
  ).mechanisms.find((m) => m.mechanism === 'bali_process')?.secretariat;
  // Revision 2 is current, and the key was registered from the card (not a new signer).
  expect(secretariat?.chains.map((c) => [c.revision, c.newSigner])).toEqual([[2, false]]);

  // The readable summary for the secretariat's records (HTML in the web host).
  await page.getByRole('button', { name: 'Save summary as HTML' }).click();
  await expect(page.getByText(/^Summary saved to .*-r2-summary\.html\u2069?$/)).toBeVisible();
});
