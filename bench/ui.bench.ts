/**
 * The filling UI in Chromium against the web host, with the 1,000-question synthetic
 * questionnaire in ONE section (plus a small second section to switch to):
 * - keypress → next painted frame while typing (p50/p95; target p95 ≤ 16 ms), measured in the
 *   page: from the keydown event's timestamp to a message posted from the next animation
 *   frame, which runs once that frame is painted; typed steadily and in words with pauses,
 *   each beside the same typing into a bare text box on an empty page (the floor).
 *   At 60 Hz a keystroke also waits for the display's next refresh, 0 to 16.7 ms whatever the
 *   page does: a bare text box alone shows a p95 of 13 to 17 ms here. So the target is checked
 *   with Chromium's frame-rate limit off (--disable-frame-rate-limit), where a frame is drawn as
 *   soon as there is something to draw and the figure is the app's own work from key to paint;
 *   the 60 Hz figures are reported beside it, with their own floor;
 * - section switch into the big section and back (target ≤ 100 ms), from the hash change to
 *   the focused heading with every field in place, painted; beside it, the browser's floor:
 *   the same section's final HTML inserted with innerHTML, painted;
 * - opening a draft with every question answered, from a freshly loaded home page (target ≤ 300 ms);
 * - save round-trip per answer, renderer → committed row (p50/p99), with SQLite's bare commit
 *   (WAL, synchronous=FULL, same disk) measured in the same run as the floor.
 * Run alone: `npx tsx bench/ui.bench.ts` (needs `npm run build:renderer` first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { AnswerValue } from '../core/answers/value.js';
import { makeRelease, writeAppFolder } from '../tests/helpers/releases.js';
import type { BenchResult } from './result.js';
import { buildSyntheticQuestionnaire } from './synthetic-questionnaire.js';
import { createDraft, startBenchHost } from './ui/app-host.js';
import { bareInputTyping, baselineOf, fieldShown, headingShown, measureTyping, result, timeNavigation, typeInBursts, typeSteadily } from './ui/probes.js';

export const QUESTIONNAIRE_ID = 'ui-bench';
const SWITCH_RUNS = Number(process.env.SWITCH_RUNS ?? 15);
const OPEN_RUNS = Number(process.env.OPEN_RUNS ?? 10);
const SAVE_RUNS = 300;

/**
 * The synthetic questionnaire with its 1,000 questions moved into one section, as the app gets
 * it (a release among the app folder's bundled ones); returns its full answer set.
 */
export async function oneSectionQuestionnaire(dir: string): Promise<Record<string, AnswerValue>> {
  const { json, answers } = buildSyntheticQuestionnaire(1000);
  const sections = json.sections as { items: unknown[] }[];
  const big = { id: 'big', title: { en: 'All 1,000 questions', fr: '1 000 questions', es: '1.000 preguntas', ar: '١٠٠٠ سؤال' }, items: sections.flatMap((s) => s.items) };
  const label = (s: string) => ({ en: s, fr: s, es: s, ar: s });
  const small = { id: 'small', title: label('A small section'), items: [{ id: 'small_text', type: 'text', label: label('A short answer') }] };
  const file = { ...json, id: QUESTIONNAIRE_ID, sections: [small, big] };
  writeAppFolder(dir, [{ name: `${QUESTIONNAIRE_ID}-1.0.0.iscmq`, bytes: (await makeRelease(Buffer.from(JSON.stringify(file)))).bytes }]);
  return answers;
}

/** SQLite's floor: one-row transactions committed with the app's own durability settings. */
function bareCommits(dir: string, runs: number): number[] {
  const db = new Database(path.join(dir, 'bare.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE answers (path TEXT PRIMARY KEY, value TEXT) STRICT');
  const upsert = db.prepare('INSERT INTO answers (path, value) VALUES (?, ?) ON CONFLICT(path) DO UPDATE SET value = excluded.value');
  const commit = db.transaction((i: number) => upsert.run(`q${String(i % 50)}`, JSON.stringify(`value ${String(i)}`)));
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const start = performance.now();
    commit(i);
    if (i >= 20) times.push(performance.now() - start);
  }
  db.close();
  return times;
}

export const BIG = ['All 1,000 questions', 'q-q0'] as const;

/** A page showing one section of the open draft, every field in place. */
export async function openSection(browser: Browser, url: string, lastField = '#q-q999'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector(lastField, { state: 'attached' });
  // As a user would: the section drawn and its first validation done before the first click.
  await page.waitForTimeout(500);
  return page;
}

/** Opening the draft on `section` from a freshly loaded home page: [first questions painted, `lastField` in place]. */
export async function measureOpen(page: Page, url: string, draftId: string, section: { id: string; title: string; firstField: string; lastField: string }, runs: number) {
  const first: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    await page.goto(url);
    await page.locator('#new-draft-title').waitFor();
    const [f, a] = await page.evaluate<[number, number]>(timeNavigation(`#/drafts/${draftId}/${section.id}`, headingShown(section.title, section.firstField), fieldShown(section.lastField)));
    if (i > 0) {
      first.push(f);
      all.push(a);
    }
  }
  return { first, all };
}

/** Switching from the small section into the big one and back, `runs` times (after one warm-up). */
export async function measureSwitch(page: Page, draftId: string, runs: number) {
  const toBigFirst: number[] = [];
  const toBigAll: number[] = [];
  const toSmall: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const [small] = await page.evaluate<[number, number]>(timeNavigation(`#/drafts/${draftId}/small`, headingShown('A small section', 'q-small_text'), 'true'));
    await page.waitForTimeout(100);
    const [first, all] = await page.evaluate<[number, number]>(timeNavigation(`#/drafts/${draftId}/big`, headingShown(...BIG), fieldShown('q-q999')));
    await page.waitForTimeout(100);
    if (i > 0) {
      toSmall.push(small);
      toBigFirst.push(first);
      toBigAll.push(all);
    }
  }
  return { toBigFirst, toBigAll, toSmall };
}

export const BIG_SECTION = { id: 'big', title: BIG[0], firstField: BIG[1], lastField: 'q-q999' };

export async function launchBrowsers() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking'];
  const browser = await chromium.launch({ executablePath, args });
  // Frame-rate limit off: a frame is drawn as soon as there is something to draw (see the file's comment).
  const fastBrowser = await chromium.launch({ executablePath, args: [...args, '--disable-frame-rate-limit'] });
  return {
    browser,
    fastBrowser,
    close: async () => {
      await Promise.all([browser.close(), fastBrowser.close()]);
    },
  };
}

export async function runUiBench(): Promise<BenchResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-ui-bench-'));
  const questionnairesDir = path.join(work, 'questionnaires');
  const answers = await oneSectionQuestionnaire(questionnairesDir);
  const host = await startBenchHost(path.join(work, 'data'), questionnairesDir, QUESTIONNAIRE_ID);
  const { browser, fastBrowser, close } = await launchBrowsers();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const draftId = await createDraft(page, 'Bench', answers);

    const open = await measureOpen(page, host.url, draftId, BIG_SECTION, OPEN_RUNS);
    const { toBigFirst, toBigAll, toSmall } = await measureSwitch(page, draftId, SWITCH_RUNS);

    // The browser's own cost for that much document: the big section's final HTML (copied from
    // the page) inserted with innerHTML, no React, no app code, timed to the painted frame.
    await page.evaluate(timeNavigation(`#/drafts/${draftId}/big`, headingShown(...BIG), fieldShown('q-q999')));
    const sectionHtml = await page.evaluate<string>(`document.querySelector('.section-form').outerHTML`);
    await page.evaluate(timeNavigation(`#/drafts/${draftId}/small`, headingShown('A small section', 'q-small_text'), 'true'));
    const plainHtml: number[] = [];
    for (let i = 0; i < SWITCH_RUNS + 1; i++) {
      const ms = await page.evaluate<number>(`new Promise((resolve) => {
        const host = document.createElement('div');
        const start = performance.now();
        host.innerHTML = ${JSON.stringify(sectionHtml)};
        document.querySelector('.wizard-content').append(host);
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { resolve(performance.now() - start); host.remove(); };
          channel.port2.postMessage(0);
        });
      })`);
      await page.waitForTimeout(100);
      if (i > 0) plainHtml.push(ms);
    }
    await page.evaluate(timeNavigation(`#/drafts/${draftId}/big`, headingShown(...BIG), fieldShown('q-q999')));

    // Typing, twice: as on a 60 Hz display, and with the frame-rate limit off (see the file's comment).
    const typing60 = await measureTyping(page, '#q-q2', typeSteadily);
    const bare60 = await bareInputTyping(browser, typeSteadily);
    const fastPage = await openSection(fastBrowser, `${host.url}#/drafts/${draftId}/big`);
    const typing = await measureTyping(fastPage, '#q-q2', typeSteadily);
    const bursts = await measureTyping(fastPage, '#q-q8', typeInBursts);
    await fastPage.close();
    const bareTyping = await bareInputTyping(fastBrowser, typeSteadily);
    const bareBursts = await bareInputTyping(fastBrowser, typeInBursts);
    const bare = (values: number[]) => baselineOf('bare text box', values);

    // As the app saves: based on the answer's version (checked in the transaction), with the window's origin.
    const saves = await page.evaluate<number[]>(`(async () => {
      const times = [];
      const got = await window.iscm.drafts.get({ id: ${JSON.stringify(draftId)} });
      if (!got.ok) throw new Error(got.error.message);
      const versions = { ...got.value.versions };
      for (let i = 0; i < ${String(SAVE_RUNS + 20)}; i++) {
        const path = 'q' + (2 + 6 * (i % 50));
        const start = performance.now();
        const r = await window.iscm.answers.save({ draftId: ${JSON.stringify(draftId)}, path, value: 'Saved answer ' + i, baseVersion: versions[path] ?? 0, origin: 'bench' });
        if (!r.ok) throw new Error(r.error.message);
        versions[path] = r.value.version;
        if (i >= 20) times.push(performance.now() - start);
      }
      return times;
    })()`);
    const floor = bareCommits(work, SAVE_RUNS);

    return [
      result('keypress → next paint, typing steadily, 1,000-question section (p50/p95)', typing, { target: 16, ...bare(bareTyping) }),
      result('keypress → next paint, typing steadily, bare text box on an empty page (the floor)', bareTyping),
      result('keypress → next paint, typing words with pauses, 1,000-question section (p50/p95)', bursts, { target: 16, ...bare(bareBursts) }),
      result('keypress → next paint, typing words with pauses, bare text box (the floor)', bareBursts),
      result('keypress → next paint at 60 Hz (waits for the display), typing steadily, 1,000-question section', typing60, bare(bare60)),
      result('keypress → next paint at 60 Hz, typing steadily, bare text box (the floor)', bare60),
      result('section switch into the 1,000-question section: heading and first questions painted', toBigFirst, { target: 100 }),
      result('section switch into the 1,000-question section: all 1,000 fields in place', toBigAll, { target: 100, ...baselineOf('same HTML via innerHTML', plainHtml) }),
      result("the same section's final HTML inserted with innerHTML, painted (the browser's floor)", plainHtml),
      result('section switch to a small section (leaving the big one)', toSmall, { target: 100 }),
      result('open a draft with 1,000 answers from a fresh home page: first questions painted', open.first, { target: 300 }),
      result('open a draft with 1,000 answers from a fresh home page: all 1,000 fields in place', open.all),
      result('save round-trip per answer, renderer → committed row (p50/p99)', saves, baselineOf('SQLite bare commit', floor)),
      result('SQLite bare commit (WAL, synchronous=FULL), same disk', floor),
    ];
  } finally {
    await close();
    await host.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runUiBench()) {
    process.stdout.write(`${r.name}: median ${String(r.median)} ${r.unit}, p95 ${String(r.p95)}, p99 ${String(r.p99)}, runs ${String(r.runs)}${r.target === undefined ? '' : `, target ${String(r.target)}`}\n`);
  }
}
