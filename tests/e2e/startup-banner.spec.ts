import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { test as base, expect, type Page } from '@playwright/test';
import { createBackup } from '../../main/services/backup/index.js';
import { startAppWebHost, type AppWebHost } from '../../web/app-web-host.js';
import { appMigrations } from '../../db/migrations/app/index.js';

/**
 * Every start-up case a user can meet, checked in the page: the banner says what happened and
 * where the file is or went, offers the latest backup when one can be restored, and "Try again"
 * when the app could not open its data. Each test prepares a data folder, then starts the web
 * host on it (the fixture of the other specs always starts on a fresh one).
 */
const test = base.extend<{ folder: { dir: string; start: () => Promise<AppWebHost> } }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  folder: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-startup-'));
    const hosts: AppWebHost[] = [];
    await use({
      dir,
      start: async () => {
        const host = await startAppWebHost({ dataDir: dir, appVersion: '0.0.0-e2e' });
        hosts.push(host);
        return host;
      },
    });
    for (const host of hosts) await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

const DB = 'iscm.db';

/** A real data folder: one draft, closed cleanly, and a backup of it. */
async function realData(dir: string): Promise<void> {
  const host = await startAppWebHost({ dataDir: dir, appVersion: '0.0.0-e2e' });
  // The start-up backup of the empty database first, then the draft, then a backup that holds it (the newest).
  await host.gate.startupBackup();
  await host.services.handlers.drafts.create({
    title: 'Bali Process assessment',
    respondentKind: 'secretariat',
    mechanism: null,
    language: 'en',
  });
  await createBackup(host.services.db, 'manual');
  await host.close();
}

const banner = (page: Page) => page.locator('.startup-banner');

/** Paths in the banner are left-to-right isolates (so they read right inside Arabic text). */
const p = (file: string): string => `\u2066${file}\u2069`;

async function open(page: Page, host: AppWebHost): Promise<void> {
  await page.goto(host.host.url);
  await expect(banner(page)).toBeVisible();
}

test('a damaged data file: moved aside (the banner says where), a new one started, the latest backup offered and restored', async ({
  page,
  folder,
}) => {
  await realData(folder.dir);
  fs.writeFileSync(path.join(folder.dir, DB), Buffer.alloc(50_000, 7));
  const host = await folder.start();
  await open(page, host);
  const aside = host.gate.report().movedTo[0] ?? '';
  await expect(banner(page)).toContainText(
    `Your data file was damaged. It was moved, not deleted, to ${p(aside)}, and a new empty file was started.`,
  );
  await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  // The date as Intl writes it in English (e.g. "Dec 2, 2026, 10:30 PM"), never an ISO time.
  await page
    .getByRole('button', { name: /^Restore the latest backup \([A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M\)$/ })
    .click();
  await page
    .getByRole('button', { name: /^Restore the backup of/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(page.getByText('Restored. Your data as it was before is kept at')).toHaveRole('status');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('Bali Process assessment')).toBeVisible();
  // Answered: the banner does not come back after the reload.
  await expect(banner(page)).toHaveCount(0);
});

test('another program’s database in place of the data file: moved aside, said so', async ({ page, folder }) => {
  const db = new Database(path.join(folder.dir, DB));
  db.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
  db.close();
  const host = await folder.start();
  await open(page, host);
  await expect(banner(page)).toContainText(
    `The data file was not an ISCM Assessment file (it belongs to another program). It was moved, not deleted, to ${p(host.gate.report().movedTo[0] ?? '')}`,
  );
});

test('a 0-byte data file: kept aside and a new one started, with the latest backup offered', async ({
  page,
  folder,
}) => {
  await realData(folder.dir);
  fs.truncateSync(path.join(folder.dir, DB), 0);
  const host = await folder.start();
  await open(page, host);
  await expect(banner(page)).toContainText(
    `Your data file was empty (0 bytes), perhaps after a crash or a full disk. It was kept at ${p(host.gate.report().movedTo[0] ?? '')}`,
  );
  await expect(page.getByRole('button', { name: /^Restore the latest backup/ })).toBeVisible();
});

test('a WAL without its data file: kept aside, the banner says how to put the file back', async ({ page, folder }) => {
  fs.writeFileSync(path.join(folder.dir, `${DB}-wal`), 'journal bytes');
  const host = await folder.start();
  await open(page, host);
  await expect(banner(page)).toContainText(
    `A journal of your data was found without its data file. It was kept at ${p(host.gate.report().movedTo[0] ?? '')}`,
  );
  await expect(banner(page)).toContainText(`put it back at ${p(path.join(folder.dir, DB))}`);
});

test('a data file from a newer version: the page opens, says so with the versions, the screens wait; restoring the latest backup starts the app', async ({
  page,
  folder,
}) => {
  await realData(folder.dir);
  const db = new Database(path.join(folder.dir, DB));
  db.pragma('user_version = 7');
  db.close();
  const host = await folder.start();
  await open(page, host);
  await expect(banner(page)).toContainText(
    `Your data file was saved by a newer version of ISCM Assessment (data version 7; this version reads up to ${String(appMigrations.length)}). It was left untouched`,
  );
  await expect(
    page.getByText('Your assessments cannot be shown or saved until the problem above is solved.'),
  ).toBeVisible();
  await page.getByRole('button', { name: /^Restore the latest backup/ }).click();
  await expect(page.getByRole('button', { name: 'Back up now' })).toHaveCount(0);
  await page
    .getByRole('button', { name: /^Restore the backup of/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Yes, restore' }).click();
  await expect(page.getByText('Restored. Your data as it was before is kept at')).toHaveRole('status');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('Bali Process assessment')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
});

test('the folder in use by another host: the banner names it (process, since when); Try again starts once it has closed', async ({
  page,
  folder,
}) => {
  // The holder is another process, as it would be: `iscm` holding the folder's lock.
  const holder: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'fixtures', 'hold-lock.ts'), folder.dir],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    await new Promise<void>((resolve) => holder.stdout?.once('data', () => resolve()));
    const host = await folder.start();
    await open(page, host);
    await expect(banner(page)).toContainText(
      new RegExp(
        `^Your data is already open in the iscm command \\(process ${String(holder.pid)}, since .*\\)\\. It was left untouched\\. Close it there, then press “Try again”\\.`,
      ),
    );
    await page.screenshot({
      path: path.join(import.meta.dirname, '..', '..', 'test-results', 'startup-banner-locked-en.png'),
    });
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(banner(page)).toContainText('Still not possible.');
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('button', { name: 'Create assessment' })).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
  } finally {
    holder.kill('SIGKILL');
  }
});

test('a read-only data file (chattr +i): refused before any save could fail, Try again once it is writable', async ({
  page,
  folder,
}) => {
  await realData(folder.dir);
  const file = path.join(folder.dir, DB);
  try {
    execFileSync('chattr', ['+i', file], { stdio: 'pipe' });
  } catch {
    test.skip(true, 'chattr +i is not available here');
  }
  try {
    const host = await folder.start();
    await open(page, host);
    await expect(banner(page)).toContainText(
      `Your data file is read-only, so no answer could be saved; nothing was changed: ${p(file)}. Make it writable, then press “Try again”.`,
    );
  } finally {
    execFileSync('chattr', ['-i', file], { stdio: 'pipe' });
  }
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('Bali Process assessment')).toBeVisible();
});

test('a read-only data folder (a read-only bind mount): said in the page, not only in a terminal', async ({
  page,
  folder,
}) => {
  await realData(folder.dir);
  const view = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-ro-'));
  try {
    execFileSync('mount', ['--bind', '-o', 'ro', folder.dir, view], { stdio: 'pipe' });
  } catch {
    test.skip(true, 'mount is not allowed here');
  }
  try {
    const host = await startAppWebHost({ dataDir: view, appVersion: '0.0.0-e2e' });
    try {
      await open(page, host);
      await expect(banner(page)).toContainText(
        `The folder of your data is read-only, so nothing could be saved; nothing was changed: ${p(view)}.`,
      );
      await expect(page.getByRole('button', { name: /^Restore the latest backup/ })).toHaveCount(0);
    } finally {
      await host.close();
    }
  } finally {
    execFileSync('umount', [view], { stdio: 'pipe' });
    fs.rmSync(view, { recursive: true, force: true });
  }
});

test('a dangling link in place of the data file (a disk not connected): says where it points; Try again once it is back', async ({
  page,
  folder,
}) => {
  await realData(folder.dir);
  const disk = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-e2e-disk-'));
  const target = path.join(disk, 'unplugged', DB);
  fs.symlinkSync(target, path.join(folder.dir, `${DB}.link`));
  fs.renameSync(path.join(folder.dir, DB), path.join(disk, 'kept.db'));
  fs.renameSync(path.join(folder.dir, `${DB}.link`), path.join(folder.dir, DB));
  try {
    const host = await folder.start();
    await open(page, host);
    await expect(banner(page)).toContainText(
      `Your data file ${p(path.join(folder.dir, DB))} is a link to ${p(target)}, which does not exist or is not a file (a disk that is not connected?).`,
    );
    // The disk comes back.
    fs.mkdirSync(path.dirname(target));
    fs.renameSync(path.join(disk, 'kept.db'), target);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByText('Bali Process assessment')).toBeVisible();
  } finally {
    fs.rmSync(disk, { recursive: true, force: true });
  }
});

test('in Arabic, right to left: the banner in Arabic, with the time through Intl (no ISO time, no raw code), no serious axe violation', async ({
  page,
  folder,
}) => {
  await realData(folder.dir);
  const db = new Database(path.join(folder.dir, DB));
  db.pragma('user_version = 7');
  db.close();
  const host = await folder.start();
  await page.addInitScript("window.localStorage.setItem('iscm.language', 'ar')");
  await open(page, host);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // Numbers through Intl in Arabic (Arabic-Indic or Latin digits, as this browser's locale data says).
  await expect(banner(page)).toContainText(
    new RegExp(
      `حُفظ ملف بياناتك بإصدار أحدث من ISCM Assessment \\(إصدار البيانات [7٧]؛ هذا الإصدار يقرأ حتى [${String(appMigrations.length)}${'٠١٢٣٤٥٦٧٨٩'[appMigrations.length] ?? ''}]\\)`,
    ),
  );
  await expect(page.getByRole('button', { name: 'إعادة المحاولة' })).toBeVisible();
  const restore = page.getByRole('button', { name: /^استعادة أحدث نسخة/ });
  await expect(restore).toBeVisible();
  expect(await restore.textContent()).not.toMatch(/2026-11-20T|refused-newer|DATA_UNAVAILABLE/);
  expect(await banner(page).textContent()).not.toMatch(/refused-newer|DATA_UNAVAILABLE/);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: path.join(import.meta.dirname, '..', '..', 'test-results', 'startup-banner-ar.png') });
});
