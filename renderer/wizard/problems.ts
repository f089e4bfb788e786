import type { Problem } from '../../core/questionnaire/index.js';

/** An error mark is for answers that are wrong; unanswered required questions show as progress. */
export const isError = (problem: Problem): boolean => problem.code !== 'required';

export const sectionHasErrors = (problems: readonly Problem[], sectionId: string): boolean =>
  problems.some((p) => p.sectionId === sectionId && isError(p));

/**
 * The message a field shows from its problems: an answer's own errors at once, a missing
 * answer only when asked (a link from the review), so leaving a field empty never pushes the
 * next one away from under the pointer.
 */
export function fieldMessage(problems: readonly Problem[] | undefined, showAll: boolean): string | undefined {
  const shown = (problems ?? []).filter((p) => showAll || isError(p));
  return shown.length === 0 ? undefined : shown.map((p) => p.message).join(' ');
}

/** The element id of the control for an answer path (`g[r].q` is not a usable id as is). */
export const fieldDomId = (path: string): string => `q-${path.replace(/\[/g, '--').replace(/\]/g, '').replace(/\./g, '__')}`;
