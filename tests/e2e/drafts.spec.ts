import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { chooseMechanism } from './mechanism.js';

/** Home: the drafts table, rename, duplicate, trash with restore and empty. */
async function createDraft(page: Page, title: string): Promise<void> {
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Prague Process');
  await page.getByLabel('Name of the new assessment').fill(title);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.locator('#section-heading')).toBeFocused();
}

test('Create without a respondent or a mechanism is refused: each missing choice is marked and described, the first focused', async ({ page, app }) => {
  await page.goto(app.url);
  const create = page.getByRole('button', { name: 'Create assessment' });
  await create.click();
  const respondents = page.getByRole('group', { name: /In what capacity/ });
  const mechanism = page.getByLabel('Which mechanism are you answering about?');
  await expect(respondents.getByRole('radio').first()).toBeFocused();
  await expect(respondents).toHaveAccessibleDescription('Choose in what capacity you are answering.');
  await expect(mechanism).toHaveAttribute('aria-invalid', 'true');
  await expect(mechanism).toHaveAccessibleDescription(/Choose the mechanism\.$/);

  await respondents.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await expect(respondents).toHaveAccessibleDescription('');
  await create.click();
  await expect(mechanism).toBeFocused();
  await expect(mechanism).toHaveAttribute('aria-invalid', 'true');
  await expect(mechanism).toHaveAccessibleDescription(/Choose the mechanism\.$/);
  // Nothing was created by the refused attempts.
  await expect(page.getByRole('row', { name: /Bali Process|Prague Process/ })).toHaveCount(0);
  await chooseMechanism(page, 'Bali Process');
  await create.click();
  await expect(page.locator('#section-heading')).toBeFocused();
});

test('the title defaults to the mechanism and the year, and the table shows each draft', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Prague Process');
  await expect(page.getByLabel('Name of the new assessment')).toHaveValue(`Prague Process ${String(new Date().getFullYear())}`);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByLabel('Your full name').fill('Petra Novak');
  await page.getByLabel('Your full name').blur();
  await expect(page.locator('#save-status')).toContainText('Saved at');
  await page.getByRole('link', { name: 'Back to your assessments' }).click();
  const row = page.getByRole('row', { name: /Prague Process/ });
  await expect(row).toContainText('Prague Process');
  await expect(row).toContainText('Chair or secretariat of the mechanism');
  await expect(row).toContainText('1.1.0');
  await expect(row).toContainText('English');
  await expect(row).toContainText('Draft');
  await expect(row).toContainText('%');
});

test('rename, duplicate, trash, restore, and empty the trash after confirming', async ({ page, app }) => {
  await page.goto(app.url);
  await createDraft(page, 'Prague 2025');
  await page.getByLabel('Your full name').fill('Petra Novak');
  await page.getByLabel('Your full name').blur();
  await expect(page.locator('#save-status')).toContainText('Saved at');
  await page.getByRole('link', { name: 'Back to your assessments' }).click();

  await page.getByRole('button', { name: 'Rename Prague 2025' }).click();
  await page.getByLabel('New name for Prague 2025').fill('Prague Process 2025');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: 'Prague Process 2025', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Duplicate Prague Process 2025' }).click();
  const copy = page.getByRole('link', { name: 'Prague Process 2025 (copy)' });
  await expect(copy).toBeVisible();
  await copy.click();
  await expect(page.getByLabel('Your full name')).toHaveValue('Petra Novak');
  await page.getByRole('link', { name: 'Back to your assessments' }).click();

  await page.getByRole('button', { name: 'Move Prague Process 2025 (copy) to the trash' }).click();
  await page.getByRole('button', { name: 'Yes, move to trash' }).click();
  await expect(copy).toHaveCount(0);
  await page.getByRole('link', { name: 'Trash' }).click();
  await expect(page.getByRole('row', { name: /Prague Process 2025 \(copy\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Restore Prague Process 2025 (copy)' }).click();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
  await page.getByRole('link', { name: 'Back to your assessments' }).click();
  await expect(copy).toBeVisible();

  await page.getByRole('button', { name: 'Move Prague Process 2025 (copy) to the trash' }).click();
  await page.getByRole('button', { name: 'Yes, move to trash' }).click();
  await page.getByRole('link', { name: 'Trash' }).click();
  await page.getByRole('button', { name: 'Empty the trash' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('row', { name: /\(copy\)/ })).toBeVisible();
  await page.getByRole('button', { name: 'Empty the trash' }).click();
  await page.getByRole('button', { name: 'Yes, delete for good' }).click();
  await expect(page.getByText('1 assessment(s) deleted for good.')).toBeVisible();
  await expect(page.getByText('The trash is empty.')).toBeVisible();
});

test('reopening a draft returns to the section last visited', async ({ page, app }) => {
  await page.goto(app.url);
  await createDraft(page, 'Where was I');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Sustainability/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sustainability' })).toBeFocused();
  await page.getByRole('link', { name: 'Back to your assessments' }).click();
  await page.getByRole('link', { name: 'Where was I' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sustainability' })).toBeFocused();
  await expect(page).toHaveURL(/\/sustainability$/);
});
