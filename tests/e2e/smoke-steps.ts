import { expect, type Page } from '@playwright/test';
import { chooseMechanism } from './mechanism.js';

/**
 * The foundation's smoke steps, shared by the web (slice.spec.ts) and the desktop
 * (electron.spec.ts) runs so both hosts go through the same journey.
 */
export async function createDraft(page: Page, title?: string): Promise<void> {
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Bali Process');
  if (title !== undefined) await page.getByLabel('Name of the new assessment').fill(title);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile of the respondent and the mechanism' })).toBeVisible();
}

/** Types the respondent's name and waits until the host says it is committed. */
export async function answerNameAndWaitForSave(page: Page, name: string): Promise<void> {
  await page.getByLabel('Your full name').fill(name);
  // Leaving the field flushes the debounce at once.
  await page.getByLabel('Your full name').blur();
  await expect(page.locator('#save-status')).toContainText('Saved at');
}

export async function reopenFirstDraft(page: Page): Promise<void> {
  await page.getByRole('link', { name: /^Bali Process/ }).click();
}
