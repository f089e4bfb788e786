import { expect, test } from './fixtures.js';
import { expectNoSeriousViolations } from './axe.js';
import { chooseMechanism } from './mechanism.js';

/** No serious or critical axe violation on home, every section of a secretariat's draft, and the review. */
for (const lang of ['en', 'ar'] as const) {
  test(`home, every section and the review have no serious accessibility violation (${lang})`, async ({ page, app }) => {
    // Axe over every section of the real questionnaire: about a minute on a quiet 2-core machine, so room for a loaded one.
    test.setTimeout(300_000);
    await page.goto(app.url);
    await expect(page.getByRole('button', { name: /Create assessment|إنشاء التقييم/ })).toBeVisible();
    if (lang === 'ar') {
      await page.getByLabel('Language').selectOption('ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    await expectNoSeriousViolations(page, 'home (empty)');
    await page.getByRole('radio').first().check();
    await chooseMechanism(page, lang === 'ar' ? 'عملية بالي' : 'Bali Process');
    await page.locator('form.create-draft button[type="submit"]').click();
    await expect(page.locator('#section-heading')).toBeFocused();

    // Some answers, a repeat row and an error, so those states are scanned too.
    await page.locator('#q-number_of_states').fill('999');
    await expect(page.locator('#q-number_of_states-error')).toBeVisible();
    const sections: string[] = [];
    for (const link of await page.locator('.section-nav a').all()) sections.push((await link.getAttribute('href')) ?? '');
    for (const href of sections) {
      const moved = !page.url().endsWith(href);
      await page.goto(`${app.url}${href}`);
      if (moved) await expect(page.locator(href.endsWith('/review') ? '#review-heading' : '#section-heading')).toBeFocused();
      const addRow = page.locator('.repeat-group > button').first();
      if ((await addRow.count()) > 0) await addRow.click();
      await expectNoSeriousViolations(page, href);
    }
    await page.goto(app.url);
    await expect(page.locator('table.draft-table')).toBeVisible();
    await expectNoSeriousViolations(page, 'home (with a draft)');
  });
}

test('the wizard is usable at 1024×768 and at 200% zoom: nothing overflows sideways', async ({ page, app }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Bali Process');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.locator('#section-heading')).toBeFocused();
  const overflow = async () => Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
  expect(await overflow()).toBeLessThanOrEqual(0);
  // 200% zoom of a 1024 px window lays the page out in 512 CSS pixels.
  await page.setViewportSize({ width: 512, height: 384 });
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByLabel('Your full name').fill('Amina Diallo');
  await expect(page.getByLabel('Your full name')).toBeInViewport();
});

test('the whole journey works with the keyboard alone', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Which mechanism are you answering about?')).toBeFocused();
  // The mechanism combobox: type part of the name, ↓ to the match, Enter to choose it.
  await page.keyboard.type('Bali');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Which mechanism are you answering about?')).toHaveValue(/^Bali Process/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Create assessment' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#section-heading')).toBeFocused();
  await page.getByLabel('Your full name').focus();
  await page.keyboard.type('Amina Diallo');
  await page.getByRole('link', { name: 'Next section' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Structures and ways of working' })).toBeFocused();
  const firstRadio = page.getByRole('group', { name: /How formal is the mechanism/ }).getByRole('radio').first();
  await firstRadio.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('group', { name: /How formal is the mechanism/ }).getByRole('radio').nth(1)).toBeChecked();
});
