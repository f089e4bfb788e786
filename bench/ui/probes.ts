/**
 * What the UI benchmarks measure in the page, and how they drive it. In-page code is passed as
 * strings: the bench files are compiled without the DOM's types.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { median, percentile, type BenchResult } from '../result.js';

export const TYPED = 'The mechanism met twice this year and adopted a regional action plan. ';

/** Keydown → a message posted from the next animation frame, which runs once that frame is painted. */
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
export const timeNavigation = (hash: string, first: string, all: string) => `new Promise((resolve) => {
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

/** The section's heading has focus and names `title`, and the field `firstField` is in the document. */
export const headingShown = (title: string, firstField: string) =>
  `document.activeElement?.id === 'section-heading' && document.activeElement.textContent === ${JSON.stringify(title)} && !!document.getElementById(${JSON.stringify(firstField)})`;
export const fieldShown = (id: string) => `!!document.getElementById(${JSON.stringify(id)})`;

/** Typing without a break: 25 ms between keys, about 40 characters a second. */
export async function typeSteadily(page: Page): Promise<void> {
  await page.keyboard.type(TYPED.repeat(3), { delay: 25 });
}

/**
 * Typing as people do: a word, then a pause. Pauses around 250 ms let skip logic and
 * validation run (they wait for typing to pause that long), so some keystrokes land while
 * that work is under way: the case that shows whether it ever holds a keystroke up.
 */
export async function typeInBursts(page: Page): Promise<void> {
  const pauses = [120, 240, 260, 280, 300, 350, 450, 600];
  const words = TYPED.repeat(2).split(' ');
  for (const [i, word] of words.entries()) {
    await page.keyboard.type(`${word} `, { delay: 25 });
    await page.waitForTimeout(pauses[i % pauses.length] ?? 300);
  }
}

/** Installs the probe, focuses the field, types, and returns each keystroke's latency. */
export async function measureTyping(page: Page, selector: string, type: (page: Page) => Promise<void>): Promise<number[]> {
  await page.evaluate(INSTALL_KEY_PROBE);
  const field = page.locator(selector);
  await field.click();
  await field.press('End');
  await page.evaluate('window.__latencies = []');
  await type(page);
  await page.waitForTimeout(500);
  return await page.evaluate<number[]>('window.__latencies');
}

/**
 * A slow office laptop: Chromium's CPU throttled `rate` times (CDP Emulation.setCPUThrottlingRate)
 * for this page's renderer. The session must stay open for the throttling to last.
 */
export async function throttle(page: Page, rate: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** The floor for keypress → paint in this browser: a bare text box on an empty page, no app. */
export async function bareInputTyping(browser: Browser, type: (page: Page) => Promise<void>, cpuRate = 1): Promise<number[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    if (cpuRate > 1) await throttle(page, cpuRate);
    await page.setContent('<label>Bare <input id="bare" type="text"></label>');
    return await measureTyping(page, '#bare', type);
  } finally {
    await page.close();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

export function result(name: string, values: readonly number[], extra: Partial<BenchResult> = {}): BenchResult {
  return { name, unit: 'ms', median: round(median(values)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)), runs: values.length, ...extra };
}

/** A figure's baseline: the median of what was measured beside it in the same run. */
export const baselineOf = (name: string, values: readonly number[]) => ({ baseline: { name, median: round(median(values)) } });

/** The p95 of `values` as a multiple of `floor`'s p95: how a target such as "≤ 1.3× the bare box" is checked. */
export function p95Ratio(name: string, values: readonly number[], floor: readonly number[], target: number): BenchResult {
  const ratio = percentile(values, 95) / percentile(floor, 95);
  return { name, unit: '×', median: round(ratio), runs: values.length, target };
}
