import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { makePackage, makeRevisions, makeSigner } from '../unit/import/package-kit.js';
import { expect, test } from './fixtures.js';

/**
 * IOM's workspace end to end: two revisions of one submission and a package from another
 * mechanism, imported in reverse order through the web UI; revision 2 current, revision 1
 * superseded; then CSV and XLSX exports read back with standard tools. The packages are made
 * with the package library's writePackage (real answers to the real questionnaire, real
 * signatures, sealed to the development recipient), as a respondent's app would.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEV_IDENTITY = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');

test('import in reverse order in the workspace, review, and export CSV and XLSX', async ({ page, app }) => {
  test.setTimeout(120_000);
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-inbox-'));
  const [r1, r2] = await makeRevisions(inbox, makeSigner('Amina Diallo'));
  const other = await makePackage({ dir: inbox, signer: makeSigner('Carlos Pérez'), mechanismIndex: 5, attachments: [Buffer.from('%PDF-1.4 report\n')] });

  await page.goto(app.url);
  await page.getByRole('link', { name: 'IOM import' }).click();
  await expect(page.getByRole('heading', { name: 'IOM import' })).toBeVisible();
  await page.getByLabel('Identity file (path on this computer)').fill(DEV_IDENTITY);
  await page.getByRole('button', { name: 'Use this identity' }).click();
  await expect(page.getByText(/its recipient \(for the questionnaire configuration\) is/)).toBeVisible();

  // Reverse order: the amendment first, then the original, then the other mechanism.
  await page.getByLabel(/Files or folders, one per line/).fill([r2.path, r1.path, other.path].join('\n'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('iom-import-summary')).toHaveText(/3 of 3 files: imported 2, older revisions 1, already imported 0, conflicts 0, held 0, rejected 0/);
  const outcomes = page.getByRole('table', { name: 'Outcome of each file' });
  await expect(outcomes.locator('tr[data-kind="superseded"]')).toContainText('SUPERSEDED');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The submissions table: revision 2 current, revision 1 superseded.
  await page.getByRole('navigation', { name: 'IOM workspace' }).getByRole('link', { name: 'Submissions' }).click();
  const table = page.getByRole('table', { name: 'Submissions' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await page.getByLabel('Status').selectOption('all');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  const mechanism = r2.manifest.mechanism.label;
  await expect(table.locator('tr[data-status="current"]', { hasText: mechanism })).toContainText('2');
  await expect(table.locator('tr[data-status="superseded"]', { hasText: mechanism })).toContainText('1');

  // Open revision 2 read-only, in French.
  await page.getByRole('link', { name: `Open revision 2 of ${mechanism}` }).click();
  await expect(page.getByRole('heading', { name: `${mechanism}: revision 2 (current)` })).toBeVisible();
  await expect(page.getByText('Read-only: this is the signed submission exactly as it was imported.')).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.getByLabel('Language of the questionnaire').selectOption('fr');
  await expect(page.locator('article[lang="fr"]').getByRole('heading', { name: 'Profil du répondant et du mécanisme' })).toBeVisible();

  // Status per mechanism.
  await page.getByRole('navigation', { name: 'IOM workspace' }).getByRole('link', { name: 'Status per mechanism' }).click();
  await expect(page.getByText(/2 of \d+ mechanisms have a submission/)).toBeVisible();

  // Export CSV, then XLSX.
  // Each export goes to a new folder named by its time inside the chosen one (which must exist);
  // the XLSX goes to another chosen folder, so two exports in the same second do not collide.
  const chosen = path.join(app.dataDir, 'export');
  const chosenXlsx = path.join(app.dataDir, 'export-xlsx');
  fs.mkdirSync(chosen);
  fs.mkdirSync(chosenXlsx);
  const only = (dir: string): string => {
    const [folder, ...more] = fs.readdirSync(dir);
    expect(more).toEqual([]);
    expect(folder).toMatch(/^iscm-export-\d{8}-\d{6}Z$/);
    return path.join(dir, folder ?? '');
  };
  await page.getByRole('navigation', { name: 'IOM workspace' }).getByRole('link', { name: 'Export' }).click();
  await page.getByLabel('Folder to write to (path on this computer)').fill(chosen);
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByText(/Exported 2 submission\(s\) and 1 attached file\(s\)/)).toBeVisible();
  const out = only(chosen);
  await page.getByLabel('Folder to write to (path on this computer)').fill(chosenXlsx);
  await page.getByLabel('Excel workbook (XLSX)').check();
  await page.getByRole('button', { name: 'Export' }).click();
  await expect(page.getByText('iscm-assessment.xlsx')).toBeVisible();

  const main: Record<string, string>[] = parse(fs.readFileSync(path.join(out, 'iscm-assessment.csv')), { bom: true, columns: true });
  expect(main.map((r) => `${r.Mechanism ?? ''}:${r.Revision ?? ''}:${r.Status ?? ''}`).sort()).toEqual(
    [`${r2.manifest.mechanism.value}:2:current`, `${other.manifest.mechanism.value}:1:current`].sort(),
  );
  const achievements: Record<string, string>[] = parse(fs.readFileSync(path.join(out, 'iscm-assessment-achievements.csv')), { bom: true, columns: true });
  expect(achievements).toHaveLength(4);
  expect(new Set(achievements.map((r) => r.PARENT_KEY))).toEqual(new Set(main.map((r) => r.KEY)));

  const xlsx = path.join(only(chosenXlsx), 'iscm-assessment.xlsx');
  execFileSync('unzip', ['-t', xlsx], { stdio: 'pipe' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(xlsx);
  const sheet = workbook.getWorksheet('iscm-assessment');
  expect(sheet?.rowCount).toBe(main.length + 1);
  const header = (sheet?.getRow(1).values as unknown[]).slice(1);
  expect(header).toEqual(Object.keys(main[0] ?? {}));
});

test('the workspace follows the UI language: French, then Arabic from right to left', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('link', { name: 'IOM import' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'IOM import' })).toBeVisible();

  // The header's language menu, as on every screen.
  await page.getByLabel('Language', { exact: true }).selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Importation OIM' })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Espace de travail de l’OIM' });
  await expect(tabs.getByRole('link')).toHaveText(['Importation', 'Soumissions', 'Rapports', 'État par mécanisme', 'Clés', 'Répondants attendus', 'Exportation', 'Quarantaine']);
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toBeVisible();
  // A sentence with the identity's path inside it keeps the path as code.
  await page.getByLabel('Fichier d’identité (chemin sur cet ordinateur)').fill(DEV_IDENTITY);
  await page.getByRole('button', { name: 'Utiliser cette identité' }).click();
  const inUse = page.getByText(/son destinataire \(pour la configuration du questionnaire\) est/);
  await expect(inUse).toBeVisible();
  await expect(inUse.locator('code').first()).toHaveText(DEV_IDENTITY);

  await page.getByLabel('Langue', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('navigation', { name: 'مساحة عمل المنظمة الدولية للهجرة' }).getByRole('link', { name: 'الإرسالات' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'استيراد', exact: true })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
