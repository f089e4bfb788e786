import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.js';
import { chooseMechanism } from './mechanism.js';

/**
 * The data folder stops taking writes in the middle of a session. The test runs the web host
 * in this process, so the failure must be real for SQLite, even when the tests run as root
 * (CI), where chmod stops nothing. `chattr +i` (immutable) stops root too, on ext4 and most
 * Linux file systems; it is set on the database, its WAL and the folder. The `-shm` file is
 * left alone: it is memory-mapped, and an immutable mapping would crash the process rather
 * than fail a write. Where chattr is not available and we are not root, chmod does the job.
 */
function lockWrites(dataDir: string): { unlock: () => void } | undefined {
  const targets = ['iscm.db', 'iscm.db-wal'].map((f) => path.join(dataDir, f)).filter((f) => fs.existsSync(f));
  const all = [...targets, dataDir];
  try {
    execFileSync('chattr', ['+i', ...all], { stdio: 'pipe' });
    return { unlock: () => execFileSync('chattr', ['-i', ...all], { stdio: 'pipe' }) };
  } catch {
    if (process.getuid?.() === 0) return undefined;
    for (const f of targets) fs.chmodSync(f, 0o444);
    fs.chmodSync(dataDir, 0o555);
    return {
      unlock: () => {
        fs.chmodSync(dataDir, 0o755);
        for (const f of targets) fs.chmodSync(f, 0o644);
      },
    };
  }
}

test('when the data folder refuses writes, the error stays on screen, nothing claims "Saved", and saving resumes', async ({ page, app }) => {
  await page.goto(app.url);
  await page.getByRole('radio', { name: 'Chair or secretariat of the mechanism' }).check();
  await chooseMechanism(page, 'Bali Process');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  const name = page.getByLabel('Your full name');
  await name.fill('Before the failure');
  await name.blur();
  const status = page.locator('#save-status');
  await expect(status).toContainText('Saved at');

  const lock = lockWrites(app.dataDir);
  test.skip(lock === undefined, 'cannot make the data folder read-only here (root without chattr)');
  let unlocked = false;
  try {
    // Any "Saved" seen from here on, until writes work again, would be a lie.
    const claims: string[] = [];
    await page.exposeFunction('reportStatus', (text: string) => claims.push(text));
    // In-page code as a string: the tests are compiled without the DOM's types. Only a change of
    // the status's words is a claim: the header around it also changes (progress, sections) while
    // the status still rightly says when the answer typed before the failure was saved.
    await page.evaluate(`(() => {
      const target = document.getElementById('save-status').parentElement;
      const words = () => document.getElementById('save-status')?.textContent ?? '';
      let last = words();
      new MutationObserver(() => {
        if (words() === last) return;
        last = words();
        window.reportStatus(last);
      }).observe(target, { subtree: true, childList: true, characterData: true });
    })()`);

    await name.fill('Typed while the disk refuses');
    await name.blur();
    const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('1 unsaved answer');
    await expect(name).toHaveValue('Typed while the disk refuses');
    // The autosaver retries; the error stays, and the value stays on screen.
    await page.waitForTimeout(2500);
    await expect(alert).toBeVisible();
    await expect(name).toHaveValue('Typed while the disk refuses');
    expect(claims.filter((c) => c.includes('Saved at'))).toEqual([]);

    lock?.unlock();
    unlocked = true;
    await expect(status).toContainText('Saved at', { timeout: 20_000 });
    await expect(alert).toHaveCount(0);
  } finally {
    if (!unlocked) lock?.unlock();
  }

  await page.reload();
  await expect(page.getByLabel('Your full name')).toHaveValue('Typed while the disk refuses');
});
