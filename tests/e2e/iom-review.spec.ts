import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localize } from '../../core/questionnaire/index.js';
import { makePackage, makeSigner } from '../unit/import/package-kit.js';
import { mechanismAt, realQuestionnaire } from '../unit/import/response-kit.js';
import { expect, test } from './fixtures.js';
import { expectNoViolations } from './axe.js';

/**
 * Review states as an IOM analyst uses them, with real packages (real answers, real signatures,
 * sealed to the development key): one submission set to "has issues" with a comment, then
 * "approved"; its action log shows both with their author; the table filtered by review state;
 * an export with labels and split multiple choices read back from its CSV. The review panel is
 * scanned by axe in English and in Arabic.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEV_IDENTITY = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');
const RCP = 2;
const IRF = 0;

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: /IOM workspace|مساحة عمل/ }).getByRole('link', { name, exact: true });

test('a submission reviewed (has issues, then approved) with its log; the table filtered by review state; an export with labels and split choices', async ({ page, app }) => {
  test.setTimeout(300_000);
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-review-'));
  const reviewed = await makePackage({ dir: inbox, signer: makeSigner('Amina Diallo'), mechanismIndex: RCP, note: 'reviewed' });
  const untouched = await makePackage({ dir: inbox, signer: makeSigner('Kofi Mensah'), mechanismIndex: IRF, note: 'untouched' });
  const rcpLabel = mechanismAt(RCP).label;
  const irfLabel = mechanismAt(IRF).label;

  await page.goto(`${app.url}#/iom/import`);
  await page.getByLabel('Identity file (path on this computer)').fill(DEV_IDENTITY);
  await page.getByRole('button', { name: 'Use this identity' }).click();
  await expect(page.getByText(/its recipient \(for the questionnaire configuration\) is/)).toBeVisible();
  await page.getByLabel(/Files or folders, one per line/).fill([reviewed.path, untouched.path].join('\n'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });

  // The table has a review column, in words: both arrived "Received".
  await tab(page, 'Submissions').click();
  const table = page.getByRole('table', { name: 'Submissions' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(table.getByRole('columnheader', { name: /^Review/ })).toBeVisible();
  await expect(rows.filter({ hasText: rcpLabel })).toContainText('Received');
  await expect(table).not.toContainText('has_issues');

  // One submission: "has issues" with a comment, by the name typed once.
  await page.getByRole('link', { name: `Open revision 1 of ${rcpLabel}` }).click();
  const panel = page.getByRole('region', { name: 'Review' });
  await expect(panel.getByText('Review state: Received')).toBeVisible();
  await expect(panel.getByText('Not reviewed yet: it arrived with the import.')).toBeVisible();
  // Without a name, the panel says what is missing and nothing is saved.
  await panel.getByRole('radio', { name: 'Has issues' }).check();
  await panel.getByRole('button', { name: 'Save the review' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Type your name first: it is recorded with the review.');
  await panel.getByLabel('Your name (recorded with the decision)').fill('Marie Curie');
  await panel.getByLabel('Comment (optional)').fill('The budget in section C does not add up.');
  await panel.getByRole('button', { name: 'Save the review' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved: the review state is now Has issues.');
  await expect(panel.getByText('Review state: Has issues')).toBeVisible();
  await expect(panel.getByText(/^Set by Marie Curie on /)).toBeVisible();
  await expectNoViolations(page, 'review panel', ['.review-panel']);

  // Then approved, with a second comment; the log keeps both with their author, oldest first.
  await panel.getByRole('radio', { name: 'Approved' }).check();
  await panel.getByLabel('Comment (optional)').fill('Corrected by phone with the secretariat.');
  await panel.getByRole('button', { name: 'Save the review' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved: the review state is now Approved.');
  await expect(panel.getByLabel('Comment (optional)')).toHaveValue('');
  const log = panel.getByRole('table', { name: 'Action log' });
  const logRows = log.locator('tbody tr');
  await expect(logRows).toHaveCount(3);
  await expect(logRows.nth(0)).toContainText('Imported: Received');
  await expect(logRows.nth(1)).toContainText('State changed from Received to Has issues');
  await expect(logRows.nth(1)).toContainText('Marie Curie');
  await expect(logRows.nth(1)).toContainText('The budget in section C does not add up.');
  await expect(logRows.nth(2)).toContainText('State changed from Has issues to Approved');
  await expect(logRows.nth(2)).toContainText('Marie Curie');
  await expect(logRows.nth(2)).toContainText('Corrected by phone with the secretariat.');
  await expect(panel.getByText('Review state: Approved')).toBeVisible();

  // The same panel in Arabic, right to left, scanned again.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  const panelAr = page.getByRole('region', { name: 'المراجعة' });
  await expect(panelAr.getByText('حالة المراجعة: معتمَدة')).toBeVisible();
  // The confirmation follows the language too.
  await expect(panelAr.getByRole('status')).toHaveText('تم الحفظ: حالة المراجعة الآن معتمَدة.');
  await expect(panelAr.getByRole('table', { name: 'سجل الإجراءات' }).locator('tbody tr').nth(2)).toContainText('تغيّرت الحالة من بها مشكلات إلى معتمَدة');
  await expectNoViolations(page, 'review panel (Arabic)', ['.review-panel']);
  await page.getByLabel('اللغة', { exact: true }).selectOption('en');

  // The table filtered by review state.
  await tab(page, 'Submissions').click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: rcpLabel })).toContainText('Approved');
  const reviewFilter = page.getByRole('combobox', { name: 'Review state' });
  await reviewFilter.selectOption({ label: 'Approved' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(rcpLabel);
  await reviewFilter.selectOption({ label: 'Received' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(irfLabel);
  await reviewFilter.selectOption({ label: 'Has issues' });
  await expect(page.getByRole('status').filter({ hasText: 'No submission matches' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(rows).toHaveCount(2);

  // The report filtered by review state counts only the approved one.
  await tab(page, 'Reports').click();
  await expect(page.getByText('2 submissions in this report.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Review state' }).selectOption({ label: 'Approved' });
  await expect(page.getByText(/^1 submissions in this report\. Review state: Approved\.$/)).toBeVisible();

  // The export: a relative folder is refused in words; then labels and split choices.
  await tab(page, 'Export').click();
  await expect(page.getByLabel('Language of the labels and the codebook')).toHaveValue('en');
  await page.getByLabel('Folder to write to (path on this computer)').fill('exports/here');
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('alert')).toContainText('The folder must be a full path');
  await expect(page.getByRole('alert')).toContainText('not "exports/here"');
  const chosen = path.join(app.dataDir, 'export');
  fs.mkdirSync(chosen);
  await page.getByLabel('Folder to write to (path on this computer)').fill(path.join(chosen, 'missing'));
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByRole('alert')).toContainText(`The folder "${path.join(chosen, 'missing')}" does not exist.`);
  await page.getByLabel('Folder to write to (path on this computer)').fill(chosen);
  await page.getByLabel('Labels instead of codes in the data').check();
  await page.getByLabel('Split multiple choices into 0/1 columns').check();
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByText(/Exported 2 submission\(s\)/)).toBeVisible();
  const [folderName, ...more] = fs.readdirSync(chosen);
  expect(more).toEqual([]);
  expect(folderName).toMatch(/^iscm-export-\d{8}-\d{6}Z$/);
  const folder = path.join(chosen, folderName ?? '');
  await expect(page.getByTestId('iom-export-folder')).toHaveText(folder);

  const csv = fs.readFileSync(path.join(folder, 'iscm-assessment.csv'));
  const firstLine: string[][] = parse(csv, { bom: true, to_line: 1 });
  const header = firstLine[0] ?? [];
  const data: Record<string, string>[] = parse(csv, { bom: true, columns: true });
  const row = data.find((r) => r.SubmissionId === reviewed.submissionId);
  expect(row).toBeDefined();
  // A label in a cell, in English: the single choice "respondent_kind" as its words, never its code.
  const q = realQuestionnaire();
  const kindLabel = localize(q.questions.get('respondent_kind')?.choices?.find((c) => c.value === 'secretariat')?.label ?? {}, 'en');
  expect(kindLabel).not.toBe('');
  expect(row?.respondent_kind).toBe(kindLabel);
  // The review columns carry the decision.
  expect(row).toMatchObject({ ReviewState: 'approved', ReviewedBy: 'Marie Curie', LastComment: 'Corrected by phone with the secretariat.' });
  // A 0/1 column per choice of a multiple choice question, named question/choice.
  const choices = q.questions.get('working_languages')?.choices ?? [];
  const split = header.filter((h) => h.startsWith('working_languages/'));
  expect(split).toEqual(choices.map((c) => `working_languages/${c.value}`));
  const cells = split.map((h) => row?.[h]);
  expect(cells.every((c) => c === '0' || c === '1')).toBe(true);
  expect(cells).toContain('1');
});
