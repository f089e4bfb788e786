import type { Page } from '@playwright/test';
import { expect, test, type AppHost } from './fixtures.js';
import { chooseMechanism } from './mechanism.js';

/**
 * The secretariat's journey through the real questionnaire (questionnaires/iscm-assessment),
 * in the web host, as a user does it: labels, roles and the keyboard, never test ids.
 */

async function createDraft(page: Page, app: AppHost, respondent = 'Chair or secretariat of the mechanism'): Promise<string> {
  await page.goto(app.url);
  await page.getByRole('radio', { name: respondent }).check();
  await chooseMechanism(page, 'Bali Process');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Profile of the respondent and the mechanism' })).toBeFocused();
  return page.url();
}

const group = (page: Page, name: RegExp) => page.getByRole('group', { name });
const saved = (page: Page) => expect(page.locator('#save-status')).toContainText('Saved at');

async function nextSection(page: Page, heading: string): Promise<void> {
  await page.getByRole('link', { name: 'Next section' }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
}

test('a secretariat fills every section, reloads mid-way, and sees a complete review', async ({ page, app }) => {
  test.setTimeout(180_000);
  await createDraft(page, app);
  // Profile
  await page.getByLabel('Your full name').fill('Amina Diallo');
  await page.getByLabel('Your position or title').fill('Head of secretariat');
  await page.getByLabel('Your institution (ministry, organisation or secretariat)').fill('Bali Process Regional Support Office');
  await group(page, /May IOM contact you/).getByRole('radio', { name: 'No' }).check();
  await group(page, /You answer as/).getByRole('radio', { name: 'Member of the secretariat' }).check();
  await page.getByLabel('In what year was the mechanism established?').fill('2002');
  await page.getByLabel('How many States take part in the mechanism?').fill('45');
  await expect(page.locator('output').filter({ hasText: String(new Date().getUTCFullYear() - 2002) })).toBeVisible();
  await page.getByLabel('How many States take part in the mechanism?').blur();
  await saved(page);

  // Reload mid-way: the same section, every answer back.
  await page.reload();
  await expect(page.getByLabel('Your full name')).toHaveValue('Amina Diallo');
  await expect(page.getByLabel('How many States take part in the mechanism?')).toHaveValue('45');
  await expect(group(page, /You answer as/).getByRole('radio', { name: 'Member of the secretariat' })).toBeChecked();

  await nextSection(page, 'Structures and ways of working');
  await group(page, /How formal is the mechanism/).getByRole('radio').nth(1).check();
  await group(page, /Does the mechanism have a founding document/).getByRole('radio', { name: 'No', exact: true }).check();
  await group(page, /How is the chair held/).getByRole('radio').first().check();
  await group(page, /Who provides the secretariat/).getByRole('radio', { name: 'IOM', exact: true }).check();
  await group(page, /Working languages of the mechanism/).getByRole('checkbox', { name: 'English' }).check();

  await nextSection(page, 'Thematic focus and achievements');
  await group(page, /Which thematic areas does the mechanism cover/).getByRole('checkbox', { name: 'Labour migration' }).check();
  await group(page, /Which of these are the main focus today/).getByRole('checkbox', { name: 'Labour migration' }).check();

  await nextSection(page, 'Sustainability');
  await group(page, /Where does the funding come from/).getByRole('checkbox').first().check();
  await group(page, /How predictable is the budget/).getByRole('radio').first().check();
  await group(page, /Does the mechanism have staff working for it/).getByRole('radio', { name: 'No', exact: true }).check();
  for (const radio of await group(page, /How far do you agree with each statement/).getByRole('radio', { name: /: Agree$/ }).all()) await radio.check();
  await group(page, /regard the mechanism as their own/).getByRole('radio', { name: 'Agree', exact: true }).check();

  await nextSection(page, 'Synergies and partnerships');
  await nextSection(page, 'Contribution and added value');
  for (const level of [/Contribution at national level/, /Contribution at regional level/]) {
    for (const radio of await group(page, level).getByRole('radio', { name: /: Moderate$/ }).all()) await radio.check();
  }
  await group(page, /Overall, how much has the mechanism contributed/).getByRole('radio', { name: 'Moderate' }).check();

  await nextSection(page, 'The way forward');
  await group(page, /discussed implementing the GCM/).getByRole('radio', { name: 'Yes', exact: true }).check();
  await group(page, /taken part in a regional review of the GCM/).getByRole('radio', { name: 'No', exact: true }).check();
  await group(page, /What role should the mechanism play/).getByRole('radio').first().check();
  await group(page, /What should be the priorities of the mechanism/).getByRole('checkbox', { name: 'Labour migration' }).check();
  await group(page, /still be relevant in five years/).getByRole('radio', { name: 'Agree', exact: true }).check();

  await nextSection(page, 'Declaration');
  await group(page, /I confirm that/).getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByLabel('Name of the person confirming').fill('Amina Diallo');
  const now = new Date();
  const date = group(page, /^Date/);
  await date.getByLabel('Day').fill(String(now.getUTCDate()));
  await date.getByLabel('Month').selectOption(String(now.getUTCMonth() + 1).padStart(2, '0'));
  await date.getByLabel('Year').fill(String(now.getUTCFullYear()));
  await group(page, /May IOM quote your answers/).getByRole('radio').first().check();

  await page.getByRole('link', { name: 'Review', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeFocused();
  await expect(page.getByText('Every required question is answered and no answer has an error.')).toBeVisible();
  const profile = page.getByRole('region', { name: 'Profile of the respondent and the mechanism' });
  await expect(profile.getByText('Bali Process Regional Support Office')).toBeVisible();
  await expect(profile.getByText('Member of the secretariat')).toBeVisible();
  await saved(page);
});

test('skip logic works both ways and keeps the hidden answer', async ({ page, app }) => {
  await createDraft(page, app);
  const observers = group(page, /Does the mechanism have observers/);
  const list = page.getByLabel('Which States and organisations are observers?');
  await expect(list).toHaveCount(0);
  await observers.getByRole('radio', { name: 'Yes' }).check();
  await expect(list).toBeVisible();
  await list.fill('Philippines, UNHCR');
  await observers.getByRole('radio', { name: 'No', exact: true }).check();
  await expect(list).toHaveCount(0);
  await observers.getByRole('radio', { name: 'Yes' }).check();
  await expect(list).toHaveValue('Philippines, UNHCR');

  // A respondent kind decides which sections exist.
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: /Sustainability/ })).toBeVisible();
  await page.getByRole('radio', { name: 'A State taking part in the mechanism' }).check();
  await expect(nav.getByRole('link', { name: /Sustainability/ })).toHaveCount(0);
  await expect(page.getByLabel('Which State do you represent?')).toBeVisible();
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await expect(nav.getByRole('link', { name: /Sustainability/ })).toBeVisible();
});

test('a constraint message appears next to the field, is announced, and clears when corrected', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/structures'));
  await group(page, /How formal is the mechanism/).getByRole('radio', { name: /^Informal, with no written founding document/ }).check();
  const founding = group(page, /Does the mechanism have a founding document/);
  await founding.getByRole('radio', { name: 'Yes', exact: true }).check();
  await founding.getByRole('radio', { name: 'Yes', exact: true }).blur();
  const message = 'This contradicts your previous answer (no written founding document). Please correct one of the two.';
  await expect(founding.getByRole('radio', { name: 'Yes', exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(founding).toHaveAccessibleDescription(new RegExp(message.replace(/[()]/g, '\\$&')));
  await expect(page.locator('#field-announcements')).toContainText(message);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Structures/ })).toContainText('has errors');
  await founding.getByRole('radio', { name: 'No', exact: true }).check();
  await expect(founding.getByText(message)).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: /Structures/ })).not.toContainText('has errors');
});

test('repeat rows can be added, reordered and removed, and come back in order', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/thematic_focus'));
  await expect(page.getByRole('heading', { level: 1, name: 'Thematic focus and achievements' })).toBeFocused();
  const add = page.getByRole('button', { name: 'Add an entry to “Achievements”' });
  // A row is "Entry N" until its first text answer names it ("1. Regional guidelines").
  const rows = page.getByRole('region', { name: /^(Entry \d|\d\. .+)$/ });
  for (const [i, title] of ['Regional guidelines', 'Labour handbook', 'Data workshop'].entries()) {
    await add.click();
    await expect(rows).toHaveCount(i + 1);
    await rows.nth(i).getByLabel('What was achieved?').fill(title);
  }
  const titles = () => page.getByLabel('What was achieved?');
  await expect(titles()).toHaveCount(3);
  await page.getByRole('button', { name: 'Move entry 3 up' }).click();
  await expect(titles().nth(1)).toHaveValue('Data workshop');
  await page.getByRole('button', { name: 'Remove entry 1' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(titles()).toHaveCount(2);
  await expect(page.locator('output').filter({ hasText: /^2$/ })).toBeVisible();
  await saved(page);

  await page.reload();
  await expect(titles()).toHaveCount(2);
  await expect(titles().nth(0)).toHaveValue('Data workshop');
  await expect(titles().nth(1)).toHaveValue('Labour handbook');
});

test('a file is attached through the file dialog, listed, and removed', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/thematic_focus'));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'annual-report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% test report\n') });
  await expect(page.getByText('annual-report.pdf')).toBeVisible();
  await saved(page);
  await page.reload();
  await expect(page.getByText('annual-report.pdf')).toBeVisible();

  const refused = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Remove annual-report.pdf' }).click();
  await expect(page.getByText('annual-report.pdf')).toHaveCount(0);
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await refused).setFiles({ name: 'script.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(page.getByRole('alert').filter({ hasText: 'script.exe' })).toBeVisible();
});

test('switching to Arabic and back keeps every answer, and Arabic is right-to-left', async ({ page, app }) => {
  await createDraft(page, app);
  await page.getByLabel('Your full name').fill('Amina Diallo');
  await page.getByLabel('How many States take part in the mechanism?').fill('45');
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('navigation', { name: 'الأقسام' })).toBeVisible();
  await expect(page.locator('#q-respondent_name')).toHaveValue('Amina Diallo');
  await expect(page.locator('#save-status')).toContainText('تم الحفظ');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#q-number_of_states')).toHaveValue('45');
  await page.getByLabel('اللغة').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByLabel('Your full name')).toHaveValue('Amina Diallo');
  await expect(page.getByLabel('How many States take part in the mechanism?')).toHaveValue('45');
});

test('a date is typed in day, month and year boxes, named in the chosen language; half a date is kept and reported', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/declaration'));
  const date = group(page, /^Date/);
  await date.getByLabel('Day').fill('5');
  await date.getByLabel('Month').selectOption({ label: 'March' });
  // The message is next to the boxes and read with them (the group's description).
  await expect(date).toHaveAccessibleDescription(/Enter a valid date\./);
  await saved(page);

  // Half a date survives a reload, and is still reported.
  await page.reload();
  await expect(date.getByLabel('Day')).toHaveValue('05');
  await expect(date.getByLabel('Month')).toHaveValue('03');
  await expect(date).toHaveAccessibleDescription(/Enter a valid date\./);

  // A date in the future breaks the questionnaire's constraint; a past one is accepted.
  await date.getByLabel('Year').fill('2999');
  await expect(date).toHaveAccessibleDescription(/The date cannot be in the future\./);
  await date.getByLabel('Year').fill('2024');
  await expect(date).not.toHaveAccessibleDescription(/Enter a valid date|cannot be in the future/);
  await expect(page.getByRole('paragraph').filter({ hasText: /Enter a valid date|cannot be in the future/ })).toHaveCount(0);
  await saved(page);

  // The boxes are named in the app's language; the month names follow the questionnaire's; the review shows the date in it too.
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('group', { name: /^Date/ }).getByLabel('Mois').locator('option:checked')).toHaveText('March');
  await page.getByLabel('Questionnaire en').selectOption('fr');
  await expect(page.getByRole('group', { name: /^Date/ }).getByLabel('Mois').locator('option:checked')).toHaveText('mars');
  await page.getByLabel('Langue').selectOption('ar');
  await page.getByLabel('لغة الاستبيان').selectOption('ar');
  const arabic = page.getByRole('group', { name: /^التاريخ/ });
  await expect(arabic.getByLabel('اليوم')).toHaveValue('05');
  await expect(arabic.getByLabel('الشهر').locator('option:checked')).toHaveText('مارس');
  await expect(arabic.getByLabel('السنة')).toHaveValue('2024');
  await page.getByLabel('اللغة').selectOption('en');
  await page.getByLabel('Questionnaire in').selectOption('en');
  await page.getByRole('link', { name: 'Review', exact: true }).first().click();
  await expect(page.getByRole('region', { name: 'Declaration' }).getByText('March 5, 2024')).toBeVisible();
});

test('the review lists what is missing, and each item leads to its field', async ({ page, app }) => {
  const url = await createDraft(page, app);
  await page.goto(url.replace(/\/profile$/, '/review'));
  const problems = page.getByRole('region', { name: 'To complete before finalizing' });
  const missingName = problems.getByRole('link', { name: 'Your full name: This question is required.' });
  await expect(missingName).toBeVisible();
  await expect(problems.getByRole('link', { name: /How is the chair held\?: This question is required/ })).toBeVisible();
  await missingName.click();
  await expect(page.getByLabel('Your full name')).toBeFocused();
  await expect(page.getByText('This question is required.').first()).toBeVisible();
  await page.getByLabel('Your full name').fill('Amina Diallo');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Review' }).click();
  await expect(problems.getByRole('link', { name: /Your full name/ })).toHaveCount(0);
});

test('history lists earlier values and restores one', async ({ page, app }) => {
  await createDraft(page, app);
  const name = page.getByLabel('Your full name');
  await name.fill('First Name');
  await name.blur();
  await saved(page);
  await name.fill('Second Name');
  await name.blur();
  await expect(page.locator('#save-status')).toContainText('Saved at');
  await page.getByRole('button', { name: /^History\W+Your full name$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'History of “Your full name”' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('listitem').filter({ hasText: 'First Name' }).getByRole('button', { name: 'Restore this value' }).click();
  await expect(dialog).toBeHidden();
  await expect(name).toHaveValue('First Name');
});

test('Print on the review opens the browser print dialog, and the print layout shows answers only', async ({ page, app }) => {
  // The real dialog would block the test; count the calls instead.
  await page.addInitScript({ content: 'window.printCalls = 0; window.print = () => { window.printCalls += 1; };' });
  const url = await createDraft(page, app);
  await page.getByLabel('Your full name').fill('Amina Diallo');
  await page.goto(url.replace(/\/profile$/, '/review'));
  await page.getByRole('button', { name: 'Print' }).click();
  await expect.poll(() => page.evaluate('window.printCalls')).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByText('Amina Diallo')).toBeVisible();
});
