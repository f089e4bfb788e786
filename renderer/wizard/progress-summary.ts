import { parseAnswerPath } from '../../core/answers/path.js';
import type { Evaluation, LoadedQuestionnaire, Section } from '../../core/questionnaire/index.js';

/** Required answers counted for a section or the whole draft, and whether repeat rows add to them. */
export interface ProgressCount {
  readonly answered: number;
  readonly total: number;
  /** Some of the required questions counted are inside repeat rows: the total grows with each row. */
  readonly rowsIncluded: boolean;
}

/**
 * The section ids whose required questions include some inside a repeat row. Adding a row adds
 * required questions, so a total that jumps from 8 to 14 is explained by "rows included".
 */
export function sectionsWithRequiredRows(loaded: LoadedQuestionnaire, evaluation: Evaluation): ReadonlySet<string> {
  const found = new Set<string>();
  for (const [path, required] of evaluation.required) {
    if (!required || !path.includes('[')) continue;
    const parsed = parseAnswerPath(path);
    const node = parsed?.row ? loaded.nodes.get(parsed.questionId) : undefined;
    if (node?.kind === 'question') found.add(node.sectionId);
  }
  return found;
}

/** Progress per relevant section, and for the whole draft (the sum of its relevant sections). */
export function progressCounts(
  loaded: LoadedQuestionnaire,
  evaluation: Evaluation,
  sections: readonly Section[],
): { bySection: ReadonlyMap<string, ProgressCount>; overall: ProgressCount } {
  const withRows = sectionsWithRequiredRows(loaded, evaluation);
  const bySection = new Map<string, ProgressCount>();
  let answered = 0;
  let total = 0;
  for (const s of sections) {
    const p = evaluation.progress.find((x) => x.sectionId === s.id);
    if (!p) continue;
    const count = { answered: p.answered, total: p.total, rowsIncluded: withRows.has(s.id) };
    bySection.set(s.id, count);
    answered += p.answered;
    total += p.total;
  }
  return { bySection, overall: { answered, total, rowsIncluded: sections.some((s) => withRows.has(s.id)) } };
}
