/**
 * `npm run screens`: the screenshots of the secretariat's journey for docs/screens/, taken the
 * same way by anyone: the real app behind the web host on a temporary data folder, a realistic
 * complete draft, Debian's Chromium at 1366×768, in English and Arabic. It lives in tests/ (not
 * build/) because it drives the app like the e2e tests do, with their Chromium options and the
 * test questionnaire answers; build/ holds what makes the shipped app.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { IscmApi } from '../../core/contract/index.js';
import { startAppWebHost } from '../../web/app-web-host.js';
import { chromiumLaunchOptions } from '../e2e/chromium.js';
import { fullSecretariatAnswers } from '../unit/submissions/full-answers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const OUT = path.join(ROOT, 'docs', 'screens');
const PASSPHRASE = 'a passphrase for the screenshots';
/** The longest section of the ISCM questionnaire. */
const LONG_SECTION = 'profile';

async function makeDraft(page: Page, language: Language, title: string): Promise<{ draftId: string; identityId: string }> {
  const today = new Date().toISOString().slice(0, 10);
  return page.evaluate(
    async ({ answers, language, title, passphrase }) => {
      const iscm = (globalThis as unknown as { iscm: IscmApi }).iscm;
      const keys = await iscm.identities.list({});
      if (!keys.ok) throw new Error(keys.error.message);
      let identityId = keys.value[0]?.id;
      if (identityId === undefined) {
        const made = await iscm.identities.create({ name: 'Amina Diallo', title: 'Head of Office', organisation: 'Bali Process RSO', mechanism: 'bali_process', email: 'amina@example.org', passphrase });
        if (!made.ok) throw new Error(made.error.message);
        identityId = made.value.identity.id;
      }
      const created = await iscm.drafts.create({ title, respondentKind: 'secretariat', mechanism: 'bali_process', language });
      if (!created.ok) throw new Error(created.error.message);
      for (const [p, value] of Object.entries(answers)) {
        const saved = await iscm.answers.save({ draftId: created.value.id, path: p, value });
        if (!saved.ok) throw new Error(`${p}: ${saved.error.message}`);
      }
      return { draftId: created.value.id, identityId };
    },
    { answers: fullSecretariatAnswers({ today }), language, title, passphrase: PASSPHRASE },
  );
}

async function shoot(page: Page, name: string): Promise<void> {
  // Let fonts, late rows and the save state settle (the event stream never lets the network go idle).
  await page.waitForTimeout(800);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

async function journey(page: Page, url: string, lang: Language, title: string): Promise<void> {
  await page.goto(url);
  const { draftId } = await makeDraft(page, lang, title);
  // The app's language is the user's choice (opening a draft does not change it): chosen in the header, as a user does.
  await page.locator('#language-switch').selectOption(lang);
  await page.goto(`${url}#/drafts/${draftId}/${LONG_SECTION}`);
  await page.locator('#section-heading').waitFor();
  await page.evaluate(() => {
    const doc = (globalThis as unknown as { document: { documentElement: { scrollHeight: number } }; scrollTo: (x: number, y: number) => void });
    doc.scrollTo(0, (doc.document.documentElement.scrollHeight - 768) / 2);
  });
  await shoot(page, `${lang}-long-section-halfway`);
  await page.goto(`${url}#/drafts/${draftId}/review`);
  await page.locator('#review-heading').waitFor();
  await shoot(page, `${lang}-review`);
  await page.goto(`${url}#/signing/finalize/${draftId}`);
  // The second language's draft is for the same respondent: the app asks; it is a separate one.
  const declaration = page.locator('#finalize-declaration');
  const separate = page.locator('input[value="separate"]');
  await declaration.or(separate).first().waitFor();
  if (await separate.isVisible()) {
    await separate.check();
    await page.locator('.same-respondent button[type="submit"]').click();
  }
  await declaration.check();
  await page.locator('#finalize-passphrase').fill(PASSPHRASE);
  await page.locator('.signing-form button[type="submit"]').first().click();
  const ready = page.getByTestId('file-ready');
  await ready.waitFor({ timeout: 60_000 });
  await page.evaluate(() => {
    const g = globalThis as unknown as { document: { querySelector: (s: string) => { scrollIntoView: (o: object) => void } | null } };
    g.document.querySelector('[data-testid="file-ready"]')?.scrollIntoView({ block: 'start' });
  });
  await shoot(page, `${lang}-file-ready`);
  await page.goto(url);
  await page.locator('#drafts-heading').waitFor();
  await shoot(page, `${lang}-home-list`);
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-screens-'));
  const app = await startAppWebHost({ dataDir, appVersion: 'screens' });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await journey(page, app.host.url, 'en', 'Bali Process 2026');
    await journey(page, app.host.url, 'ar', 'عملية بالي 2026');
  } finally {
    await browser.close();
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
