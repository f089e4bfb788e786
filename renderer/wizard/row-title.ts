import type { AnswerValue } from '../../core/answers/value.js';
import type { Group } from '../../core/questionnaire/index.js';

/** The longest title a row heading shows; the whole answer is in the field below it. */
const MAX_TITLE = 80;

/**
 * The question whose answer names a repeat row: its first short-text question that is typed,
 * not calculated (the achievement's title, the partner's name). None: the row stays "Entry N".
 */
export function titleQuestionId(group: Group): string | undefined {
  for (const item of group.items) {
    if (item.type === 'text' && item.calculate === undefined) return item.id;
  }
  return undefined;
}

/** The row's title from that answer: trimmed, on one line, shortened with an ellipsis; empty when unanswered. */
export function rowTitle(value: AnswerValue): string {
  if (typeof value !== 'string') return '';
  const line = value.replace(/\s+/g, ' ').trim();
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1).trimEnd()}…` : line;
}
