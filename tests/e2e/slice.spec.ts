import { expect, test } from './fixtures.js';
import { answerNameAndWaitForSave, createDraft, reopenFirstDraft } from './smoke-steps.js';

// The foundation's smoke: create a draft, type, reload, still there; and nothing leaves the machine.

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
  await answerNameAndWaitForSave(page, 'José Martínez');

  const restarted = await app.restart();
  await page.goto(restarted.url);
  await reopenFirstDraft(page);
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
