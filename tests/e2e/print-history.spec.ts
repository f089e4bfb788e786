import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { IscmApi } from '../../core/contract/index.js';
import { fullSecretariatAnswers } from '../unit/submissions/full-answers.js';
import { expect, test } from './fixtures.js';

/**
 * Issue 14, "Print and history" and two messages: the printed review (a matrix as a table,
 * several choices as a list), the answer history (the current value shown, Restore on one
 * line), an attachment over the size limit, and an amendment's title. At 1024×768, in English
 * and French or Arabic.
 */

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/i14print');
const PASSPHRASE = 'a passphrase for the print test';

test.use({ viewport: { width: 1024, height: 768 } });

// Runs in the page; this file is typed for Node, so the page's globals are described here.
type PageGlobals = {
  getComputedStyle: (el: unknown) => { lineHeight: string; fontSize: string };
  document: { querySelector: (selector: string) => { content?: string } | null };
  fetch: (url: string, init: { method: string; headers: Record<string, string>; body: unknown }) => Promise<{ status: number; json: () => Promise<unknown> }>;
  Blob: new (parts: unknown[]) => unknown;
};

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false });
}

/** A draft with these answers, through the app's own API (the widgets are covered elsewhere). */
function createDraft(page: Page, language: Language, title: string, answers: Record<string, AnswerValue>): Promise<string> {
  return page.evaluate(
    async ({ language, title, answers }) => {
      const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
      const created = await iscm.drafts.create({ title, respondentKind: 'secretariat', mechanism: 'bali_process', language });
      if (!created.ok) throw new Error(created.error.message);
      for (const [p, value] of Object.entries(answers)) {
        const saved = await iscm.answers.save({ draftId: created.value.id, path: p, value });
        if (!saved.ok) throw new Error(`${p}: ${saved.error.message}`);
      }
      return created.value.id;
    },
    { language, title, answers },
  );
}

/** Chooses the interface language on the home screen, as a user does. */
async function chooseLanguage(page: Page, app: { url: string }, code: Language): Promise<void> {
  await page.goto(app.url);
  await page.locator('select').filter({ has: page.locator(`option[value="${code}"]`) }).first().selectOption(code);
  await expect(page.locator('html')).toHaveAttribute('lang', code);
}

const today = () => new Date().toISOString().slice(0, 10);
const withThreeLanguages = (): Record<string, AnswerValue> => ({ ...fullSecretariatAnswers({ today: today() }), working_languages: ['english', 'french', 'arabic'] });

for (const { lang, matrixLabel, itemHeader, impactHeader, languages, row, moderate } of [
  {
    lang: 'en' as const,
    matrixLabel: /Contribution at national level/,
    itemHeader: 'Item',
    impactHeader: 'Impact',
    languages: ['English', 'French', 'Arabic'],
    row: 'Networking and coordination among migration practitioners',
    moderate: 'Moderate',
  },
  {
    lang: 'ar' as const,
    matrixLabel: /./,
    itemHeader: 'البند',
    impactHeader: 'الأثر',
    languages: ['الإنكليزية', 'الفرنسية', 'العربية'],
    row: '',
    moderate: 'متوسط',
  },
]) {
  test(`the printed review shows a matrix as a table with headers and several choices as a list (${lang})`, async ({ page, app }) => {
    if (lang !== 'en') await chooseLanguage(page, app, lang);
    else await page.goto(app.url);
    const draftId = await createDraft(page, lang, 'Bali Process 2026', withThreeLanguages());
    await page.goto(`${app.url}#/drafts/${draftId}/review`);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    await page.emulateMedia({ media: 'print' });
    // Answers only: no navigation, no buttons.
    await expect(page.locator('button:visible')).toHaveCount(0);

    const matrix = page.locator('table.review-matrix').first();
    await expect(matrix).toBeVisible();
    await expect(matrix.getByRole('columnheader')).toHaveText([itemHeader, impactHeader]);
    const rows = matrix.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(6);
    await expect(rows.first().getByRole('rowheader')).toHaveText(row === '' ? /\S/ : row);
    // The first matrix of the response: "Contribution at national level", every area "moderate".
    await expect(rows.first().getByRole('cell')).toHaveText(moderate);
    if (lang === 'en') await expect(page.getByRole('table', { name: matrixLabel }).first()).toBeVisible();

    // Working languages: a list of three items, not "English, French and Arabic" on one line.
    const list = page.locator('.review-choices').filter({ hasText: languages[0] ?? '' }).first();
    await expect(list.getByRole('listitem')).toHaveText(languages);

    await matrix.scrollIntoViewIfNeeded();
    await shot(page, `review-print-${lang}`);
  });
}

test('history shows the current value; Restore stays on one line (French, 1024×768)', async ({ page, app }) => {
  await chooseLanguage(page, app, 'fr');
  const draftId = await createDraft(page, 'fr', 'Processus de Bali 2026', {});
  await page.goto(`${app.url}#/drafts/${draftId}/profile`);
  const name = page.locator('#q-respondent_name');
  const long = 'Amina Diallo, cheffe du bureau régional d’appui du Processus de Bali, Bangkok';
  await name.fill(long);
  await name.blur();
  await expect(page.locator('#save-status')).toContainText(/\d/);
  await name.fill('Amina Diallo');
  await name.blur();
  await expect(page.locator('#save-status')).toContainText(/\d/);

  await page.getByRole('button', { name: /^Historique\W+Vos nom et prénom$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Historique de « Vos nom et prénom »' });
  await expect(dialog).toBeVisible();
  // The value now, first: what a restore would replace.
  const current = dialog.getByTestId('history-current');
  await expect(current).toContainText('Valeur actuelle');
  await expect(current).toContainText('Amina Diallo');
  await expect(current).not.toContainText('Bangkok');
  const earlier = dialog.getByRole('listitem').filter({ hasText: 'Bangkok' });
  await expect(earlier).toHaveCount(1);

  // One line: the Restore button is as tall as the one-word Close button beside it.
  const restore = earlier.getByRole('button', { name: 'Rétablir cette valeur' });
  const restoreBox = await restore.boundingBox();
  const closeBox = await dialog.getByRole('button', { name: 'Fermer' }).boundingBox();
  const lineHeight = await restore.evaluate((el) => {
    const style = (globalThis as unknown as PageGlobals).getComputedStyle(el);
    return style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.25 : parseFloat(style.lineHeight);
  });
  expect(restoreBox && closeBox).toBeTruthy();
  expect(Math.abs((restoreBox?.height ?? 0) - (closeBox?.height ?? 0))).toBeLessThan(2);
  expect(restoreBox?.height ?? 0).toBeLessThan(2 * lineHeight);
  await shot(page, 'history-fr');

  await restore.click();
  await expect(dialog).toBeHidden();
  await expect(name).toHaveValue(long);
});

for (const { lang, message } of [
  { lang: 'en' as const, message: /^Not attached: big-report\.pdf is larger than 20 MB, the largest file this question takes\.$/ },
  { lang: 'fr' as const, message: /^Non joint : big-report\.pdf fait plus de 20\s?Mo, la taille maximale d’un fichier pour cette question\.$/ },
]) {
  test(`an attachment over the limit is refused before it is sent, naming the limit (${lang})`, async ({ page, app }) => {
    if (lang !== 'en') await chooseLanguage(page, app, lang);
    else await page.goto(app.url);
    const draftId = await createDraft(page, lang, 'Bali Process 2026', { has_founding_document: 'yes' });
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/upload/attachment')) uploads.push(r.url());
    });
    await page.goto(`${app.url}#/drafts/${draftId}/structures`);
    const field = page.locator('.field.attachment').first();
    await expect(field).toBeVisible();
    const before = await field.locator('.file-list li').count();
    const chooser = page.waitForEvent('filechooser');
    await field.getByRole('button').last().click();
    await (await chooser).setFiles({ name: 'big-report.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(21 * 1024 * 1024, 0x25) });
    await expect(field.getByRole('alert')).toHaveText(message);
    // Nothing else changed: no byte sent, no file listed, the answer still empty.
    expect(uploads).toEqual([]);
    await expect(field.locator('.file-list li')).toHaveCount(before);
    const stored = await page.evaluate(async (id) => {
      const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
      const answers = await iscm.answers.history({ draftId: id, path: 'founding_document_file' });
      return answers.ok ? answers.value.length : -1;
    }, draftId);
    expect(stored).toBe(0);
    await shot(page, `attachment-too-large-${lang}`);
  });
}

test('the web host answers an over-limit upload with 413 PAYLOAD_TOO_LARGE and the limit, not a dropped connection', async ({ page, app }) => {
  await page.goto(app.url);
  const draftId = await createDraft(page, 'en', 'Bali Process 2026', { has_founding_document: 'yes' });
  // A client that skips the size check (or does not know the question): the host still answers in words.
  const answer = await page.evaluate(async (id) => {
    const { document, fetch, Blob } = globalThis as unknown as PageGlobals;
    const token = document.querySelector('meta[name="iscm-token"]')?.content ?? '';
    const query = new URLSearchParams({ draftId: id, path: 'founding_document_file', name: 'big-report.pdf', pending: '0' });
    const response = await fetch(`./upload/attachment?${query.toString()}`, {
      method: 'POST',
      headers: { 'x-iscm-token': token, 'Content-Type': 'application/octet-stream' },
      body: new Blob([new Uint8Array(21 * 1024 * 1024)]),
    });
    return { status: response.status, body: await response.json() };
  }, draftId);
  expect(answer).toEqual({
    status: 413,
    body: {
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'big-report.pdf is larger than the 20 MB limit.', details: { name: 'big-report.pdf', sizeLimit: 20 * 1024 * 1024 } },
    },
  });
});

test('an amendment of a draft titled "… (revision 2) (copie)" is titled plainly; duplicating does not pile up "(copie)"', async ({ page, app }) => {
  test.setTimeout(120_000);
  await chooseLanguage(page, app, 'fr');
  const draftId = await createDraft(page, 'fr', 'Processus de Bali 2026 (revision 2) (copie)', fullSecretariatAnswers({ today: today() }));
  const submissionId = await page.evaluate(
    async ({ id, passphrase }) => {
      const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
      const made = await iscm.identities.create({ name: 'Amina Diallo', title: 'Cheffe de bureau', organisation: 'RSO', mechanism: 'bali_process', email: '', passphrase });
      if (!made.ok) throw new Error(made.error.message);
      const finalized = await iscm.submissions.finalize({ draftId: id, identityId: made.value.identity.id, passphrase, declaration: true });
      if (!finalized.ok) throw new Error(finalized.error.message);
      return finalized.value.id;
    },
    { id: draftId, passphrase: PASSPHRASE },
  );
  expect(submissionId).toBeTruthy();

  await page.goto(`${app.url}#/drafts/${draftId}/profile`);
  await page.getByRole('button', { name: 'Modifier (commencer la révision 2)' }).click();
  await expect(page).not.toHaveURL(new RegExp(draftId));
  await expect(page.locator('.draft-title')).toHaveText('Processus de Bali 2026');

  await page.goto(app.url);
  const amended = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Processus de Bali 2026', exact: true }) });
  await expect(amended).toHaveCount(1);
  // Duplicating the old title: one "(copie)", the app's earlier suffixes gone.
  await page.getByRole('button', { name: 'Dupliquer Processus de Bali 2026 (revision 2) (copie)' }).click();
  await expect(page.getByRole('rowheader', { name: 'Processus de Bali 2026 (copie)', exact: true })).toHaveCount(1);
  await page.getByRole('button', { name: 'Dupliquer Processus de Bali 2026 (copie)' }).click();
  await expect(page.getByRole('rowheader', { name: 'Processus de Bali 2026 (copie)', exact: true })).toHaveCount(2);
  await expect(page.getByRole('rowheader', { name: /\(copie\) \(copie\)|\(revision 2\) \(copie\) \(copie\)/ })).toHaveCount(0);
  await shot(page, 'home-titles-fr');
});
