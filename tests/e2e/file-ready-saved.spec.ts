import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { IscmApi } from '../../core/contract/index.js';
import { fullSecretariatAnswers } from '../unit/submissions/full-answers.js';
import { expect, test } from './fixtures.js';
import { expectNoSeriousViolations } from './axe.js';

/**
 * "Your file is ready" for the public key card and the readable summary (issue 14), in the web
 * host: each offers Download (main serves only a file it saved this session), Copy path, and its
 * own words for a refused email; a file deleted since is refused in the user's language.
 */

const PASSPHRASE = 'a passphrase for the saved files test';
const SHOTS = process.env.I14_SHOTS_DIR ?? 'test-results/file-ready-saved';

/** A signing key and a finalized revision, through the app's own API (the forms are covered elsewhere). */
async function signedRevision(page: Page, language: Language): Promise<{ submissionId: string }> {
  const today = new Date().toISOString().slice(0, 10);
  return page.evaluate(
    async ({ answers, language, passphrase }) => {
      const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
      const made = await iscm.identities.create({ name: 'Amina Diallo', title: 'Head of Office', organisation: 'Bali Process RSO', mechanism: 'bali_process', email: '', passphrase });
      if (!made.ok) throw new Error(made.error.message);
      const created = await iscm.drafts.create({ title: 'Bali Process 2026', respondentKind: 'secretariat', mechanism: 'bali_process', language });
      if (!created.ok) throw new Error(created.error.message);
      for (const [p, value] of Object.entries(answers)) {
        const saved = await iscm.answers.save({ draftId: created.value.id, path: p, value });
        if (!saved.ok) throw new Error(`${p}: ${saved.error.message}`);
      }
      const done = await iscm.submissions.finalize({ draftId: created.value.id, identityId: made.value.identity.id, passphrase, declaration: true });
      if (!done.ok) throw new Error(done.error.message);
      return { submissionId: done.value.id };
    },
    { answers: fullSecretariatAnswers({ today }), language, passphrase: PASSPHRASE },
  );
}

/** Clicks the step's Download button and checks the browser saved the very bytes on disk, under the file's name. */
async function downloadsItself(page: Page, ready: Locator, file: string, label: string): Promise<void> {
  const name = file.split('/').pop() ?? '';
  await expect(ready.getByRole('button', { name: label })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await ready.getByRole('button', { name: label }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(name);
  expect(fs.readFileSync(await download.path()).equals(fs.readFileSync(file))).toBe(true);
}

const shot = async (page: Page, ready: Locator, name: string): Promise<void> => {
  await ready.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

test.use({ viewport: { width: 1024, height: 768 } });

test('the key card and the summary: file ready, Download of each, a deleted file refused in words', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  const { submissionId } = await signedRevision(page, 'en');

  // The key card, from the keys screen.
  await page.goto(`${app.url}#/signing`);
  await page.getByRole('button', { name: 'Export public key card of Amina Diallo' }).click();
  const card = page.getByTestId('file-ready');
  await expect(card.getByRole('heading', { name: 'Your file is ready' })).toBeFocused();
  const cardFile = `${app.dataDir}/exports/bali_process-Amina-Diallo-key-card.txt`;
  await expect(card.locator('.file-name')).toHaveText('bali_process-Amina-Diallo-key-card.txt');
  await expect(card).toContainText(`${app.dataDir}/exports`);
  // The web host has no file manager: Download, never Show in folder.
  await expect(card.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: 'Copy path' })).toBeVisible();
  await expect(card).toContainText('The key card is a small text file.');
  await expect(card).not.toContainText('signed and encrypted');
  await downloadsItself(page, card, cardFile, 'Download bali_process-Amina-Diallo-key-card.txt');
  await expect(card.getByRole('status')).toHaveText('Your browser saves it to its downloads folder.');
  await shot(page, card, 'key-card-en');
  await expectNoSeriousViolations(page, 'key card ready');

  // The summary, from the signed revision.
  await page.goto(`${app.url}#/signing/revisions/${submissionId}`);
  await page.getByRole('button', { name: 'Save summary as HTML' }).click();
  const summary = page.locator('.signing-summary').getByTestId('file-ready');
  await expect(summary.getByRole('heading', { name: 'Your file is ready' })).toBeFocused();
  await expect(summary.locator('.file-name')).toHaveText('bali_process-secretariat-r1-summary.html');
  const summaryFile = `${app.dataDir}/exports/bali_process-secretariat-r1-summary.html`;
  await expect(summary.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  await expect(summary).toContainText('neither signed nor encrypted');
  await downloadsItself(page, summary, summaryFile, 'Download bali_process-secretariat-r1-summary.html');
  await shot(page, summary, 'summary-en');
  await expectNoSeriousViolations(page, 'summary ready');

  // The file deleted since: refused, and the step says so in words.
  fs.rmSync(summaryFile);
  await summary.getByRole('button', { name: 'Download bali_process-secretariat-r1-summary.html' }).click();
  await expect(summary.getByRole('status')).toHaveText(
    'The file is no longer where the app saved it: it was moved, renamed or deleted. Save it again. (NOT_FOUND)',
  );
});

test('in Arabic: the key card and the summary are ready, downloaded, right to left', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.goto(app.url);
  const { submissionId } = await signedRevision(page, 'ar');
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await page.goto(`${app.url}#/signing`);
  await page.getByRole('button', { name: 'تصدير بطاقة المفتاح العام الخاصة بـ Amina Diallo' }).click();
  const card = page.getByTestId('file-ready');
  await expect(card.getByRole('heading', { name: 'ملفكم جاهز' })).toBeFocused();
  await expect(card).toContainText('بطاقة المفتاح ملف نصي صغير');
  await downloadsItself(page, card, `${app.dataDir}/exports/bali_process-Amina-Diallo-key-card.txt`, 'تنزيل bali_process-Amina-Diallo-key-card.txt');
  await shot(page, card, 'key-card-ar');
  await expectNoSeriousViolations(page, 'key card ready (ar)');

  await page.goto(`${app.url}#/signing/revisions/${submissionId}`);
  await page.getByRole('button', { name: 'حفظ الملخص بصيغة HTML' }).click();
  const summary = page.locator('.signing-summary').getByTestId('file-ready');
  await expect(summary.getByRole('heading', { name: 'ملفكم جاهز' })).toBeFocused();
  await expect(summary).toContainText('غير موقَّع وغير مشفَّر');
  const summaryFile = `${app.dataDir}/exports/bali_process-secretariat-r1-summary.html`;
  await downloadsItself(page, summary, summaryFile, 'تنزيل bali_process-secretariat-r1-summary.html');
  await shot(page, summary, 'summary-ar');
  await expectNoSeriousViolations(page, 'summary ready (ar)');

  // Changed since saved: refused in Arabic, with its own words.
  fs.appendFileSync(summaryFile, '<p>changed</p>');
  await summary.getByRole('button', { name: 'تنزيل bali_process-secretariat-r1-summary.html' }).click();
  await expect(summary.getByRole('status')).toHaveText('تغيَّر الملف منذ أن حفظه التطبيق. احفظوه مرة أخرى. (CONFLICT)');
});
