import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** The foundation's smoke: create a draft, type, reload, still there; and nothing leaves the machine. */
async function createDraft(page: Page, title?: string): Promise<void> {
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await page.getByLabel('Which mechanism are you answering about?').selectOption('bali_process');
  if (title !== undefined) await page.getByLabel('Name of the new assessment').fill(title);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile of the respondent and the mechanism' })).toBeVisible();
}

test('an answer typed in a new draft is there after a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await createDraft(page, 'Bali Process 2026');
  await expect(page.getByText('Bali Process 2026', { exact: true })).toBeVisible();

  await page.getByLabel('Your full name').fill('Amina Diallo');
  await expect(page.locator('#save-status')).toContainText('Saved at');

  await page.reload();
  await expect(page.getByLabel('Your full name')).toHaveValue('Amina Diallo');
});

test('an answer survives a restart of the host (the app closed and opened again)', async ({ page, app }) => {
  await page.goto(app.url);
  await createDraft(page);
  await page.getByLabel('Your full name').fill('José Martínez');
  // Leaving the field flushes the debounce at once.
  await page.getByLabel('Your full name').blur();
  await expect(page.locator('#save-status')).toContainText('Saved at');

  const restarted = await app.restart();
  await page.goto(restarted.url);
  await page.getByRole('link', { name: /^Bali Process/ }).click();
  await expect(page.getByLabel('Your full name')).toHaveValue('José Martínez');
});

test('a draft can be moved to the trash after confirming, and only then', async ({ page, app }) => {
  await page.goto(app.url);
  await createDraft(page, 'To delete');
  await page.getByRole('link', { name: 'Back to your assessments' }).click();

  await page.getByRole('button', { name: 'Move To delete to the trash' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name: 'To delete' })).toBeVisible();

  await page.getByRole('button', { name: 'Move To delete to the trash' }).click();
  await page.getByRole('button', { name: 'Yes, move to trash' }).click();
  await expect(page.getByRole('link', { name: 'To delete' })).toHaveCount(0);
});

test('the page makes no request outside its own host', async ({ page, app }) => {
  const origin = new URL(app.url).origin;
  const foreign: string[] = [];
  const all: string[] = [];
  page.on('request', (request) => {
    all.push(request.url());
    if (!request.url().startsWith(`${origin}/`)) foreign.push(request.url());
  });
  await page.goto(app.url);
  await createDraft(page);
  await page.getByLabel('Your full name').fill('No network');
  await expect(page.locator('#save-status')).toContainText('Saved at');
  await page.reload();
  await expect(page.getByLabel('Your full name')).toHaveValue('No network');

  expect(all.length).toBeGreaterThan(3);
  expect(foreign).toEqual([]);
});
