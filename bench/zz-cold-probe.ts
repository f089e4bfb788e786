import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createDraft, ROOT, startBenchHost } from './ui/app-host.js';
import { throttle } from './ui/probes.js';
import { startProfile, stopProfile } from './zz-profile.js';
import { fullSecretariatAnswers } from '../tests/unit/submissions/full-answers.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-cold-'));
const host = await startBenchHost(path.join(work, 'data'), path.join(ROOT, 'questionnaires'), 'iscm-assessment');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--disable-gpu', '--disable-frame-rate-limit'] });
const setup = await browser.newPage();
await setup.goto(host.url);
const firstId = await createDraft(setup, 'A1', fullSecretariatAnswers({ today: '2026-01-01' }));
await setup.evaluate(`(async () => { for (let i = 2; i <= 100; i++) { const r = await window.iscm.drafts.duplicate({ id: ${JSON.stringify(firstId)}, title: 'A' + i }); if (!r.ok) throw new Error(r.error.message); } })()`);
const rate = Number(process.argv[2] ?? 4);
for (let run = 0; run < 3; run++) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  if (rate > 1) await throttle(page, rate);
  await page.addInitScript(`(() => { const check = () => { if (document.querySelectorAll('.draft-table tbody tr').length >= 100 && document.getElementById('new-draft-title')) { window.__homeReady = performance.now(); return; } requestAnimationFrame(check); }; requestAnimationFrame(check); })()`);
  const prof = run === 2 ? await startProfile(page) : undefined;
  await page.goto(host.url);
  await page.waitForFunction(() => (globalThis as { __homeReady?: number }).__homeReady !== undefined, undefined, { timeout: 60000 });
  if (prof) console.log(await stopProfile(prof, 45));
  const info = await page.evaluate(() => {
    const p = (globalThis as unknown as { performance: { getEntriesByType: (t: string) => { name: string; startTime: number; responseEnd: number; duration: number }[] } }).performance;
    return {
      ready: (globalThis as { __homeReady?: number }).__homeReady,
      nav: p.getEntriesByType('navigation').map((e) => ({ responseEnd: Math.round(e.responseEnd), dcl: Math.round((e as unknown as { domContentLoadedEventEnd: number }).domContentLoadedEventEnd) })),
      res: p.getEntriesByType('resource').map((e) => `${e.name.replace(/.*\//, '')} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)}`),
    };
  });
  console.log(JSON.stringify(info, null, 1));
  await ctx.close();
}
await browser.close();
await host.close();
fs.rmSync(work, { recursive: true, force: true });
