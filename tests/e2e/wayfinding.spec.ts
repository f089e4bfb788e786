import type { Locator, Page } from '@playwright/test';
import { expect, test, type AppHost } from './fixtures.js';
import { expectNoSeriousViolations } from './axe.js';
import { chooseMechanism } from './mechanism.js';

/**
 * Finding one's way in a long section (issue 14): the header and the section list stay in view,
 * the save state is never blank, progress says when repeat rows add questions, rows are named
 * by their content. At 1024×768, the smallest window the app is used in.
 */
test.use({ viewport: { width: 1024, height: 768 } });

async function createDraft(page: Page, app: AppHost): Promise<string> {
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Bali Process');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.locator('#section-heading')).toBeFocused();
  return page.url();
}

/** The element is entirely inside the window. */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + Math.min(box.height, 40)).toBeLessThanOrEqual(viewport.height);
}

async function scrollHalfway(page: Page): Promise<void> {
  await page.evaluate('window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2)');
  await expect.poll(async () => Number(await page.evaluate('window.scrollY'))).toBeGreaterThan(300);
}

for (const lang of ['en', 'ar'] as const) {
  test(`the header, progress, save state and section list stay in view down a long section (${lang}, 1024×768)`, async ({ page, app }) => {
    const url = await createDraft(page, app);
    if (lang === 'ar') {
      await page.getByLabel('Language').selectOption('ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      // The questionnaire's language is the draft's own: Arabic too, for the whole page in Arabic.
      await page.getByLabel('لغة الاستبيان').selectOption('ar');
    }
    // A reopened draft says everything is saved, never nothing.
    await expect(page.locator('#save-status')).toHaveText(lang === 'en' ? 'All changes saved' : 'تم حفظ جميع التغييرات');
    await page.goto(url.replace(/\/profile$/, '/structures'));
    await expect(page.locator('#section-heading')).toBeFocused();
    await expect(page.locator('#save-status')).not.toBeEmpty();
    await scrollHalfway(page);
    const nav = page.locator('nav.section-nav');
    await expectInViewport(page, page.locator('.workspace-head'));
    await expectInViewport(page, page.locator('#save-status'));
    await expectInViewport(page, page.locator('#overall-progress'));
    await expectInViewport(page, nav);
    await expect(nav.locator('a[aria-current="step"]')).toBeInViewport();
    // The list is on the inline-start side: left in English, right in Arabic.
    const navBox = await nav.boundingBox();
    const headingBox = await page.locator('#section-heading').boundingBox();
    if (navBox && headingBox) {
      if (lang === 'en') expect(navBox.x).toBeLessThan(headingBox.x);
      else expect(navBox.x).toBeGreaterThan(headingBox.x);
    }
    await page.screenshot({ path: `docs/screens/long-section-scrolled-${lang}.png` });
    await expectNoSeriousViolations(page, `structures scrolled (${lang})`);

    // A question focused far down is not hidden under the sticky header.
    const last = page.locator('.question').last().locator('input, textarea, select').first();
    await last.focus();
    const head = await page.locator('.workspace-head').boundingBox();
    const field = await last.boundingBox();
    if (head && field) expect(field.y).toBeGreaterThanOrEqual(head.y + head.height - 1);

    // After a change and a section change, the state is still said.
    await page.locator('.question input[type="radio"]').first().check();
    await expect(page.locator('#save-status')).toHaveText(lang === 'en' ? /Saved at/ : /تم الحفظ/);
    await page.locator('nav.section-nav a').first().click();
    await expect(page.locator('#section-heading')).toBeFocused();
    await expect(page.locator('#save-status')).not.toBeEmpty();
    await page.reload();
    await expect(page.locator('#save-status')).toHaveText(lang === 'en' ? 'All changes saved' : 'تم حفظ جميع التغييرات');
  });
}

test('repeat rows are titled by their content and progress says rows are included (English, then French)', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/thematic_focus'));
  await expect(page.locator('#section-heading')).toBeFocused();
  const navLink = page.locator('nav.section-nav a[aria-current="step"]');
  await expect(navLink).not.toContainText('rows included');
  await page.getByRole('button', { name: /Add an entry to “Achievements/ }).click();
  const row = page.locator('.repeat-row').first();
  await expect(row.getByRole('heading')).toHaveText('Entry 1');
  // The row adds required questions: the counts say so.
  await expect(navLink).toContainText(/\d+ of \d+ required, rows included/);
  await expect(page.locator('#overall-progress')).toContainText(/Overall: \d+ of \d+ required, rows included/);
  await row.getByLabel('What was achieved?').fill('Regional fair recruitment campaign');
  await expect(row.getByRole('heading')).toHaveText('1. Regional fair recruitment campaign');
  await row.getByLabel('What was achieved?').fill('');
  await expect(row.getByRole('heading')).toHaveText('Entry 1');
  await row.getByLabel('What was achieved?').fill('Campagne régionale');
  await expectNoSeriousViolations(page, 'thematic focus with a row');

  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.locator('nav.section-nav a[aria-current="step"]')).toContainText(/\d+ sur \d+ obligatoires, lignes comprises/);
  await expect(page.locator('#overall-progress')).toContainText(/Ensemble : \d+ sur \d+ obligatoires, lignes comprises/);
  await expect(page.locator('.repeat-row').first().getByRole('heading')).toHaveText('1. Campagne régionale');
  await page.reload();
  await expect(page.locator('#save-status')).toHaveText('Toutes les modifications sont enregistrées');
});

test('the mechanism is found by typing part of its name, in groups by kind, with the keyboard (English and Arabic)', async ({ page, app }) => {
  await page.goto(app.url);
  const box = page.getByRole('combobox', { name: 'Which mechanism are you answering about?' });
  await box.click();
  const list = page.getByRole('listbox', { name: 'Mechanisms' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('group')).toHaveCount(3);
  await expect(list.getByRole('group').first()).toHaveAccessibleName('Regional consultative process (RCP)');
  await box.fill('western mediterr');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Mechanisms found: 1' })).toBeAttached();
  await box.fill('prague');
  await box.press('ArrowDown');
  await expect(box).toHaveAttribute('aria-activedescendant', /.+/);
  await box.press('Enter');
  await expect(box).toHaveValue('Prague Process');
  await expect(page.getByLabel('Name of the new assessment')).toHaveValue(`Prague Process ${String(new Date().getFullYear())}`);
  await box.press('ArrowDown');
  await expectNoSeriousViolations(page, 'home, mechanism list open');
  await page.screenshot({ path: 'docs/screens/mechanism-list-en.png' });
  await box.press('Escape');
  await expect(list).toBeHidden();

  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arabicBox = page.getByRole('combobox', { name: 'ما الآلية التي تتعلق بها إجاباتكم؟' });
  await expect(arabicBox).toHaveValue('عملية براغ');
  await arabicBox.fill('');
  await arabicBox.press('ArrowDown');
  const arabicList = page.getByRole('listbox', { name: 'الآليات' });
  const names = await arabicList.getByRole('group').first().getByRole('option').allTextContents();
  expect(names.length).toBeGreaterThan(5);
  expect(names).toEqual([...names].sort(new Intl.Collator('ar').compare));
  await expectNoSeriousViolations(page, 'home, mechanism list open (ar)');
  await page.screenshot({ path: 'docs/screens/mechanism-list-ar.png' });
});

/** Every form says its own messages: none lets the browser validate, no field carries `required` (its bubble is the browser's words). */
async function expectNoBrowserValidation(page: Page): Promise<void> {
  expect(Number(await page.evaluate('document.querySelectorAll("form").length'))).toBeGreaterThan(0);
  expect(Number(await page.evaluate('document.querySelectorAll("form:not([novalidate])").length'))).toBe(0);
  expect(Number(await page.evaluate('document.querySelectorAll("[required]").length'))).toBe(0);
}

test('validation messages are the app’s own, in the chosen language, announced; required fields are marked (French)', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expectNoBrowserValidation(page);
  const mechanism = page.locator('#create-mechanism');
  await expect(mechanism).toHaveAttribute('aria-required', 'true');
  await expect(page.locator('label[for="create-mechanism"] .required-mark')).toBeVisible();
  await page.locator('form.create-draft button[type="submit"]').click();
  const message = page.locator('#create-mechanism-error');
  await expect(message).toBeVisible();
  await expect(message).not.toContainText(/Choose|Please/);
  // The message sits in a live region that was there before it appeared: it is announced.
  await expect(page.locator('[aria-live="polite"]').filter({ has: message })).toHaveCount(1);
  await expect(mechanism).toHaveAccessibleDescription(new RegExp(`${(await message.textContent()) ?? 'x'}$`));

  // The signing key form: the same rules; after the key is made, focus and scroll go to the message and the new card.
  await page.getByRole('link', { name: /clés de signature/i }).click();
  await expect(page.locator('#identity-name')).toBeVisible();
  await expectNoBrowserValidation(page);
  await expect(page.locator('label[for="identity-name"] .required-mark')).toBeVisible();
  await page.locator('form.signing-form button[type="submit"]').click();
  await expect(page.locator('#identity-name-error')).toBeVisible();
  await expect(page.locator('[aria-live="polite"]').filter({ has: page.locator('#identity-name-error') })).toHaveCount(1);
  await page.locator('#identity-name').fill('Amina Diallo');
  await page.locator('#identity-title').fill('Head of Office');
  await page.locator('#identity-organisation').fill('Bali Process RSO');
  await page.locator('#identity-passphrase').fill('a passphrase long enough');
  await page.locator('#identity-again').fill('a passphrase long enough');
  await page.locator('form.signing-form button[type="submit"]').click();
  const notice = page.locator('.signing .notice[role="status"]');
  await expect(notice).toBeFocused({ timeout: 30_000 });
  await expect(notice).toBeInViewport();
  await expectNoSeriousViolations(page, 'signing keys after creating one (fr)');
});
