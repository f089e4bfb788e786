import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makePackage, makeSigner } from '../unit/import/package-kit.js';
import { mechanismAt } from '../unit/import/response-kit.js';
import { expect, test } from './fixtures.js';
import { expectNoViolations } from './axe.js';

/**
 * One imported submission's attachment, opened in the web host: there it is downloaded (the
 * browser cannot hand a file to the system's application). The package is real (real answers,
 * signature, sealed to the development key) and its attachment's name carries a folder and a
 * bidirectional override, as a foreign file may; the downloaded bytes are compared with the
 * file the respondent attached, and the list is checked with axe in English and Arabic.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEV_IDENTITY = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');
const SHOTS = path.join(ROOT, 'test-results', 'iom-attachment');

test('an imported submission’s attachment is downloaded, byte for byte, under its safe name', async ({ page, app }) => {
  test.setTimeout(120_000);
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-attachment-'));
  // Bytes that are not text, so a transcoding or a truncation would show.
  const report = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)), Buffer.from('\n%%EOF\n')]);
  const withReport = await makePackage({
    dir: inbox,
    signer: makeSigner('Amina Diallo'),
    mechanismIndex: 2,
    attachments: [report],
    attachmentNames: ['C:\\Users\\amina\\Rapport annuel\u202E 2025.pdf'],
  });
  const mechanism = mechanismAt(2).label;

  await page.goto(`${app.url}#/iom/import`);
  await page.getByLabel('Identity file (path on this computer)').fill(DEV_IDENTITY);
  await page.getByRole('button', { name: 'Use this identity' }).click();
  await expect(page.getByText(/its recipient \(for the questionnaire configuration\) is/)).toBeVisible();
  await page.getByLabel(/Files or folders, one per line/).fill(withReport.path);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('iom-import-summary')).toHaveText(/1 of 1 files: imported 1/);

  // The submission, from the table as a user reaches it.
  await page.getByRole('navigation', { name: 'IOM workspace' }).getByRole('link', { name: 'Submissions', exact: true }).click();
  await page.getByRole('link', { name: `Open revision 1 of ${mechanism}` }).click();
  await expect(page.getByRole('heading', { name: `${mechanism}: revision 1 (current)` })).toBeVisible();

  const files = page.getByRole('table', { name: 'Attached files' });
  const row = files.getByRole('row', { name: /Rapport annuel 2025\.pdf/ });
  await expect(row).toContainText('PDF');
  await expect(row).toContainText('4 kB');
  await expect(row).not.toContainText('Can run code');
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.getByTestId('iom-attachments').screenshot({ path: path.join(SHOTS, 'attachments-en.png') });
  await expectNoViolations(page, 'attachments (English)', ['[data-testid="iom-attachments"]']);

  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Download Rapport annuel 2025.pdf' }).click()]);
  // The folder and the override are gone from the name; the bytes are the respondent's.
  expect(download.suggestedFilename()).toBe('Rapport annuel 2025.pdf');
  const saved = await download.path();
  expect(fs.readFileSync(saved).equals(report)).toBe(true);
  await expect(page.getByTestId('iom-attachments').getByRole('status')).toHaveText('Rapport annuel 2025.pdf was downloaded: see your browser’s downloads.');

  // The same list in Arabic: its own words and digits, right to left.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  const arabic = page.getByRole('table', { name: 'الملفات المرفقة' });
  await expect(arabic.getByRole('button', { name: 'تنزيل Rapport annuel 2025.pdf' })).toBeVisible();
  await expect(page.getByTestId('iom-attachments')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('iom-attachments').getByRole('status')).toHaveText('نُزّل الملف Rapport annuel 2025.pdf: راجعوا تنزيلات المتصفح.');
  await page.getByTestId('iom-attachments').screenshot({ path: path.join(SHOTS, 'attachments-ar.png') });
  await expectNoViolations(page, 'attachments (Arabic)', ['[data-testid="iom-attachments"]']);
  fs.rmSync(inbox, { recursive: true, force: true });
});
