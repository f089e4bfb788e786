import type { Problem } from '../../core/questionnaire/index.js';

/** An error mark is for answers that are wrong; unanswered required questions show as progress. */
export const isError = (problem: Problem): boolean => problem.code !== 'required';

export const sectionHasErrors = (problems: readonly Problem[], sectionId: string): boolean =>
  problems.some((p) => p.sectionId === sectionId && isError(p));

/** The element id of the control for an answer path (`g[r].q` is not a usable id as is). */
export const fieldDomId = (path: string): string => `q-${path.replace(/\[/g, '--').replace(/\]/g, '').replace(/\./g, '__')}`;
