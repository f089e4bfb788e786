import fs from 'node:fs';
import type { Page } from '@playwright/test';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { IscmApi } from '../../core/contract/index.js';
import { fullSecretariatAnswers } from '../unit/submissions/full-answers.js';
import { expect, test } from './fixtures.js';
import { expectNoSeriousViolations } from './axe.js';

/** The end of the secretariat's journey (issue 14): read-only finalized drafts, file names, the ready step, one passphrase, the home list, and the same-respondent question (issue 12). */

const PASSPHRASE = 'a passphrase for the journey test';

/** A signing key and a complete draft, through the app's own API (the wizard and key form are covered elsewhere). */
async function setUp(page: Page, language: Language, title: string): Promise<{ draftId: string; identityId: string }> {
  const today = new Date().toISOString().slice(0, 10);
  return page.evaluate(
    async ({ answers, language, title, passphrase }) => {
      const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
      const existing = await iscm.identities.list({});
      if (!existing.ok) throw new Error(existing.error.message);
      let identityId = existing.value[0]?.id;
      if (identityId === undefined) {
        const made = await iscm.identities.create({ name: 'Amina Diallo', title: 'Head of Office', organisation: 'Bali Process RSO', mechanism: 'bali_process', email: '', passphrase });
        if (!made.ok) throw new Error(made.error.message);
        identityId = made.value.identity.id;
      }
      const created = await iscm.drafts.create({ title, respondentKind: 'secretariat', mechanism: 'bali_process', language });
      if (!created.ok) throw new Error(created.error.message);
      for (const [p, value] of Object.entries(answers)) {
        const saved = await iscm.answers.save({ draftId: created.value.id, path: p, value });
        if (!saved.ok) throw new Error(`${p}: ${saved.error.message}`);
      }
      return { draftId: created.value.id, identityId };
    },
    { answers: fullSecretariatAnswers({ today }), language, title, passphrase: PASSPHRASE },
  );
}

/** The finalize screen's one step: declaration, passphrase, "Finalize, sign and export" (its words in `button`). */
async function finalizeAndExport(page: Page, draftId: string, button: RegExp): Promise<void> {
  await page.goto(`${page.url().split('#')[0] ?? ''}#/signing/finalize/${draftId}`);
  await page.locator('#finalize-declaration').check();
  await page.locator('#finalize-passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: button }).click();
}

// Runs in the page; this file is typed for Node, so the page's globals are described here.
type PageGlobals = { document: { documentElement: { scrollWidth: number; clientWidth: number } }; navigator: { clipboard: { readText: () => Promise<string> } } };
const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => {
    const root = (globalThis as unknown as PageGlobals).document.documentElement;
    return root.scrollWidth <= root.clientWidth;
  });
const clipboardText = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).navigator.clipboard.readText());

test.use({ viewport: { width: 1024, height: 768 } });

test('one passphrase finalizes and exports; the file is ready, named for what it is; the draft opens read-only; the home list marks revisions', async ({ page, app, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
  await page.goto(app.url);
  const { draftId } = await setUp(page, 'en', 'Bali Process 2026');

  // One step, one passphrase: finalized, signed and exported.
  await finalizeAndExport(page, draftId, /^Finalize, sign and export$/);
  await expect(page.getByRole('heading', { name: 'Signed revision 1' })).toBeVisible({ timeout: 30_000 });
  const ready = page.getByTestId('file-ready');
  await expect(ready.getByRole('heading', { name: 'Your file is ready' })).toBeVisible();
  await expect(ready.locator('.file-name')).toHaveText('bali_process-secretariat-r1.iscm');
  await expect(ready).toContainText(`${app.dataDir}/exports`);
  await expect(ready.getByRole('heading', { name: 'Send it to' })).toBeVisible();
  await expect(ready.getByRole('heading', { name: 'If email refuses the attachment' })).toBeVisible();
  await expect(ready).toContainText('zip');
  // The web host offers a download, never "Show in folder" (it has no file manager).
  await expect(ready.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  const downloading = page.waitForEvent('download');
  await ready.getByRole('button', { name: 'Download bali_process-secretariat-r1.iscm' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('bali_process-secretariat-r1.iscm');
  const saved = await download.path();
  expect(fs.readFileSync(saved).equals(fs.readFileSync(`${app.dataDir}/exports/bali_process-secretariat-r1.iscm`))).toBe(true);
  // Copy path: on the clipboard, with a visible confirmation.
  await ready.getByRole('button', { name: 'Copy path' }).click();
  await expect(ready.getByRole('status')).toHaveText('Path copied to the clipboard.');
  expect(await clipboardText(page)).toBe(`${app.dataDir}/exports/bali_process-secretariat-r1.iscm`);
  expect(await noHorizontalScroll(page)).toBe(true);
  await expectNoSeriousViolations(page, 'your file is ready');

  // The finalized draft opens read-only: the banner with Amend, every field shown but disabled, no refusal.
  await page.goto(`${app.url}#/drafts/${draftId}/profile`);
  const banner = page.getByRole('region', { name: /^Finalized and exported, revision 1, on / });
  await expect(banner).toBeVisible();
  await expect(page.getByLabel('Your full name')).toBeDisabled();
  await expect(page.getByLabel('Your full name')).toHaveValue(/\S/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await noHorizontalScroll(page)).toBe(true);
  await expectNoSeriousViolations(page, 'read-only draft');

  // Amend from the banner: the new draft keeps the title as it was.
  await banner.getByRole('button', { name: 'Amend (start revision 2)' }).click();
  await expect(page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}/);
  const amendId = /#\/drafts\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(amendId).not.toBe(draftId);
  await expect(page.locator('.draft-title')).toHaveText('Bali Process 2026');
  await expect(page.getByLabel('Your full name')).toBeEnabled();
  await finalizeAndExport(page, amendId, /^Finalize, sign and export$/);
  await expect(page.getByRole('heading', { name: 'Signed revision 2' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('file-ready').locator('.file-name')).toHaveText('bali_process-secretariat-r2.iscm');

  // Exported again: a copy's " (2)", never "-2" that reads like a revision.
  await page.locator('#export-passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Export bali_process-secretariat-r2.iscm' }).click();
  await expect(page.getByTestId('file-ready').locator('.file-name')).toHaveText('bali_process-secretariat-r2 (2).iscm', { timeout: 30_000 });
  expect(fs.readdirSync(`${app.dataDir}/exports`).filter((n) => n.endsWith('.iscm')).sort()).toEqual([
    'bali_process-secretariat-r1.iscm',
    'bali_process-secretariat-r2 (2).iscm',
    'bali_process-secretariat-r2.iscm',
  ]);

  // The home list: one title, the revision as a badge, the superseded one marked, each exported file linked.
  await page.goto(app.url);
  const rows = page.getByRole('row').filter({ hasText: 'Bali Process 2026' });
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('rowheader', { name: /\(revision/ })).toHaveCount(0);
  const first = rows.filter({ hasText: 'Superseded by revision 2' });
  await expect(first).toHaveCount(1);
  await expect(first).toContainText('Revision 1');
  const current = rows.filter({ hasNotText: 'Superseded' });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText('Revision 2');
  expect(await noHorizontalScroll(page)).toBe(true);
  await expectNoSeriousViolations(page, 'home list');
  await first.getByRole('link', { name: 'Exported file: bali_process-secretariat-r1.iscm' }).click();
  await expect(page.getByRole('heading', { name: 'Signed revision 1' })).toBeVisible();
  await expect(page.getByTestId('file-ready').locator('.file-name')).toHaveText('bali_process-secretariat-r1.iscm');
});

test('in French, a second assessment of the same respondent asks whether it corrects the first, and becomes revision 2', async ({ page, app }) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  const { draftId: firstId, identityId } = await setUp(page, 'fr', 'Processus de Bali 2026');
  const done = await page.evaluate(
    async ({ draftId, identityId, passphrase }) =>
      (globalThis as unknown as { iscm: IscmApi }).iscm.submissions.finalizeAndExport({ draftId, identityId, passphrase, declaration: true, operationId: 'op-journey-fr-1' }),
    { draftId: firstId, identityId, passphrase: PASSPHRASE },
  );
  expect(done.ok).toBe(true);
  const { draftId: secondId } = await setUp(page, 'fr', 'Processus de Bali 2026 (bis)');

  // The user works in French (the app's language is theirs; opening a draft does not change it); the question says what was already sent, plainly.
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await page.goto(`${app.url}#/drafts/${secondId}`);
  await expect(page.getByLabel('Questionnaire en')).toHaveValue('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await page.goto(`${app.url}#/signing/finalize/${secondId}`);
  await expect(page.getByRole('heading', { name: 'S’agit-il d’une correction ?' })).toBeVisible();
  await expect(page.getByRole('group')).toContainText(/Vous avez déjà envoyé une évaluation pour .+ en tant que le secrétariat \(révision 1, .+\)\. S’agit-il d’une correction/);
  await expect(page.locator('#finalize-passphrase')).toHaveCount(0);
  await expectNoSeriousViolations(page, 'same-respondent question');
  await page.getByLabel('Une correction : en faire la révision 2 de l’évaluation précédente').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByText('Ce brouillon modifie désormais la révision 1 : le finaliser crée la révision 2.')).toBeVisible();

  await page.locator('#finalize-declaration').check();
  await page.locator('#finalize-passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Finaliser, signer et exporter' }).click();
  await expect(page.getByTestId('file-ready').locator('.file-name')).toHaveText('bali_process-secretariat-r2.iscm', { timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Votre fichier est prêt' })).toBeVisible();
  await expectNoSeriousViolations(page, 'fichier prêt');

  // The first draft is read-only in French, superseded by the correction.
  await page.goto(`${app.url}#/drafts/${firstId}`);
  const banner = page.getByRole('region', { name: /^Finalisée et exportée, révision 1, le / });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('link', { name: 'Remplacée par la révision 2' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a separate submission is a choice too: the draft stays revision 1 of its own', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  const { draftId: firstId, identityId } = await setUp(page, 'en', 'Bali Process 2026');
  await page.evaluate(
    async ({ draftId, identityId, passphrase }) =>
      (globalThis as unknown as { iscm: IscmApi }).iscm.submissions.finalize({ draftId, identityId, passphrase, declaration: true }),
    { draftId: firstId, identityId, passphrase: PASSPHRASE },
  );
  const { draftId: secondId } = await setUp(page, 'en', 'Bali Process 2026, other office');
  await page.goto(`${app.url}#/signing/finalize/${secondId}`);
  await expect(page.getByRole('group')).toContainText(/You already sent an assessment for .+ as the secretariat \(revision 1, .+\)/);
  await page.getByLabel('A separate submission').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.locator('#finalize-declaration').check();
  await page.locator('#finalize-passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Finalize and sign', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Signed revision 1' })).toBeVisible({ timeout: 30_000 });
});
