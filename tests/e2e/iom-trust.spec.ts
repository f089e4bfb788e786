import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatKeyCard } from '../../main/services/import/key-card.js';
import { makePackage, makeSigner } from '../unit/import/package-kit.js';
import { realQuestionnaire } from '../unit/import/response-kit.js';
import { expect, test } from './fixtures.js';
import { expectNoViolations } from './axe.js';

/**
 * IOM's trust model in the workspace, as IOM runs a round: the list of expected respondents
 * (with a key card), several respondents of one mechanism each with their own key, a forged
 * revision refused, a new key for the secretariat held and accepted beside the first, the
 * possible duplicate chosen, strict mode; in English and in Arabic, each screen scanned by axe.
 * Packages are real (writePackage, real answers, real signatures, sealed to the development key).
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DEV_IDENTITY = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');
const MIDCOM = (realQuestionnaire().choiceLists.get('mechanisms') ?? []).findIndex((c) => c.value === 'midcom');

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: /IOM workspace|مساحة عمل/ }).getByRole('link', { name, exact: true });

async function importFiles(page: Page, files: readonly string[]): Promise<void> {
  await tab(page, 'Import').click();
  await page.getByLabel(/Files or folders, one per line/).fill(files.join('\n'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Import finished' })).toBeVisible({ timeout: 30_000 });
}

test('a round: expected respondents, a key per respondent, a forgery refused, a new key accepted, a duplicate chosen, strict mode', async ({ page, app }, testInfo) => {
  test.setTimeout(180_000);
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-trust-'));
  const secretariat = makeSigner('Amina Diallo');
  const ghana = makeSigner('Kofi Mensah');
  const unhcr = makeSigner('Lena Berg');
  const forger = makeSigner('Mallory');
  const newLaptop = makeSigner('Amina Diallo (new laptop)');
  fs.writeFileSync(path.join(inbox, 'ghana-card.txt'), formatKeyCard({ name: 'Kofi Mensah', mechanism: 'midcom', publicKey: ghana.publicKey, fingerprint: ghana.fingerprint }));
  fs.writeFileSync(path.join(inbox, 'bad.csv'), 'mechanism,kind,state_or_organisation\nmidcom,state,Ghana\nmidcom,planet,Mars\nmidcom,state,\n');
  fs.writeFileSync(
    path.join(inbox, 'expected.csv'),
    'mechanism,kind,state_or_organisation,key_card\nmidcom,secretariat,,\nmidcom,state,Ghana,ghana-card.txt\nmidcom,state,Senegal,\nmidcom,state,Mali,\nmidcom,organisation,UNHCR,\n',
  );
  const base = { dir: inbox, mechanismIndex: MIDCOM };
  const r1 = await makePackage({ ...base, signer: secretariat, note: 'first' });
  const fromGhana = await makePackage({ ...base, signer: ghana, respondentKind: 'state', stateName: 'Ghana', signerName: 'Kofi Mensah' });
  const fromUnhcr = await makePackage({ ...base, signer: unhcr, respondentKind: 'organisation', institution: 'UNHCR', signerName: 'Lena Berg' });
  const forged = await makePackage({ ...base, signer: forger, signerName: 'Mallory', rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2, note: 'forged' });
  const restarted = await makePackage({ ...base, signer: newLaptop, note: 'started again on a new laptop' });
  const stranger = await makePackage({ ...base, signer: makeSigner('Unknown NGO'), respondentKind: 'organisation', institution: 'Unknown NGO', signerName: 'Unknown NGO' });

  await page.goto(`${app.url}#/iom/import`);
  await page.getByLabel('Identity file (path on this computer)').fill(DEV_IDENTITY);
  await page.getByRole('button', { name: 'Use this identity' }).click();
  await expect(page.getByText(/its recipient \(for the questionnaire configuration\) is/)).toBeVisible();

  // The list of expected respondents: a bad file changes nothing and names each bad line.
  await tab(page, 'Expected respondents').click();
  await page.getByLabel('List file (path on this computer)').fill(path.join(inbox, 'bad.csv'));
  await page.getByLabel('Your name (recorded with the decision)').fill('Jean Dupont');
  await page.getByRole('button', { name: 'Load the list' }).click();
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('Nothing was loaded');
  await expect(problems).toContainText('Line 3: kind “planet” is not secretariat, state or organisation');
  await expect(problems).toContainText('Line 4: a State respondent needs the name of the State');
  await expect(page.getByText('No list of expected respondents is loaded.')).toBeVisible();
  await page.getByLabel('List file (path on this computer)').fill(path.join(inbox, 'expected.csv'));
  await page.getByRole('button', { name: 'Load the list' }).click();
  await expect(page.getByRole('status')).toHaveText('List loaded: 5 respondents expected (5 added, 0 no longer expected); 1 key(s) registered.');
  await expect(page.getByRole('table', { name: 'Expected respondents' }).locator('tbody tr')).toHaveCount(5);
  await expectNoViolations(page, 'expected respondents');

  // A secretariat, a State (its key registered by the list) and an organisation, each with their own key; a forged revision.
  await importFiles(page, [r1.path, fromGhana.path, fromUnhcr.path, forged.path]);
  await expect(page.getByTestId('iom-import-summary')).toHaveText(/4 of 4 files: imported 3, .* held 0, rejected 1/);
  const outcomes = page.getByRole('table', { name: 'Outcome of each file' });
  await expect(outcomes.locator('tr[data-kind="rejected"]')).toContainText('it claims to continue a submission signed by someone else');
  await expect(outcomes.locator('tr[data-kind="rejected"]')).toContainText('CHAIN_MISMATCH');
  await expect(outcomes.locator('tr[data-kind="imported"]', { hasText: 'New signer' })).toHaveCount(2);
  await expectNoViolations(page, 'import outcomes');

  // A new key for the secretariat: held, then accepted beside the first one.
  await importFiles(page, [restarted.path]);
  await expect(outcomes.locator('tr[data-kind="held"]')).toContainText('Held: key to decide');
  await tab(page, 'Keys').click();
  const held = page.getByRole('group', { name: /^Key held for Secretariat of .*MIDCOM/ });
  await expect(held).toContainText('Another key is registered for this respondent');
  await expect(held).toContainText(secretariat.fingerprint);
  await expect(held).toContainText(newLaptop.fingerprint);
  await expectNoViolations(page, 'keys with a held key');
  await page.screenshot({ path: testInfo.outputPath('keys-held-en.png'), fullPage: true });
  await held.getByRole('button', { name: 'Accept the key' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Key accepted' })).toHaveText(/1 held package\(s\) imported again: Imported\./);
  await expect(page.getByText('No package is waiting for a key decision.')).toBeVisible();
  const registry = page.getByRole('table', { name: 'Registered keys by mechanism and respondent' });
  await expect(registry.locator('tbody tr', { hasText: 'Secretariat' })).toHaveCount(2);
  await expect(registry.locator('tr[data-source="list"]')).toHaveCount(0);
  await expect(registry.locator('tr', { hasText: 'State: Ghana' })).toContainText('key card');

  // The status: the secretariat's two submissions are a possible duplicate; IOM chooses one.
  await tab(page, 'Status per mechanism').click();
  const row = page.locator('tr[data-mechanism="midcom"]');
  await expect(row).toContainText('Possible duplicate');
  await expect(row).toContainText('1 received of 3 expected');
  await expect(row).toContainText('1 received of 1 expected');
  const duplicates = page.getByRole('group', { name: /^Secretariat of .*MIDCOM/ });
  await expect(duplicates.getByRole('button', { name: /^Count revision 1 signed by Amina Diallo/ })).toHaveCount(2);
  await expectNoViolations(page, 'status with a duplicate');
  await page.screenshot({ path: testInfo.outputPath('status-duplicate-en.png'), fullPage: true });
  await duplicates.getByRole('button', { name: /^Count revision 1 signed by Amina Diallo/ }).first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Done' })).toHaveText('Done: the chosen submission counts; 1 other(s) withdrawn.');
  await expect(page.getByText('No possible duplicate.')).toBeVisible();
  await expect(row).not.toContainText('Possible duplicate');
  const details = page.getByRole('region', { name: /^Respondents of .*MIDCOM/ });
  await expect(details.locator('li[data-state="withdrawn"]')).toContainText('Withdrawn by Jean Dupont on');
  await expect(details).toContainText('State: Senegal (expected): not received yet');
  await page.getByRole('navigation', { name: 'IOM workspace' }).getByRole('link', { name: 'Submissions' }).click();
  await page.getByLabel('Status').selectOption('withdrawn');
  await expect(page.getByRole('table', { name: 'Submissions' }).locator('tbody tr')).toHaveCount(1);

  // Strict mode: a package from a key not registered for its respondent is held.
  await tab(page, 'Keys').click();
  await page.getByLabel(/Hold packages from keys not registered for their respondent/).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText('Strict mode is on: only registered keys are accepted.')).toBeVisible();
  await importFiles(page, [stranger.path]);
  await expect(page.getByText('Only registered keys are accepted', { exact: false }).first()).toBeVisible();
  await expect(outcomes.locator('tr[data-kind="held"]')).toContainText('SIGNER_UNREGISTERED');
  await tab(page, 'Keys').click();
  await expect(page.getByRole('group', { name: /^Key held for Organisation: Unknown NGO of .*MIDCOM/ })).toContainText(
    'No key is registered for this respondent, and only registered keys are accepted.',
  );

  // The same screens in Arabic, right to left.
  await page.getByLabel('Language', { exact: true }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'سجل المفاتيح' })).toBeVisible();
  await expect(page.getByRole('group', { name: /^مفتاح محتجَز لـ المنظمة: Unknown NGO/ })).toBeVisible();
  await expectNoViolations(page, 'keys (ar)');
  await page.screenshot({ path: testInfo.outputPath('keys-ar.png'), fullPage: true });
  await page.getByRole('navigation', { name: 'مساحة عمل المنظمة الدولية للهجرة' }).getByRole('link', { name: 'الحالة حسب الآلية' }).click();
  await expect(page.locator('tr[data-mechanism="midcom"]')).toContainText('المستلَمة: 1 من 3 متوقَّعة');
  await expectNoViolations(page, 'status (ar)');
  await page.screenshot({ path: testInfo.outputPath('status-ar.png'), fullPage: true });
  await page.getByRole('navigation', { name: 'مساحة عمل المنظمة الدولية للهجرة' }).getByRole('link', { name: 'المجيبون المتوقَّعون' }).click();
  await expect(page.getByRole('table', { name: 'المجيبون المتوقَّعون' })).toContainText('الدولة: Ghana');
  await expectNoViolations(page, 'expected respondents (ar)');
});
