// `npm run screens:iom`: the README's screenshots of IOM's analyst screens (the submissions
// table, a report, a revision comparison, a review), in English and Arabic, into docs/screens/. It seeds
// 300 submissions of the real questionnaire (tests/helpers/iom-seed.ts) in a temporary data
// folder, serves the built renderer through the web host, and drives Debian's Chromium. The
// review shot records a review in that temporary folder, as a user would.
// Run `npm run build:renderer` first (the npm script does).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { startAppWebHost } from '../web/app-web-host.js';
import { seedIomSubmissions } from '../tests/helpers/iom-seed.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, 'docs', 'screens');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-iom-screens-'));
const dbFile = path.join(dataDir, 'iom.db');
seedIomSubmissions(dbFile, { count: 300, revisionEvery: 10 });
const db = new Database(dbFile, { readonly: true });
const revised = db.prepare<[], { submission_id: string }>('SELECT submission_id FROM submissions WHERE revision = 2 ORDER BY file_name LIMIT 1').get();
db.close();
if (!revised) throw new Error('the seed made no revision 2');

fs.mkdirSync(OUT, { recursive: true });
const app = await startAppWebHost({ dataDir, appVersion: 'screens' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const shot = async (name: string, full = false) => {
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file, fullPage: full });
    process.stdout.write(`${path.relative(ROOT, file)}\n`);
  };
  const go = async (hash: string, ready: (p: Page) => Promise<unknown>) => {
    await page.goto(`${app.host.url}${hash}`);
    await ready(page);
  };
  for (const lang of ['en', 'ar'] as const) {
    await page.goto(app.host.url);
    await page.locator('select').first().selectOption(lang);
    await go('#/iom/submissions', (p) => p.locator('table.analyst-table tbody tr').first().waitFor());
    // Two question columns, and sorted by mechanism.
    await page.locator('.analyst-columns summary').click();
    await page.locator('.analyst-columns input[type=checkbox]').nth(3).check();
    await page.locator('.analyst-columns input[type=checkbox]').nth(20).check();
    await page.locator('.analyst-columns summary').click();
    await page.locator('table.analyst-table thead th').first().getByRole('button').click();
    await page.locator('.analyst-count').scrollIntoViewIfNeeded();
    await shot(`iom-table-${lang}`);
    await go('#/iom/reports', (p) => p.locator('svg.report-chart').first().waitFor());
    await page.locator('.report fieldset select').first().selectOption('mechanismKind');
    await page.locator('.report-question').nth(3).scrollIntoViewIfNeeded();
    await shot(`iom-report-${lang}`);
    await go(`#/iom/submissions/${revised.submission_id}/compare`, (p) => p.locator('table.revision-diff').waitFor());
    await page.locator('table.revision-diff').scrollIntoViewIfNeeded();
    await shot(`iom-compare-${lang}`);
    // One submission's review: marked "has issues" with a comment, the panel and its log in view.
    await go(`#/iom/submissions/${revised.submission_id}`, (p) => p.locator('.review-panel form').waitFor());
    const panel = page.locator('.review-panel');
    await panel.locator('input[autocomplete=name]').fill(lang === 'ar' ? 'ليلى' : 'Leila');
    await panel.locator('input[type=radio]').first().check();
    await panel.locator('textarea').fill(lang === 'ar' ? 'الميزانية ناقصة في القسم 3.' : 'The budget is missing in section 3.');
    await panel.locator('button[type=submit]').click();
    await panel.locator('table.review-log tbody tr').first().waitFor();
    await panel.scrollIntoViewIfNeeded();
    await shot(`iom-review-${lang}`);
  }
} finally {
  await browser.close();
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
