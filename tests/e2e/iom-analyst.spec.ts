import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePackage, makeSigner } from '../unit/import/package-kit.js';
import { makeResponses, mechanismAt } from '../unit/import/response-kit.js';
import { expect, test } from './fixtures.js';
import { expectNoViolations } from './axe.js';

/**
 * The IOM analyst's screens with real imported packages (real answers to the real questionnaire,
 * real signatures, sealed to the development key): a batch imported; the submissions table
 * filtered by kind of mechanism, searched, sorted and given a question column; revision 2
 * compared with revision 1; the report disaggregated by kind of mechanism and printed to PDF;
 * each screen scanned by axe in English and in Arabic.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEV_IDENTITY = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');
// Mechanisms of each kind in the questionnaire's list: an interregional forum, two regional processes, a global one.
const IRF = 0;
const RCP = 2;
const RCP_2 = 3;
const GLOBAL = 30;

const REPORT_PARTS = ['.iom-tabs', '.report fieldset', '.report-section:nth-of-type(1)', '.report-section:nth-of-type(2)', '.report-section:nth-of-type(4)'];

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: /IOM workspace|مساحة عمل/ }).getByRole('link', { name, exact: true });

test('a batch imported; the table filtered, searched and sorted; revision 2 compared with 1; a report by kind of mechanism printed', async ({ page, app }) => {
  test.setTimeout(480_000);
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-analyst-'));
  const signer = makeSigner('Amina Diallo');
  const r1 = await makePackage({ dir: inbox, signer, mechanismIndex: RCP, note: 'first' });
  const amended = makeResponses({ mechanism: mechanismAt(RCP).value, note: 'first' });
  amended.mechanism_website = 'https://abu-dhabi-dialogue.example/amended';
  const r2 = await makePackage({ dir: inbox, signer, mechanismIndex: RCP, rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2, responses: amended });
  const others = [
    await makePackage({ dir: inbox, signer: makeSigner('Kofi Mensah'), mechanismIndex: IRF, note: 'zanzibar' }),
    await makePackage({ dir: inbox, signer: makeSigner('Lena Berg'), mechanismIndex: GLOBAL, note: 'other' }),
    await makePackage({ dir: inbox, signer: makeSigner('Ana Souza'), mechanismIndex: RCP_2, respondentKind: 'state', stateName: 'Ecuador', signerName: 'Ana Souza', note: 'state' }),
  ];
  const rcpLabel = mechanismAt(RCP).label;

  await page.goto(`${app.url}#/iom/import`);
  await page.getByLabel('Identity file (path on this computer)').fill(DEV_IDENTITY);
  await page.getByRole('button', { name: 'Use this identity' }).click();
  await expect(page.getByText(/its recipient \(for the questionnaire configuration\) is/)).toBeVisible();
  await page.getByLabel(/Files or folders, one per line/).fill([r1.path, r2.path, ...others.map((o) => o.path)].join('\n'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('iom-import-summary')).toHaveText(/5 of 5 files: imported 5, older revisions 0/);

  // The table: labels, never codes; four current submissions.
  await tab(page, 'Submissions').click();
  const table = page.getByRole('table', { name: 'Submissions' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText('Showing 1 to 4 of 4 submissions (5 in all).');
  await expect(table).toContainText('Regional consultative process (RCP)');
  await expect(table).toContainText('Interregional forum (IRF)');
  await expect(table).toContainText('State: Ecuador');
  await expect(table).not.toContainText('rcp');
  await expectNoViolations(page, 'submissions table');

  // Filter by kind of mechanism, then every revision.
  await page.getByRole('combobox', { name: 'Kind of mechanism' }).selectOption({ label: 'Regional consultative process (RCP)' });
  await expect(rows).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
  await expect(rows).toHaveCount(3);
  await expect(table.locator('tr[data-status="superseded"]')).toContainText(rcpLabel);
  await page.getByRole('button', { name: 'Clear the filters' }).click();
  await expect(rows).toHaveCount(4);

  // Search the written answers, accents and case aside.
  await page.getByLabel('Search the answers').fill('ZANZIBAR');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(mechanismAt(IRF).label);
  await page.getByLabel('Search the answers').fill('');
  await expect(rows).toHaveCount(4);

  // Sort by mechanism, both ways; the header says how it is sorted.
  const mechanismHeader = table.getByRole('columnheader', { name: /^Mechanism/ });
  await mechanismHeader.getByRole('button').click();
  await expect(mechanismHeader).toHaveAttribute('aria-sort', 'ascending');
  const names = [mechanismAt(IRF).label, rcpLabel, mechanismAt(RCP_2).label, mechanismAt(GLOBAL).label].sort(new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare);
  await expect(rows.locator('td:first-child')).toHaveText(names);
  await mechanismHeader.getByRole('button').click();
  await expect(mechanismHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(rows.locator('td:first-child')).toHaveText([...names].reverse());
  await expect(rows.first()).toBeVisible();

  // A question column, its answers in words.
  await page.getByText(/^Question columns/).click();
  await page.getByRole('checkbox', { name: /Mechanism's website/ }).check();
  await expect(table.getByRole('columnheader', { name: /Mechanism's website/ })).toBeVisible();
  await expect(table).toContainText('https://abu-dhabi-dialogue.example/amended');

  // Revision 2 compared with revision 1: the changed answer, said in words.
  await page.getByRole('link', { name: `Open revision 2 of ${rcpLabel}` }).click();
  await page.getByRole('link', { name: 'Compare with revision 1' }).click();
  await expect(page.getByRole('heading', { name: 'Changes from revision 1 to revision 2' })).toBeVisible();
  const diff = page.getByRole('table', { name: 'Answers that differ between revision 1 and revision 2' });
  const changed = diff.locator('tr[data-change="changed"]', { hasText: "Mechanism's website" });
  await expect(changed).toContainText('Changed');
  await expect(changed).toContainText('https://abu-dhabi-dialogue.example/amended');
  await expectNoViolations(page, 'revision comparison');

  // The report by kind of mechanism, printed to PDF.
  await tab(page, 'Reports').click();
  await expect(page.getByText('4 submissions in this report.')).toBeVisible();
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('mechanismKind');
  const question = page.getByRole('region', { name: 'In what capacity are you answering?' });
  const byKind = question.getByRole('table', { name: 'Table: In what capacity are you answering?' });
  await expect(byKind.getByRole('columnheader')).toHaveText(['Answer', 'Regional consultative process (RCP)', 'Interregional forum (IRF)', 'Global process']);
  await expect(byKind.getByRole('row', { name: /A State taking part/ })).toContainText('1 (50%)');
  await expect(question.locator('svg.report-chart')).toHaveCount(1);
  // Scanned: the settings and the sections with every kind of chart and table (choices,
  // numbers, text; scales and dates; matrices). A scan of all eight takes minutes on a busy machine.
  await expectNoViolations(page, 'report by kind of mechanism', REPORT_PARTS);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);

  // The same screens in Arabic.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.getByRole('heading', { name: 'التقارير' })).toBeVisible();
  await expectNoViolations(page, 'report (Arabic)', REPORT_PARTS);
  await tab(page, 'الإرسالات').click();
  await expect(page.getByRole('table', { name: 'الإرسالات' }).locator('tbody tr')).toHaveCount(4);
  await expect(page.getByRole('table', { name: 'الإرسالات' })).toContainText('عملية تشاورية إقليمية');
  await expectNoViolations(page, 'submissions table (Arabic)');
  await page.goto(`${app.url}#/iom/submissions/${r2.submissionId}/compare`);
  await expect(page.getByRole('heading', { name: /^التغييرات من النسخة [1١] إلى النسخة [2٢]$/ })).toBeVisible();
  await expectNoViolations(page, 'revision comparison (Arabic)');
});
