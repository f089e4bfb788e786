import { ROW_ID_PATTERN, storedRowIds, type AnswerValue } from '../../../core/answers/value.js';
import type { AnswerChangeOp } from '../../../core/contract/channels/drafts.js';
import { AppError } from '../../../core/contract/errors.js';
import { selectionOf, toggleChoice } from '../../../core/questionnaire/index.js';
import type { PathTarget } from './answer-paths.js';

const refuse = (path: string, why: string): AppError => new AppError('VALIDATION_FAILED', `The answer "${path}" ${why}.`, { path });

/**
 * The answer after adding or removing one value, applied to the value stored now (`answers.change`).
 *
 * - a repeat group: one row id appended (once) or taken out; the other rows keep their order;
 * - a multiple choice: ticked or unticked as its checkbox does (`toggleChoice`: the list's order,
 *   an exclusive choice such as "None" clearing the others and back); a value the question does
 *   not offer cannot be ticked (but a stored one can always be unticked);
 * - a draft whose questionnaire is not installed (`target` undefined): the value added to or
 *   taken out of the stored list, so the change is kept rather than lost.
 */
export function applyAnswerChange(target: PathTarget | undefined, path: string, stored: AnswerValue, op: AnswerChangeOp, item: string): AnswerValue {
  if (target?.kind === 'rows') {
    const ids = storedRowIds(stored);
    if (op === 'remove') return ids.filter((id) => id !== item);
    if (!ROW_ID_PATTERN.test(item)) throw refuse(path, `cannot take "${item}" as a row id`);
    return ids.includes(item) ? ids : [...ids, item];
  }
  if (target === undefined) {
    const values = selectionOf(stored);
    const next = op === 'add' ? (values.includes(item) ? values : [...values, item]) : values.filter((v) => v !== item);
    return next.length === 0 ? null : next;
  }
  if (target.other || target.node.question.type !== 'multiple_choice') {
    throw refuse(path, 'is not a multiple choice or a repeat group: save its whole value instead');
  }
  const choices = target.node.choices ?? [];
  if (op === 'add' && !choices.some((c) => c.value === item)) throw refuse(path, `has no choice "${item}"`);
  return toggleChoice(choices, selectionOf(stored), item, op === 'add');
}
