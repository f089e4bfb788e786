import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AnswerValue } from '../../core/answers/value.js';
import type { IscmApi } from '../../core/contract/index.js';
import { generateAgeIdentity } from '../../main/services/crypto/age.js';
import { makeRelease, newestBundledQuestionnaire } from '../helpers/releases.js';
import { nextVersionOf } from '../helpers/next-version.js';
import { OTHER_PUBLISHER, resigned, rezip } from '../unit/releases/release-kit.js';
import { fullSecretariatAnswers } from '../unit/submissions/full-answers.js';
import { expect, test } from './fixtures.js';
import { expectNoSeriousViolations } from './axe.js';

/**
 * Questionnaire releases end to end: IOM publishes 1.0.x+1 with a new recipient, a respondent
 * installs it, moves a draft started on the older version (every answer kept: carried, or
 * listed as not carried over), exports it sealed to the new recipient, and IOM imports it.
 */

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const ISCM = path.join(ROOT, 'cli', 'bin', 'iscm.mjs');
const SHOTS = path.join(ROOT, 'test-results', 'releases');
const PASSPHRASE = 'a passphrase for the e2e test';
const SOURCE = newestBundledQuestionnaire().json;
const NEXT = nextVersionOf(SOURCE);
const LABEL = {
  en: 'IOM (assessment round 2027)',
  fr: 'OIM (cycle 2027)',
  es: 'OIM (ronda 2027)',
  ar: 'المنظمة الدولية للهجرة (جولة 2027)',
};
const CONTACT = {
  email: 'iscm-round@example.org',
  text: {
    en: 'Send the exported file to the ISCM team at iscm-round@example.org.',
    fr: 'Envoyez le fichier exporté à l’équipe ISCM : iscm-round@example.org.',
    es: 'Envíe el archivo exportado al equipo ISCM: iscm-round@example.org.',
    ar: 'أرسلوا الملف المُصدَّر إلى فريق ISCM على iscm-round@example.org.',
  },
};

const iscm = (...args: string[]) => spawnSync('node', [ISCM, ...args], { cwd: ROOT, encoding: 'utf8' });

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function fillDraft(page: Page, answers: Record<string, AnswerValue>): Promise<string> {
  return page.evaluate(async (all) => {
    const api = (globalThis as unknown as { iscm: IscmApi }).iscm;
    const created = await api.drafts.create({
      title: 'Bali Process 2026',
      respondentKind: 'secretariat',
      mechanism: 'bali_process',
      language: 'en',
    });
    if (!created.ok) throw new Error(created.error.message);
    for (const [p, value] of Object.entries(all)) {
      const saved = await api.answers.save({ draftId: created.value.id, path: p, value });
      if (!saved.ok) throw new Error(`${p}: ${saved.error.message}`);
    }
    return created.value.id;
  }, answers);
}

async function chooseRelease(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /Install a questionnaire file|تثبيت ملف استبيان/ }).click();
  await (await chooser).setFiles(file);
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .map((f) => `${f} ${fs.statSync(path.join(dir, f)).size}`)
    .sort();
}

test('install a newer release, move a draft with every answer kept, export it to the new recipient, import it at IOM', async ({
  page,
  app,
}) => {
  test.setTimeout(180_000);
  const work = path.join(app.dataDir, '..', `${path.basename(app.dataDir)}-work`);
  fs.mkdirSync(work, { recursive: true });
  const iom = await generateAgeIdentity();
  const identityFile = path.join(work, 'iom-identity.txt');
  fs.writeFileSync(identityFile, `${iom.identity}\n`, { mode: 0o600 });
  const release = await makeRelease(NEXT.json, {
    recipients: [{ age: iom.recipient, label: LABEL }],
    contact: CONTACT,
    publishedAt: '2027-01-15T09:00:00Z',
  });
  const releaseFile = path.join(work, `iscm-assessment-${NEXT.version}.iscmq`);
  fs.writeFileSync(releaseFile, release.bytes);

  await page.goto(app.url);
  // A development build says so in its window title.
  await expect(page).toHaveTitle(/development build/);
  const today = new Date().toISOString().slice(0, 10);
  const answers = {
    ...fullSecretariatAnswers({ today }),
    [NEXT.removed]: 'https://www.example.org/bali-process',
    [NEXT.retyped]: 'Australia, Indonesia, Thailand',
  };
  const draftId = await fillDraft(page, answers);

  // Install: the preview says what changes, by question id, before anything is written.
  await page.goto(app.url);
  const installedBefore = listFiles(path.join(app.dataDir, 'releases'));
  await chooseRelease(page, releaseFile);
  const dialog = page.getByRole('dialog');
  await expect(
    dialog.getByRole('heading', { name: `Install version ${NEXT.version} of the questionnaire?` }),
  ).toBeVisible();
  await expect(dialog).toContainText(`(${NEXT.added})`);
  await expect(dialog).toContainText(`(${NEXT.removed})`);
  await expect(dialog).toContainText(NEXT.droppedChoice.question);
  await expect(dialog).toContainText(CONTACT.text.en);
  await expect(dialog).toContainText('Drafts on an older version that can move to this one: 1');
  expect(listFiles(path.join(app.dataDir, 'releases'))).toEqual(installedBefore); // the bundled releases only: nothing written yet
  await shot(page, 'en-preview');
  await expectNoSeriousViolations(page, 'release preview');
  await dialog.getByRole('button', { name: 'Install' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Version ${NEXT.version} of the questionnaire is installed` }),
  ).toBeVisible();
  expect(fs.readFileSync(path.join(app.dataDir, 'releases', 'iscm-assessment', `${NEXT.version}.iscmq`))).toEqual(
    release.bytes,
  );

  // The draft says a newer version is installed and what that changes for it; then it moves.
  await page.goto(`${app.url}#/drafts/${draftId}`);
  const notice = page.locator('.version-notice');
  await expect(notice).toContainText(
    `This draft is on version ${SOURCE.version}. Version ${NEXT.version} is installed.`,
  );
  await expect(notice).toContainText(`(${NEXT.added})`);
  await expect(notice).toContainText('https://www.example.org/bali-process');
  await shot(page, 'en-notice');
  await expectNoSeriousViolations(page, 'draft notice');
  await notice.getByRole('button', { name: `Move this draft to version ${NEXT.version}` }).click();
  await expect(page.getByText(`The draft is now on version ${NEXT.version}`)).toBeVisible();
  const list = page.locator('.not-carried');
  await expect(list).toContainText('https://www.example.org/bali-process');
  await expect(list).toContainText('the question was removed');
  await expect(list).toContainText('Australia, Indonesia, Thailand');
  await expect(list).toContainText('the question now takes another type of answer');
  await shot(page, 'en-moved');
  await expectNoSeriousViolations(page, 'not carried over');
  // Every answer kept: carried unchanged, or listed.
  const draft = await page.evaluate(
    async (id) => (globalThis as unknown as { iscm: IscmApi }).iscm.drafts.get({ id }),
    draftId,
  );
  if (!draft.ok) throw new Error(draft.error.message);
  expect(draft.value.questionnaireVersion).toBe(NEXT.version);
  const kept = Object.fromEntries(Object.entries(answers).filter(([p]) => p !== NEXT.removed && p !== NEXT.retyped));
  expect(draft.value.answers).toMatchObject(kept);
  expect(Object.keys(draft.value.answers).sort()).toEqual(
    Object.keys({ ...kept, respondent_kind: 1, mechanism: 1 }).sort(),
  );

  // Sign and export: sealed to the release's new recipient, and the export screen names its contact.
  const identityId = await page.evaluate(async (passphrase) => {
    const api = (globalThis as unknown as { iscm: IscmApi }).iscm;
    const made = await api.identities.create({
      name: 'Amina Diallo',
      title: 'Head',
      organisation: 'RSO',
      mechanism: 'bali_process',
      email: '',
      passphrase,
    });
    if (!made.ok) throw new Error(made.error.message);
    return made.value.identity.id;
  }, PASSPHRASE);
  expect(identityId).toMatch(/./);
  await page.goto(`${app.url}#/drafts/${draftId}/review`);
  await page.getByRole('link', { name: 'Finalize and sign' }).click();
  await page.getByLabel(/I declare that the information given is accurate/).check();
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Finalize and sign' }).click();
  await expect(page.getByRole('heading', { name: 'Signed revision 1' })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.release-contact')).toContainText(CONTACT.text.en);
  await expect(page.getByTestId('dev-warning')).toHaveCount(0);
  await shot(page, 'en-export-contact');
  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: /^Export bali_process-secretariat-r1\.iscm$/ }).click();
  const saved = page.getByText(/^Saved to /);
  await expect(saved).toBeVisible({ timeout: 30_000 });
  const exported = ((await saved.textContent()) ?? '').replace(/^Saved to /, '').trim();
  expect(spawnSync('age', ['-d', '-i', identityFile, '-o', path.join(work, 'sub.zip'), exported]).status).toBe(0);
  const devIdentity = path.join(ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt');
  expect(spawnSync('age', ['-d', '-i', devIdentity, '-o', path.join(work, 'dev.zip'), exported]).status).not.toBe(0);

  // IOM: the release is added to iom.db, then the package imports with the matching identity.
  const db = path.join(work, 'iom.db');
  const unknown = iscm('import', exported, '--db', db, '--identity', identityFile, '--json');
  expect(unknown.status).toBe(1);
  expect(unknown.stdout).toContain(`version ${NEXT.version}`);
  expect(iscm('release', 'add', releaseFile, '--db', db).status).toBe(0);
  const imported = iscm('import', exported, '--db', db, '--identity', identityFile, '--json');
  expect(imported.status, `${imported.stdout}${imported.stderr}`).toBe(0);
  expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1 });
  execFileSync('unzip', ['-q', '-o', path.join(work, 'sub.zip'), 'manifest.json', '-d', work]);
  const manifest = JSON.parse(fs.readFileSync(path.join(work, 'manifest.json'), 'utf8')) as {
    questionnaire: { version: string };
    recipients: string[];
  };
  expect(manifest).toMatchObject({ questionnaire: { version: NEXT.version }, recipients: [iom.recipient] });
  fs.rmSync(work, { recursive: true, force: true });
});

test('a move can be undone: the draft is back on its version with every answer in place', async ({ page, app }) => {
  const release = await makeRelease(NEXT.json);
  const file = path.join(app.dataDir, 'next.iscmq');
  fs.writeFileSync(file, release.bytes);
  await page.goto(app.url);
  const answers = { respondent_name: 'Amina Diallo', [NEXT.removed]: 'https://www.example.org' };
  const draftId = await fillDraft(page, answers);
  await chooseRelease(page, file);
  await page.getByRole('dialog').getByRole('button', { name: 'Install' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is installed' })).toBeVisible();
  await page.goto(`${app.url}#/drafts/${draftId}`);
  await page.getByRole('button', { name: `Move this draft to version ${NEXT.version}` }).click();
  await expect(page.locator('.not-carried')).toContainText('https://www.example.org');
  await page.getByRole('button', { name: `Undo the move to version ${NEXT.version}` }).click();
  await expect(page.getByText(`The move was undone: the draft is back on version ${SOURCE.version}.`)).toBeVisible();
  await expect(page.locator('.not-carried')).toHaveCount(0);
  await expect(page.locator('.version-notice')).toBeVisible();
  const draft = await page.evaluate(
    async (id) => (globalThis as unknown as { iscm: IscmApi }).iscm.drafts.get({ id }),
    draftId,
  );
  expect(draft).toMatchObject({ ok: true, value: { questionnaireVersion: SOURCE.version, answers } });
});

for (const lang of ['en', 'ar'] as const) {
  test(`the release screens have no serious accessibility violation (${lang})`, async ({ page, app }) => {
    test.setTimeout(120_000);
    const release = await makeRelease(NEXT.json);
    const file = path.join(app.dataDir, 'next.iscmq');
    fs.writeFileSync(file, release.bytes);
    await page.goto(app.url);
    if (lang === 'ar') {
      await page.getByLabel('Language').selectOption('ar');
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    }
    await expectNoSeriousViolations(page, 'home');
    const draftId = await fillDraft(page, {
      respondent_name: 'أمينة',
      [NEXT.removed]: 'https://www.example.org',
      [NEXT.retyped]: 'قائمة الدول',
    });
    await page.evaluate(
      async ([id, l]) => {
        await (globalThis as unknown as { iscm: IscmApi }).iscm.drafts.update({ id, language: l });
      },
      [draftId, lang] as const,
    );
    await chooseRelease(page, file);
    await expect(page.getByRole('dialog')).toBeVisible();
    await shot(page, `${lang}-preview-dialog`);
    await expectNoSeriousViolations(page, 'preview');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: lang === 'ar' ? 'تثبيت' : 'Install' })
      .click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await page.goto(`${app.url}#/drafts/${draftId}`);
    await expect(page.locator('.version-notice')).toBeVisible();
    await shot(page, `${lang}-draft-notice`);
    await expectNoSeriousViolations(page, 'notice');
    await page.locator('.version-notice button').click();
    await expect(page.locator('.not-carried')).toBeVisible();
    await shot(page, `${lang}-not-carried`);
    await expectNoSeriousViolations(page, 'not carried over');
    await page.goto(`${app.url}#/iom/import`);
    await expect(page.locator('#iom-releases-heading')).toBeVisible();
    await shot(page, `${lang}-iom-releases`);
    await expectNoSeriousViolations(page, 'IOM releases');
  });
}

test('hostile release files are each refused with their own message, and nothing is written', async ({ page, app }) => {
  test.setTimeout(120_000);
  const next = await makeRelease(NEXT.json);
  const questionnaire = Buffer.from(`${JSON.stringify(NEXT.json, null, 2)}\n`);
  const older = await makeRelease({ ...SOURCE, version: '0.9.0' });
  const files: [string, Buffer, string][] = [
    [
      'tampered-definition.iscmq',
      await rezip({
        manifest: next.manifestBytes,
        signature: next.signature,
        questionnaire: Buffer.from(questionnaire.toString().replace('New question', 'Changed')),
      }),
      'This file was changed after IOM signed it',
    ],
    [
      'tampered-manifest.iscmq',
      await rezip({
        manifest: Buffer.from(Buffer.from(next.manifestBytes).toString().replace('development', 'production')),
        signature: next.signature,
        questionnaire,
      }),
      'This file was changed after IOM signed it',
    ],
    [
      'other-publisher.iscmq',
      await rezip({ ...resigned(next.manifest, { key: OTHER_PUBLISHER.privateKeyPkcs8 }), questionnaire }),
      'This file is not signed by IOM',
    ],
    [
      'wrong-namespace.iscmq',
      await rezip({ ...resigned(next.manifest, { namespace: 'iscm-submission' }), questionnaire }),
      'This file was changed after IOM signed it',
    ],
    ['downgrade.iscmq', older.bytes, 'A newer version of this questionnaire is already installed'],
    ['oversized.iscmq', Buffer.concat([next.bytes, Buffer.alloc(9 * 2 ** 20)]), 'far larger than a questionnaire file'],
    ['not-a-release.iscmq', Buffer.from('%PDF-1.4 a report, not a questionnaire'), 'not a questionnaire file from IOM'],
  ];
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Install a questionnaire file…' })).toBeVisible();
  const before = listFiles(app.dataDir).filter((f) => !f.startsWith('iscm.db') && !f.endsWith('.log'));
  for (const [name, bytes, words] of files) {
    const file = path.join(path.dirname(app.dataDir), `${path.basename(app.dataDir)}-${name}`);
    fs.writeFileSync(file, bytes);
    await chooseRelease(page, file);
    const alert = page.getByRole('alert');
    await expect(alert, name).toContainText(words);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(
      listFiles(app.dataDir).filter((f) => !f.startsWith('iscm.db') && !f.endsWith('.log')),
      name,
    ).toEqual(before);
    fs.rmSync(file);
  }
  await shot(page, 'en-refused');
});
