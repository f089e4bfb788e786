import type { Page } from '@playwright/test';
import { expect, test, type AppHost } from './fixtures.js';
import { chooseMechanism } from './mechanism.js';

/**
 * What questionnaire 1.1.0 asks of the engine, as a respondent meets it: numbers typed the
 * language's way with messages that say what is wrong, choice lists filtered by earlier
 * answers, "none"-like answers that stand alone, a pattern check on the email, and a
 * calculation that shows nothing while the answer it reads is invalid.
 */

async function createDraft(page: Page, app: AppHost): Promise<string> {
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Bali Process');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile of the respondent and the mechanism' })).toBeFocused();
  return page.url();
}

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });
const saved = (page: Page) => expect(page.locator('#save-status')).toContainText(/Saved at|Enregistré|تم الحفظ/);

test('numbers are typed the language\'s way, and each error says what is wrong (English, French, Arabic)', async ({ page, app }) => {
  const url = await createDraft(page, app);
  const states = page.getByLabel('How many States take part in the mechanism?');
  await states.fill('12a');
  await expect(states).toHaveAccessibleDescription(/Letters are not allowed here: type a number\.$/);
  await expect(page.locator('#field-announcements')).toContainText('Letters are not allowed here');
  await states.fill('$12');
  await expect(states).toHaveAccessibleDescription(/Type a number, e\.g\. 1250000\.$/);
  await states.fill('45');
  await expect(states).not.toHaveAccessibleDescription(/number/);
  await expect(page.getByText('This answer is not valid for this question.')).toHaveCount(0);

  await page.goto(url.replace(/\/profile$/, '/sustainability'));
  const budget = page.getByLabel('Approximate annual budget, in US dollars');
  await budget.fill('1,250,000');
  await expect(page.getByLabel('Which year does this budget figure refer to?')).toBeVisible();
  await expect(budget).not.toHaveAccessibleDescription(/number|separators/);
  await budget.fill('12,50,000');
  await expect(budget).toHaveAccessibleDescription(/Check the thousands separators, e\.g\. 1,250,000\.$/);
  await budget.fill('1,250,000');
  await saved(page);

  // In French, spaces separate thousands and a comma the decimals; a stored number is written back that way.
  await page.getByLabel('Language').selectOption('fr');
  await page.getByLabel('Questionnaire en').selectOption('fr');
  const share = page.getByLabel(/Part du financement provenant des États participants/);
  await share.fill('0,5');
  await expect(share).not.toHaveAccessibleDescription(/nombre|séparateurs/);
  await share.fill('1 2');
  await expect(share).toHaveAccessibleDescription(/Vérifiez les séparateurs de milliers, par exemple 1\s250\s000\.$/);
  await share.fill('12,5');
  await saved(page);
  await page.reload();
  await expect(page.getByLabel(/Budget annuel approximatif/)).toHaveValue('1\u202f250\u202f000');
  await expect(page.getByLabel(/Part du financement provenant des États participants/)).toHaveValue('12,5');
  await page.getByLabel(/Budget annuel approximatif/).fill('1 250 000,75');
  await expect(page.getByLabel(/Budget annuel approximatif/)).not.toHaveAccessibleDescription(/nombre|séparateurs/);
  await saved(page);

  // In Arabic, Arabic-Indic digits and the Arabic decimal mark are numbers too.
  await page.getByLabel('Langue').selectOption('ar');
  await page.getByLabel('لغة الاستبيان').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const arabicShare = page.locator('#q-state_funding_share');
  await arabicShare.fill('٣٣٫٥');
  await expect(arabicShare).not.toHaveAttribute('aria-invalid', 'true');
  await arabicShare.fill('٣٣ب');
  await expect(arabicShare).toHaveAccessibleDescription(/لا يُسمح بالحروف هنا: اكتب رقمًا\.$/);
  await arabicShare.fill('٣٣٫٥');
  await saved(page);
  await page.getByLabel('اللغة').selectOption('en');
  await page.getByLabel('Questionnaire in').selectOption('en');
  // The box keeps what was typed; the stored number, written afresh after a reload, is in English.
  await expect(page.getByLabel(/Share of the funding that comes from participating States/)).toHaveValue('٣٣٫٥');
  await page.reload();
  await expect(page.getByLabel(/Share of the funding that comes from participating States/)).toHaveValue('33.5');
  await page.getByRole('link', { name: 'Review', exact: true }).first().click();
  await expect(page.getByRole('region', { name: 'Sustainability' })).toContainText('1,250,000.75');
});

test('a choice list offers only the areas ticked above; a chosen area that no longer fits is shown and explained', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/thematic_focus'));
  await expect(group(page, /Which of these are the main focus today/)).toHaveCount(0);
  const areas = group(page, /Which thematic areas does the mechanism cover/);
  await areas.getByRole('checkbox', { name: 'Labour migration' }).check();
  await areas.getByRole('checkbox', { name: 'Migration and health' }).check();
  const main = group(page, /Which of these are the main focus today/);
  await expect(main.getByRole('checkbox')).toHaveCount(2);
  await expect(main.getByRole('checkbox', { name: 'Labour migration' })).toBeVisible();
  await expect(main.getByRole('checkbox', { name: 'Migration and health' })).toBeVisible();
  await main.getByRole('checkbox', { name: 'Migration and health' }).check();
  await areas.getByRole('checkbox', { name: 'Migration and health' }).uncheck();
  // Still there, ticked, with the reason: nothing the respondent chose disappears silently.
  await expect(main.getByRole('checkbox', { name: 'Migration and health' })).toBeChecked();
  await expect(main).toHaveAccessibleDescription(/"Migration and health" no longer fits your earlier answers: remove it or change those answers\./);
  // Unticked, it is no longer offered, so it goes (a click: uncheck() would wait for a box that is gone).
  await main.getByRole('checkbox', { name: 'Migration and health' }).click();
  await expect(main.getByRole('checkbox')).toHaveCount(1);
  await expect(main.getByRole('checkbox', { name: 'Labour migration' })).toBeVisible();
});

test('"No links with global processes" stands alone: ticking it clears the others, and another choice clears it', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/partnerships'));
  const links = group(page, /Which global processes is the mechanism linked with/);
  await links.getByRole('checkbox', { name: /GFMD/ }).check();
  await links.getByRole('checkbox', { name: /International Dialogue on Migration/ }).check();
  await links.getByRole('checkbox', { name: 'No links with global processes' }).check();
  await expect(links.getByRole('checkbox', { name: 'No links with global processes' })).toBeChecked();
  await expect(links.getByRole('checkbox', { name: /GFMD/ })).not.toBeChecked();
  await expect(links.getByRole('checkbox', { name: /International Dialogue on Migration/ })).not.toBeChecked();
  await saved(page);
  await page.reload();
  await expect(links.getByRole('checkbox', { name: 'No links with global processes' })).toBeChecked();
  await links.getByRole('checkbox', { name: /GFMD/ }).check();
  await expect(links.getByRole('checkbox', { name: 'No links with global processes' })).not.toBeChecked();
  await expect(links).not.toHaveAccessibleDescription(/cannot be combined/);
});

test('"amina@" is refused as an email; years since establishment show nothing while the year is invalid', async ({ page, app }) => {
  await createDraft(page, app);
  await group(page, /May IOM contact you/).getByRole('radio', { name: 'Yes', exact: true }).check();
  const email = page.getByLabel('Your email address');
  await email.fill('amina@');
  await expect(email).toHaveAccessibleDescription(/Enter a complete email address, for example name@example.org\./);
  await email.fill('amina@example.org');
  await expect(email).not.toHaveAccessibleDescription(/complete email/);

  const year = page.getByLabel('In what year was the mechanism established?');
  const yearsActive = page.getByRole('status', { name: 'Years since establishment' });
  await year.fill('2002');
  await expect(yearsActive).toHaveText(String(new Date().getUTCFullYear() - 2002));
  await year.fill('2999');
  await expect(year).toHaveAccessibleDescription(/Enter a year between 1945 and the current year\./);
  await expect(yearsActive).toHaveText('Not yet calculated');
  await year.fill('20o2');
  await expect(year).toHaveAccessibleDescription(/Letters are not allowed here: type a number\.$/);
  await expect(yearsActive).toHaveText('Not yet calculated');
  await year.fill('1998');
  await expect(yearsActive).toHaveText(String(new Date().getUTCFullYear() - 1998));
});
