/**
 * The accessibility checks of the end-to-end tests, with axe-core in Chromium: a failure lists
 * each violation with where it was found.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

const described = (where: string, violations: Violations, withImpact = false): string[] =>
  violations.map((v) => `${where}: ${v.id}${withImpact ? ` (${String(v.impact)})` : ''} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** No WCAG 2.1 A/AA violation at all on the page, or in the parts named by `only` (CSS selectors). */
export async function expectNoViolations(page: Page, where: string, only: readonly string[] = []): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(WCAG_AA);
  for (const selector of only) builder = builder.include(selector);
  expect(described(where, (await builder.analyze()).violations)).toEqual([]);
}

/** No serious or critical violation of WCAG 2.1 A/AA or axe's best practices on the whole page. */
export async function expectNoSeriousViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags([...WCAG_AA, 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(described(where, serious, true)).toEqual([]);
}
