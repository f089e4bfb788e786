/**
 * The filling UI on a slow office laptop: Chromium's CPU throttled 4× (CDP
 * Emulation.setCPUThrottlingRate), every figure beside the bare text box throttled the same way,
 * in the same run. Frame-rate limit off, as in ui.bench.ts, so a figure is the app's own work.
 * - the 1,000-question section (as in ui.bench.ts): typing steadily, section switch, opening a
 *   draft with 1,000 answers;
 * - the real questionnaire (questionnaires/iscm-assessment), a secretariat's full response:
 *   typing in the first section (a text box and a long text with its counter; target p95 ≤ 1.3×
 *   the throttled bare box), and the switch into its longest section (target ≤ 200 ms), from
 *   the hash change to the focused heading with the section's last question in place, painted;
 * - cold start: from navigation to the home screen painted with 100 drafts in its table and the
 *   form to create one (target ≤ 1 s), in a fresh browser context each time (the web host sends
 *   no-store, so nothing comes from a cache).
 * Run alone: `npx tsx bench/ui-slow.bench.ts` (needs `npm run build:renderer` first).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { AnswerValue } from '../core/answers/value.js';
import { evaluate, loadQuestionnaire, questionPaths, type LoadedQuestionnaire } from '../core/questionnaire/index.js';
import { fullSecretariatAnswers } from '../tests/unit/submissions/full-answers.js';
import type { BenchResult } from './result.js';
import { newestBundledQuestionnaire } from '../tests/helpers/releases.js';
import { BIG_SECTION, launchBrowsers, measureOpen, measureSwitch, oneSectionQuestionnaire, openSection, QUESTIONNAIRE_ID } from './ui.bench.js';
import { createDraft, ROOT, startBenchHost } from './ui/app-host.js';
import { bareInputTyping, baselineOf, fieldShown, headingShown, measureTyping, p95Ratio, result, throttle, timeNavigation, TYPED } from './ui/probes.js';

const RATE = 4;
const SWITCH_RUNS = Number(process.env.SLOW_SWITCH_RUNS ?? 10);
const OPEN_RUNS = Number(process.env.SLOW_OPEN_RUNS ?? 8);
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 8);
const HOME_DRAFTS = 100;
const REAL_ID = 'iscm-assessment';

/** Two sentences, steadily: stays within a 200-character text box. */
const typeTwoSentences = async (page: Page) => page.keyboard.type(TYPED.repeat(2), { delay: 25 });

/** The element id the wizard gives an answer path's control (renderer/wizard/problems.ts). */
const domId = (p: string): string => `q-${p.replace(/\[/g, '--').replace(/\]/g, '').replace(/\./g, '__')}`;

function loadReal(): LoadedQuestionnaire {
  // The newest the app carries: the one new drafts use.
  const loaded = loadQuestionnaire(newestBundledQuestionnaire(REAL_ID).json);
  if (!loaded.ok) throw new Error(`${REAL_ID} does not load`);
  return loaded.questionnaire;
}

interface SectionTarget {
  readonly id: string;
  readonly title: string;
  readonly firstField: string;
  readonly lastField: string;
  readonly questions: number;
}

/** The section with the most relevant questions (repeat rows counted) under these answers, and its first and last. */
function longestSection(loaded: LoadedQuestionnaire, answers: Readonly<Record<string, AnswerValue>>): SectionTarget {
  const evaluation = evaluate(loaded, answers);
  const bySection = new Map<string, string[]>();
  for (const id of loaded.documentOrder) {
    const node = loaded.questions.get(id);
    if (!node) continue;
    for (const { path: p } of questionPaths(node, evaluation.rows)) {
      if (!evaluation.isRelevant(p)) continue;
      bySection.set(node.sectionId, [...(bySection.get(node.sectionId) ?? []), p]);
    }
  }
  const [id, paths] = [...bySection].sort((a, b) => b[1].length - a[1].length)[0] ?? ['', []];
  const section = loaded.questionnaire.sections.find((s) => s.id === id);
  if (!section || paths.length === 0) throw new Error('no longest section');
  return { id, title: section.title.en ?? id, firstField: domId(paths[0] ?? ''), lastField: domId(paths[paths.length - 1] ?? ''), questions: paths.length };
}

/** The synthetic 1,000-question section, throttled: typing, switching in, opening the draft. */
async function thousandQuestions(fast: Browser, work: string): Promise<BenchResult[]> {
  const questionnairesDir = path.join(work, 'synthetic');
  const answers = await oneSectionQuestionnaire(questionnairesDir);
  const host = await startBenchHost(path.join(work, 'data-synthetic'), questionnairesDir, QUESTIONNAIRE_ID);
  try {
    const page = await fast.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const draftId = await createDraft(page, 'Bench', answers);
    await throttle(page, RATE);
    const open = await measureOpen(page, host.url, draftId, BIG_SECTION, OPEN_RUNS);
    const switches = await measureSwitch(page, draftId, SWITCH_RUNS);
    await page.close();
    const typingPage = await openSection(fast, `${host.url}#/drafts/${draftId}/big`);
    await throttle(typingPage, RATE);
    const typing = await measureTyping(typingPage, '#q-q2', typeTwoSentences);
    await typingPage.close();
    const bare = await bareInputTyping(fast, typeTwoSentences, RATE);
    return [
      result('CPU 4×: keypress → next paint, typing steadily, 1,000-question section (p50/p95)', typing, baselineOf('bare text box, CPU 4×', bare)),
      p95Ratio('CPU 4×: the same, p95 as a multiple of the bare text box p95', typing, bare, 1.3),
      result('CPU 4×: keypress → next paint, bare text box (the floor)', bare),
      result('CPU 4×: section switch into the 1,000-question section: first questions painted', switches.toBigFirst),
      result('CPU 4×: section switch into the 1,000-question section: all 1,000 fields in place', switches.toBigAll),
      result('CPU 4×: open a draft with 1,000 answers from a fresh home page: first questions painted', open.first),
      result('CPU 4×: open a draft with 1,000 answers from a fresh home page: all 1,000 fields in place', open.all),
    ];
  } finally {
    await host.close();
  }
}

/** The real questionnaire, a secretariat's full response, throttled. */
async function realQuestionnaire(fast: Browser, work: string): Promise<BenchResult[]> {
  const loaded = loadReal();
  const answers = fullSecretariatAnswers({ today: new Date().toISOString().slice(0, 10) });
  const longest = longestSection(loaded, answers);
  const first = loaded.questionnaire.sections[0];
  if (!first) throw new Error('no first section');
  const host = await startBenchHost(path.join(work, 'data-real'), path.join(ROOT, 'questionnaires'), REAL_ID);
  try {
    const page = await fast.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    const draftId = await createDraft(page, 'Real', answers);
    await page.goto(`${host.url}#/drafts/${draftId}/${first.id}`);
    await page.locator('#q-respondent_role').waitFor();
    await page.waitForTimeout(500);
    await throttle(page, RATE);
    const typingText = await measureTyping(page, '#q-respondent_role', typeTwoSentences);
    const typingLong = await measureTyping(page, '#q-participating_states_list', typeTwoSentences);
    const bare = await bareInputTyping(fast, typeTwoSentences, RATE);

    const firstTitle = first.title.en ?? first.id;
    const toLongest: number[] = [];
    const toLongestFirst: number[] = [];
    for (let i = 0; i < SWITCH_RUNS + 1; i++) {
      await page.evaluate(timeNavigation(`#/drafts/${draftId}/${first.id}`, headingShown(firstTitle, 'q-respondent_kind'), 'true'));
      await page.waitForTimeout(200);
      const [f, all] = await page.evaluate<[number, number]>(
        timeNavigation(`#/drafts/${draftId}/${longest.id}`, headingShown(longest.title, longest.firstField), fieldShown(longest.lastField)),
      );
      await page.waitForTimeout(200);
      if (i > 0) {
        toLongestFirst.push(f);
        toLongest.push(all);
      }
    }
    await page.close();
    const bareBase = baselineOf('bare text box, CPU 4×', bare);
    return [
      result('CPU 4×, real questionnaire, first section: keypress → next paint in a text box (p50/p95)', typingText, bareBase),
      p95Ratio('CPU 4×, real questionnaire: text box p95 as a multiple of the bare text box p95', typingText, bare, 1.3),
      result('CPU 4×, real questionnaire, first section: keypress → next paint in a long text with its counter (p50/p95)', typingLong, bareBase),
      p95Ratio('CPU 4×, real questionnaire: long text p95 as a multiple of the bare text box p95', typingLong, bare, 1.3),
      result('CPU 4×: keypress → next paint, bare text box (the floor for the two above)', bare),
      result(`CPU 4×, real questionnaire: section switch into its longest section (${longest.id}, ${String(longest.questions)} questions): first questions painted`, toLongestFirst),
      result(`CPU 4×, real questionnaire: section switch into its longest section: every question in place`, toLongest, { target: 200 }),
    ];
  } finally {
    await host.close();
  }
}

/** In the page from its first script on: the time since navigation start at which the home screen is painted with every draft. */
const HOME_READY_PROBE = (drafts: number) => `(() => {
  const check = () => {
    const rows = document.querySelectorAll('.draft-table tbody tr').length;
    if (rows >= ${String(drafts)} && document.getElementById('new-draft-title')) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__homeReady = performance.now(); };
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

/** Navigation → the home screen painted with 100 drafts, CPU 4×, in a fresh context each time. */
async function coldStart(fast: Browser, work: string): Promise<BenchResult[]> {
  const host = await startBenchHost(path.join(work, 'data-home'), path.join(ROOT, 'questionnaires'), REAL_ID);
  try {
    const setup = await fast.newPage();
    await setup.goto(host.url);
    const answers = fullSecretariatAnswers({ today: new Date().toISOString().slice(0, 10) });
    const firstId = await createDraft(setup, 'Assessment 1', answers);
    await setup.evaluate(`(async () => {
      for (let i = 2; i <= ${String(HOME_DRAFTS)}; i++) {
        const r = await window.iscm.drafts.duplicate({ id: ${JSON.stringify(firstId)}, title: 'Assessment ' + i });
        if (!r.ok) throw new Error(r.error.message);
      }
    })()`);
    await setup.close();
    const times: number[] = [];
    for (let i = 0; i < COLD_RUNS + 1; i++) {
      const context = await fast.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await throttle(page, RATE);
      await page.addInitScript(HOME_READY_PROBE(HOME_DRAFTS));
      await page.goto(host.url);
      await page.waitForFunction(() => (globalThis as { __homeReady?: number }).__homeReady !== undefined, undefined, { timeout: 60_000 });
      const ms = await page.evaluate<number>('window.__homeReady');
      await context.close();
      if (i > 0) times.push(ms);
    }
    return [result(`CPU 4×: cold start, navigation → home screen painted with ${String(HOME_DRAFTS)} drafts`, times, { target: 1000 })];
  } finally {
    await host.close();
  }
}

export async function runUiSlowBench(): Promise<BenchResult[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-ui-slow-'));
  const { fastBrowser, close } = await launchBrowsers();
  try {
    return [...(await thousandQuestions(fastBrowser, work)), ...(await realQuestionnaire(fastBrowser, work)), ...(await coldStart(fastBrowser, work))];
  } finally {
    await close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await runUiSlowBench()) {
    process.stdout.write(`${r.name}: median ${String(r.median)} ${r.unit}, p95 ${String(r.p95)}, runs ${String(r.runs)}${r.target === undefined ? '' : `, target ${String(r.target)}`}\n`);
  }
}
