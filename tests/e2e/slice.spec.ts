import { expect, test } from './fixtures.js';

test('an answer typed in a new draft is there after a reload', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Name of the new assessment').fill('Bali Process 2026');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { name: 'Bali Process 2026' })).toBeVisible();

  await page.getByLabel('Your full name').fill('Amina Diallo');
  await expect(page.getByRole('status')).toContainText('Saved at');

  await page.reload();
  await expect(page.getByLabel('Your full name')).toHaveValue('Amina Diallo');
});

test('an answer survives a restart of the host (the app closed and opened again)', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByLabel('Your full name').fill('José Martínez');
  // Leaving the field flushes the debounce at once.
  await page.getByLabel('Your full name').blur();
  await expect(page.getByRole('status')).toContainText('Saved at');

  const restarted = await app.restart();
  await page.goto(restarted.url);
  await page.getByRole('link', { name: 'Untitled assessment' }).click();
  await expect(page.getByLabel('Your full name')).toHaveValue('José Martínez');
});

test('a draft can be deleted after confirming, and only then', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByLabel('Name of the new assessment').fill('To delete');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByRole('link', { name: 'Back to your assessments' }).click();

  await page.getByRole('button', { name: 'Delete To delete' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('link', { name: 'To delete' })).toBeVisible();

  await page.getByRole('button', { name: 'Delete To delete' }).click();
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
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByLabel('Your full name').fill('No network');
  await expect(page.getByRole('status')).toContainText('Saved at');
  await page.reload();
  await expect(page.getByLabel('Your full name')).toHaveValue('No network');

  expect(all.length).toBeGreaterThan(3);
  expect(foreign).toEqual([]);
});
