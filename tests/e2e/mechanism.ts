import { expect, type Page } from '@playwright/test';

/**
 * Chooses the mechanism on the create form as a user does: types part of its name in the
 * combobox and picks the option. `name` is the option's name (or a part of it) in the UI language.
 */
export async function chooseMechanism(page: Page, name: string): Promise<void> {
  const box = page.locator('#create-mechanism');
  await box.fill(name);
  const option = page.getByRole('option', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
  await option.first().click();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
}
