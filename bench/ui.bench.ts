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
import { createAppDispatch } from '../main/services/app-dispatch.js';
import { createAppServices } from '../main/services/app-services.js';
import { createEventBus } from '../main/services/event-bus.js';
import { createRotatingLog } from '../main/services/log/rotating-log.js';
import { startWebHost } from '../web/server.js';
import { median, percentile, type BenchResult } from './result.js';
import { makeRelease, writeAppFolder } from '../tests/helpers/releases.js';
import { buildSyntheticQuestionnaire } from './synthetic-questionnaire.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const QUESTIONNAIRE_ID = 'ui-bench';
const TYPED = 'The mechanism met twice this year and adopted a regional action plan. ';
const SWITCH_RUNS = Number(process.env.SWITCH_RUNS ?? 15);
const OPEN_RUNS = Number(process.env.OPEN_RUNS ?? 10);
const SAVE_RUNS = 300;

/** The synthetic questionnaire with its 1,000 questions moved into one section. */
/** The questionnaire as the app gets it: a release among the app folder's bundled ones. */
async function oneSectionQuestionnaire(dir: string): Promise<Record<string, unknown>> {
  const { json, answers } = buildSyntheticQuestionnaire(1000);
  const sections = json.sections as { items: unknown[] }[];
  const big = { id: 'big', title: { en: 'All 1,000 questions', fr: '1 000 questions', es: '1.000 preguntas', ar: '١٠٠٠ سؤال' }, items: sections.flatMap((s) => s.items) };
  const label = (s: string) => ({ en: s, fr: s, es: s, ar: s });
  const small = { id: 'small', title: label('A small section'), items: [{ id: 'small_text', type: 'text', label: label('A short answer') }] };
  const file = { ...json, id: QUESTIONNAIRE_ID, sections: [small, big] };
  writeAppFolder(dir, [{ name: `${QUESTIONNAIRE_ID}-1.0.0.iscmq`, bytes: (await makeRelease(Buffer.from(JSON.stringify(file)))).bytes }]);
  return answers;
}

function result(name: string, values: readonly number[], extra: Partial<BenchResult> = {}): BenchResult {
  const round = (n: number) => Math.round(n * 100) / 100;
  return { name, unit: 'ms', median: round(median(values)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)), runs: values.length, ...extra };
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

// In-page code is passed as strings: this file is compiled without the DOM's types.
const INSTALL_KEY_PROBE = `(() => {
  window.__latencies = [];
  if (window.__probeInstalled) return;
  window.__probeInstalled = true;
  document.addEventListener('keydown', (event) => {
    const start = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__latencies.push(performance.now() - start);
      channel.port2.postMessage(0);
    });
  }, true);
})()`;

/**
 * Changes the hash, then watches frame by frame: resolves with [time until the first condition
 * holds in a painted frame, time until the second does].
 */
const timeNavigation = (hash: string, first: string, all: string) => `new Promise((resolve) => {
  const start = performance.now();
  let firstAt;
  const painted = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now() - start);
    channel.port2.postMessage(0);
  };
  const check = () => {
    if (firstAt === undefined && (${first})) painted((t) => { firstAt = t; });
    if (${all}) return painted((t) => resolve([firstAt ?? t, t]));
    requestAnimationFrame(check);
  };
  location.hash = ${JSON.stringify(hash)};
  requestAnimationFrame(check);
})`;

const headingShown = (title: string, firstField: string) =>
  `document.activeElement?.id === 'section-heading' && document.activeElement.textContent === ${JSON.stringify(title)} && !!document.getElementById(${JSON.stringify(firstField)})`;
const fieldShown = (id: string) => `!!document.getElementById(${JSON.stringify(id)})`;
const BIG = ['All 1,000 questions', 'q-q0'] as const;

/** Typing without a break: 25 ms between keys, about 40 characters a second. */
async function typeSteadily(page: Page): Promise<void> {
  await page.keyboard.type(TYPED.repeat(3), { delay: 25 });
}

/**
 * Typing as people do: a word, then a pause. Pauses around 250 ms let skip logic and
 * validation run (they wait for typing to pause that long), so some keystrokes land while
 * that work is under way: the case that shows whether it ever holds a keystroke up.
 */
async function typeInBursts(page: Page): Promise<void> {
  const pauses = [120, 240, 260, 280, 300, 350, 450, 600];
  const words = TYPED.repeat(2).split(' ');
  for (const [i, word] of words.entries()) {
    await page.keyboard.type(`${word} `, { delay: 25 });
    await page.waitForTimeout(pauses[i % pauses.length] ?? 300);
  }
}

/** Installs the probe, focuses the field, types, and returns each keystroke's latency. */
async function measureTyping(page: Page, selector: string, type: (page: Page) => Promise<void>): Promise<number[]> {
  await page.evaluate(INSTALL_KEY_PROBE);
  const field = page.locator(selector);
  await field.click();
  await field.press('End');
  await page.evaluate('window.__latencies = []');
  await type(page);
  await page.waitForTimeout(500);
  return await page.evaluate<number[]>('window.__latencies');
}

/** A page showing one section of the open draft, every field in place. */
async function openSection(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  await page.waitForSelector('#q-q999', { state: 'attached' });
  // As a user would: the section drawn and its first validation done before the first click.
  await page.waitForTimeout(500);
  return page;
}

/** The floor for keypress → paint in this browser: a bare text box on an empty page, no app. */
async function bareInputTyping(browser: Browser, type: (page: Page) => Promise<void>): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.setContent('<label>Bare <input id="bare" type="text"></label>');
    return await measureTyping(page, '#bare', type);
  } finally {
    await page.close();
  }
}

export async function runUiBench(): Promise<BenchResult[]> {
  const staticDir = path.join(ROOT, 'dist', 'renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) throw new Error('Build the renderer first: npm run build:renderer');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-ui-bench-'));
  const questionnairesDir = path.join(work, 'questionnaires');
  const answers = await oneSectionQuestionnaire(questionnairesDir);
  const dataDir = path.join(work, 'data');
  const services = createAppServices({ dataDir, questionnairesDir, host: 'web', appVersion: '0.0.0-bench', defaultQuestionnaireId: QUESTIONNAIRE_ID });
  const host = await startWebHost({ dispatch: createAppDispatch(services.handlers, createRotatingLog({ dir: dataDir })), events: createEventBus(), staticDir });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const args = ['--disable-gpu', '--no-first-run', '--disable-background-networking'];
  const browser = await chromium.launch({ executablePath, args });
  const fastBrowser = await chromium.launch({ executablePath, args: [...args, '--disable-frame-rate-limit'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.waitForFunction('!!window.iscm');
    const created = await page.evaluate<{ ok: boolean; value: { id: string } }>(
      `window.iscm.drafts.create({ title: 'Bench', respondentKind: 'secretariat', mechanism: null, language: 'en' })`,
    );
    if (!created.ok) throw new Error('could not create the bench draft');
    const draftId = created.value.id;
    // Every question answered, through the contract as the renderer would.
    await page.evaluate(`(async () => {
      const answers = ${JSON.stringify(answers)};
      for (const [path, value] of Object.entries(answers)) {
        const r = await window.iscm.answers.save({ draftId: ${JSON.stringify(draftId)}, path, value });
        if (!r.ok) throw new Error(r.error.message);
      }
    })()`);

    const openFirst: number[] = [];
    const openAll: number[] = [];
    for (let i = 0; i < OPEN_RUNS + 1; i++) {
      await page.goto(host.url);
      await page.locator('#new-draft-title').waitFor();
      const [first, all] = await page.evaluate<[number, number]>(timeNavigation(`#/drafts/${draftId}/big`, headingShown(...BIG), fieldShown('q-q999')));
      if (i > 0) {
        openFirst.push(first);
        openAll.push(all);
      }
    }

    const toBigFirst: number[] = [];
    const toBigAll: number[] = [];
    const toSmall: number[] = [];
    for (let i = 0; i < SWITCH_RUNS + 1; i++) {
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
    const plainFloor = { baseline: { name: 'same HTML via innerHTML', median: Math.round(median(plainHtml) * 100) / 100 } };

    // Typing, twice: as on a 60 Hz display, and with the frame-rate limit off (see the file's comment).
    const typing60 = await measureTyping(page, '#q-q2', typeSteadily);
    const bare60 = await bareInputTyping(browser, typeSteadily);
    const fastPage = await openSection(fastBrowser, `${host.url}#/drafts/${draftId}/big`);
    const typing = await measureTyping(fastPage, '#q-q2', typeSteadily);
    const bursts = await measureTyping(fastPage, '#q-q8', typeInBursts);
    await fastPage.close();
    const bareTyping = await bareInputTyping(fastBrowser, typeSteadily);
    const bareBursts = await bareInputTyping(fastBrowser, typeInBursts);
    const bare = (values: number[]) => ({ baseline: { name: 'bare text box', median: Math.round(median(values) * 100) / 100 } });

    const saves = await page.evaluate<number[]>(`(async () => {
      const times = [];
      for (let i = 0; i < ${String(SAVE_RUNS + 20)}; i++) {
        const start = performance.now();
        const r = await window.iscm.answers.save({ draftId: ${JSON.stringify(draftId)}, path: 'q' + (2 + 6 * (i % 50)), value: 'Saved answer ' + i });
        if (!r.ok) throw new Error(r.error.message);
        if (i >= 20) times.push(performance.now() - start);
      }
      return times;
    })()`);
    const floor = bareCommits(work, SAVE_RUNS);
    const floorMedian = Math.round(median(floor) * 100) / 100;

    return [
      result('keypress → next paint, typing steadily, 1,000-question section (p50/p95)', typing, { target: 16, ...bare(bareTyping) }),
      result('keypress → next paint, typing steadily, bare text box on an empty page (the floor)', bareTyping),
      result('keypress → next paint, typing words with pauses, 1,000-question section (p50/p95)', bursts, { target: 16, ...bare(bareBursts) }),
      result('keypress → next paint, typing words with pauses, bare text box (the floor)', bareBursts),
      result('keypress → next paint at 60 Hz (waits for the display), typing steadily, 1,000-question section', typing60, bare(bare60)),
      result('keypress → next paint at 60 Hz, typing steadily, bare text box (the floor)', bare60),
      result('section switch into the 1,000-question section: heading and first questions painted', toBigFirst, { target: 100 }),
      result('section switch into the 1,000-question section: all 1,000 fields in place', toBigAll, { target: 100, ...plainFloor }),
      result("the same section's final HTML inserted with innerHTML, painted (the browser's floor)", plainHtml),
      result('section switch to a small section (leaving the big one)', toSmall, { target: 100 }),
      result('open a draft with 1,000 answers from a fresh home page: first questions painted', openFirst, { target: 300 }),
      result('open a draft with 1,000 answers from a fresh home page: all 1,000 fields in place', openAll),
      result('save round-trip per answer, renderer → committed row (p50/p99)', saves, { baseline: { name: 'SQLite bare commit', median: floorMedian } }),
      result('SQLite bare commit (WAL, synchronous=FULL), same disk', floor),
    ];
  } finally {
    await fastBrowser.close();
    await browser.close();
    await host.close();
    services.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runUiBench()) {
    process.stdout.write(`${r.name}: median ${String(r.median)} ${r.unit}, p95 ${String(r.p95)}, p99 ${String(r.p99)}, runs ${String(r.runs)}${r.target === undefined ? '' : `, target ${String(r.target)}`}\n`);
  }
}
