import type { Page } from '@playwright/test';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { IscmApi } from '../../core/contract/index.js';
import { expect, test } from './fixtures.js';
import { expectNoSeriousViolations } from './axe.js';
import { chooseMechanism } from './mechanism.js';

/**
 * The app's language is the user's choice (the header's menu); a draft's questionnaire
 * language is its own setting, shown and changed in the draft's header. Opening a draft in
 * another language never switches the app, and each part carries its own lang and dir.
 */

const SHOTS = 'test-results/ui-language';

/** A draft made through the app's own API, as a colleague's draft in another language would be. */
async function draftIn(page: Page, language: Language, title: string): Promise<string> {
  return page.evaluate(
    async ({ language, title }) => {
      const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
      const created = await iscm.drafts.create({ title, respondentKind: 'secretariat', mechanism: 'bali_process', language });
      if (!created.ok) throw new Error(created.error.message);
      return created.value.id;
    },
    { language, title },
  );
}

async function storedLanguage(page: Page, id: string): Promise<string> {
  return page.evaluate(async (id) => {
    const got = await (globalThis as unknown as { iscm: IscmApi }).iscm.drafts.get({ id });
    if (!got.ok) throw new Error(got.error.message);
    return got.value.language;
  }, id);
}

const section = (page: Page) => page.locator('section.section-form');

test('a French draft opened in an English app keeps the app in English; the app in Arabic keeps the questions in French, left to right', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const id = await draftIn(page, 'fr', 'Processus de Bali 2026');
  await page.reload();
  // The home list says which language the draft's questionnaire is in.
  const row = page.getByRole('row', { name: /Processus de Bali 2026/ });
  await expect(row.getByRole('cell', { name: 'French', exact: true })).toBeVisible();
  await row.getByRole('link', { name: 'Processus de Bali 2026' }).click();

  // The questions are French; the app around them stays English.
  await expect(page.getByRole('heading', { level: 1, name: 'Profil du répondant et du mécanisme' })).toBeFocused();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to your assessments' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Next section' })).toBeVisible();
  await expect(page.locator('#save-status')).toHaveText('All changes saved');
  await expect(page.locator('#overall-progress')).toContainText(/^Overall: /);
  // The draft's questionnaire language is shown in its header.
  const questionnaire = page.getByLabel('Questionnaire in');
  await expect(questionnaire).toHaveValue('fr');
  await expect(questionnaire.locator('option:checked')).toHaveText('Français');
  await expect(section(page)).toHaveAttribute('lang', 'fr');
  await expect(section(page)).toHaveAttribute('dir', 'ltr');
  await expect(page.getByLabel('Vos nom et prénom')).toBeVisible();
  await expect(page.locator('.section-nav a[aria-current="step"] .nav-title')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('.section-count')).toHaveText(/^Section 1 of \d+$/);
  await page.getByLabel('Vos nom et prénom').fill('Amina Diallo');
  await expect(page.locator('#save-status')).toContainText('Saved at');
  await expectNoSeriousViolations(page, 'French draft, English app');
  await page.screenshot({ path: `${SHOTS}/fr-draft-en-ui.png` });

  // The app in Arabic: its words right to left in Arabic; the questions stay French, left to right.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('navigation', { name: 'الأقسام' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'القسم التالي' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Profil du répondant et du mécanisme' })).toBeVisible();
  await expect(section(page)).toHaveAttribute('lang', 'fr');
  await expect(section(page)).toHaveAttribute('dir', 'ltr');
  await expect(section(page)).toHaveCSS('direction', 'ltr');
  await expect(page.locator('.section-count')).toHaveAttribute('lang', 'ar');
  await expect(page.getByLabel('Vos nom et prénom')).toHaveValue('Amina Diallo');
  await expect(page.getByLabel('لغة الاستبيان')).toHaveValue('fr');
  await expectNoSeriousViolations(page, 'French draft, Arabic app');
  await page.screenshot({ path: `${SHOTS}/fr-draft-ar-ui.png` });

  // Both choices are kept: the app's on this computer, the questionnaire's in the draft.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'Profil du répondant et du mécanisme' })).toBeVisible();
  expect(await storedLanguage(page, id)).toBe('fr');

  // The review: the French answers left to right inside the Arabic app.
  await page.getByRole('link', { name: 'المراجعة', exact: true }).first().click();
  await expect(page.locator('#review-heading')).toBeFocused();
  const profile = page.getByRole('region', { name: 'Profil du répondant et du mécanisme' });
  await expect(profile).toHaveAttribute('lang', 'fr');
  await expect(profile).toHaveAttribute('dir', 'ltr');
  await expect(profile).toContainText('Amina Diallo');
  await expectNoSeriousViolations(page, 'French review, Arabic app');
  await page.screenshot({ path: `${SHOTS}/fr-review-ar-ui.png` });
});

test('the questionnaire language is changed in the draft header: Arabic questions run right to left inside an English app', async ({ page, app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Bali Process');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.locator('#section-heading')).toBeFocused();
  // A new draft's questionnaire starts in the app's language.
  await expect(page.getByLabel('Questionnaire in')).toHaveValue('en');
  await page.getByLabel('Your full name').fill('Amina Diallo');
  await page.getByLabel('How many States take part in the mechanism?').fill('45');

  await page.getByLabel('Questionnaire in').selectOption('ar');
  await expect(page.getByRole('heading', { level: 1, name: 'بيانات المجيب والآلية' })).toBeVisible();
  await expect(section(page)).toHaveAttribute('lang', 'ar');
  await expect(section(page)).toHaveAttribute('dir', 'rtl');
  await expect(section(page)).toHaveCSS('direction', 'rtl');
  // The app stays English, left to right; nothing typed is lost.
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('link', { name: 'Next section' })).toBeVisible();
  await expect(page.getByLabel('الاسم الكامل')).toHaveValue('Amina Diallo');
  await expect(page.locator('#q-number_of_states')).toHaveValue('45');
  // The app's own words inside the questionnaire say they are English.
  await expect(page.locator('.history-button').first()).toHaveAttribute('lang', 'en');
  await expectNoSeriousViolations(page, 'Arabic questionnaire, English app');
  await page.screenshot({ path: `${SHOTS}/ar-draft-en-ui.png` });

  // The choice is the draft's: kept after a reload, and shown on the home list.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'بيانات المجيب والآلية' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Questionnaire in')).toHaveValue('ar');
  await page.getByRole('link', { name: 'Review', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' }).or(page.locator('#review-heading'))).toBeFocused();
  const profile = page.getByRole('region', { name: 'بيانات المجيب والآلية' });
  await expect(profile).toHaveAttribute('dir', 'rtl');
  await expect(profile).toContainText('Amina Diallo');
  await expectNoSeriousViolations(page, 'Arabic review, English app');
  await page.screenshot({ path: `${SHOTS}/ar-review-en-ui.png` });
  await page.getByRole('link', { name: 'Back to your assessments' }).click();
  await expect(page.getByRole('row', { name: /Bali Process/ }).getByRole('cell', { name: 'Arabic', exact: true })).toBeVisible();
});
