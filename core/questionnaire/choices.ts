import type { AnswerValue } from '../answers/value.js';
import type { QuestionNode } from './loaded.js';
import type { Choice } from './schema.js';

/**
 * Choices as the respondent meets them: exclusive answers ("None") in a multiple choice,
 * and lists filtered by a `choiceFilter`. Pure functions, shared by the widgets and the engine.
 */

/** The values of a multiple choice answer (strings only, each once, in stored order). */
export function selectionOf(value: AnswerValue): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set((value as readonly unknown[]).filter((v): v is string => typeof v === 'string'))];
}

/**
 * The selection after ticking (`on`) or unticking `value`: in the order of the list, values
 * that are not in the list kept at the end (nothing stored is dropped by a click). Ticking an
 * exclusive choice clears every other one; ticking any other choice clears the exclusive ones.
 * Null when nothing is left selected.
 */
export function toggleChoice(choices: readonly Choice[], selected: readonly string[], value: string, on: boolean): string[] | null {
  const exclusive = new Set(choices.filter((c) => c.exclusive === true).map((c) => c.value));
  const known = new Set(choices.map((c) => c.value));
  let next = new Set(selected);
  if (!on) next.delete(value);
  else if (exclusive.has(value)) next = new Set([value]);
  else {
    for (const v of exclusive) next.delete(v);
    next.add(value);
  }
  const ordered = [...choices.map((c) => c.value).filter((v) => next.has(v)), ...[...next].filter((v) => !known.has(v))];
  return ordered.length === 0 ? null : ordered;
}

/** The exclusive choice that a selection combines with other answers, if any. */
export function exclusiveConflict(choices: readonly Choice[], selected: readonly string[]): Choice | undefined {
  if (selected.length < 2) return undefined;
  return choices.find((c) => c.exclusive === true && selected.includes(c.value));
}

/**
 * The choices to show: those the filter offers, plus any already chosen that it no longer
 * offers, so the respondent sees them and can remove them (validation says why).
 * Without a filter (`offered` undefined), every choice.
 */
export function choicesShown(choices: readonly Choice[], offered: ReadonlySet<string> | undefined, value: AnswerValue): readonly Choice[] {
  if (offered === undefined) return choices;
  const chosen = new Set(typeof value === 'string' ? [value] : selectionOf(value));
  return choices.filter((c) => offered.has(c.value) || chosen.has(c.value));
}

/**
 * The question as its widget draws it at one answer path: with the choices shown there (see
 * `choicesShown`). The same node when it has no filter, so memoised fields stay as they are.
 */
export function nodeAsShown(node: QuestionNode, offered: ReadonlySet<string> | undefined, value: AnswerValue): QuestionNode {
  if (offered === undefined || node.choices === undefined) return node;
  return { ...node, choices: choicesShown(node.choices, offered, value) };
}
