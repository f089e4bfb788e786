import type { BrowserContext, Page, Route } from '@playwright/test';
import { expect, test, type AppHost } from './fixtures.js';
import { chooseMechanism } from './mechanism.js';

/**
 * Two tabs of one browser on one draft (issue 16, docs/reliability.md §11): ticks and repeat rows
 * added in each are both kept, and a text saved over the other tab's change is refused and shown.
 * To make "at the same time" certain rather than likely, the second tab's save is held in the
 * browser (page.route) until the first tab's has been answered, then let through unchanged.
 */

async function createDraft(page: Page, app: AppHost): Promise<string> {
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Bali Process');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile of the respondent and the mechanism' })).toBeFocused();
  return page.url();
}

/** A second tab of the same browser on the same page. */
async function secondTab(context: BrowserContext, url: string, heading: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  return page;
}

/** Holds the page's next call to `channel` until `release()`; resolves `held` once it is waiting. */
async function holdNext(page: Page, channel: string) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let heldResolve: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (heldResolve = resolve));
  let first = true;
  await page.route(`**/api/${channel}`, async (route: Route) => {
    if (first) {
      first = false;
      heldResolve();
      await gate;
    }
    await route.continue();
  });
  return { held, release };
}

const saved = (page: Page) => expect(page.locator('#save-status')).toContainText('Saved at');
const languages = (page: Page) => page.getByRole('group', { name: /Working languages of the mechanism/ });

test('ticking different boxes of one multiple choice in two tabs keeps both ticks', async ({ page, context, app }) => {
  const url = (await createDraft(page, app)).replace(/\/profile$/, '/structures');
  await page.goto(url);
  const other = await secondTab(context, url, 'Structures and ways of working');

  const hold = await holdNext(other, 'answers.change');
  await languages(other).getByRole('checkbox', { name: 'French' }).check();
  await hold.held;
  // While the second tab's tick is on its way, the first tab ticks another box and saves it.
  await languages(page).getByRole('checkbox', { name: 'English' }).check();
  await saved(page);
  hold.release();
  await saved(other);

  for (const p of [page, other]) {
    await expect(languages(p).getByRole('checkbox', { name: 'English' })).toBeChecked();
    await expect(languages(p).getByRole('checkbox', { name: 'French' })).toBeChecked();
  }
  // The stored answer, after a reload, has both.
  await page.reload();
  await expect(languages(page).getByRole('checkbox', { name: 'English' })).toBeChecked();
  await expect(languages(page).getByRole('checkbox', { name: 'French' })).toBeChecked();
  await expect(page.locator('.conflict-notice')).toHaveCount(0);
});

test('adding a repeat row in each of two tabs keeps both rows', async ({ page, context, app }) => {
  const url = (await createDraft(page, app)).replace(/\/profile$/, '/thematic_focus');
  await page.goto(url);
  const heading = 'Thematic focus and achievements';
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  const other = await secondTab(context, url, heading);
  const rows = (p: Page) => p.locator('.repeat-group').filter({ has: p.getByRole('heading', { name: 'Achievements' }) }).locator('.repeat-row');
  const add = (p: Page) => p.getByRole('button', { name: 'Add an entry to “Achievements”' });

  const hold = await holdNext(other, 'answers.change');
  await add(other).click();
  await hold.held;
  await add(page).click();
  await saved(page);
  hold.release();
  await saved(other);

  await expect(rows(page)).toHaveCount(2);
  await expect(rows(other)).toHaveCount(2);
  await page.reload();
  await expect(rows(page)).toHaveCount(2);
});

test('the same text edited in two tabs: the stale save is refused, the other version shown, and the typed text kept to re-apply', async ({ page, context, app }) => {
  const url = await createDraft(page, app);
  const other = await secondTab(context, url, 'Profile of the respondent and the mechanism');
  const name = (p: Page) => p.getByLabel('Your full name');

  const hold = await holdNext(other, 'answers.save');
  await name(other).fill('Typed in the second tab');
  await hold.held;
  await name(page).fill('Typed in the first tab');
  await name(page).blur();
  await saved(page);
  hold.release();

  // The second tab's save was based on the answer before the first tab's: refused, and said so.
  const notice = other.locator('.conflict-notice');
  await expect(notice).toContainText('“Your full name” was changed in another window; it now shows the other window’s version.');
  await expect(notice).toContainText('What you had entered here (not saved): Typed in the second tab');
  await expect(other.getByRole('alert').filter({ has: notice })).toBeVisible();
  await expect(name(other)).toHaveValue('Typed in the first tab');
  await expect(name(page)).toHaveValue('Typed in the first tab');

  await other.screenshot({ path: 'test-results/two-windows-conflict.png' });

  // Nothing typed is lost: "Use my version" puts it back and saves it, and the first tab shows it.
  await notice.getByRole('button', { name: 'Use my version' }).click();
  await expect(notice).toHaveCount(0);
  await expect(name(other)).toHaveValue('Typed in the second tab');
  await saved(other);
  await expect(name(page)).toHaveValue('Typed in the second tab');
});
