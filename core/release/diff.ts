import type { LoadedQuestionnaire, QuestionNode } from '../questionnaire/index.js';

/**
 * What changes between two versions of a questionnaire, by question id: shown before a release
 * is installed and when a draft is about to move. Only what a respondent notices is named.
 */

export const QUESTION_CHANGES = ['type', 'choices-removed', 'choices-added', 'moved', 'label', 'required', 'shown-when', 'rule', 'other'] as const;
export type QuestionChange = (typeof QUESTION_CHANGES)[number];

export interface ChangedQuestion {
  readonly id: string;
  readonly changes: readonly QuestionChange[];
  readonly removedChoices: readonly string[];
  readonly addedChoices: readonly string[];
}

export interface QuestionnaireDiff {
  /** In the newer version only. */
  readonly added: readonly string[];
  /** In the older version only. */
  readonly removed: readonly string[];
  readonly changed: readonly ChangedQuestion[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const values = (list: readonly { value: string }[] | undefined): string[] => (list ?? []).map((c) => c.value);

function compare(before: QuestionNode, after: QuestionNode): ChangedQuestion | null {
  const changes: QuestionChange[] = [];
  const a = before.question;
  const b = after.question;
  if (a.type !== b.type) changes.push('type');
  const beforeChoices = [...values(before.choices), ...values(before.rows).map((r) => `row:${r}`)];
  const afterChoices = [...values(after.choices), ...values(after.rows).map((r) => `row:${r}`)];
  const removedChoices = beforeChoices.filter((c) => !afterChoices.includes(c));
  const addedChoices = afterChoices.filter((c) => !beforeChoices.includes(c));
  if (removedChoices.length > 0) changes.push('choices-removed');
  if (addedChoices.length > 0) changes.push('choices-added');
  if (before.repeatGroupId !== after.repeatGroupId) changes.push('moved');
  // A choice both versions have, worded otherwise (an added or removed choice is said apart).
  const labelsOf = (n: QuestionNode): Map<string, unknown> =>
    new Map([...(n.choices ?? []), ...(n.rows ?? []).map((r) => ({ ...r, value: `row:${r.value}` }))].map((c) => [c.value, c.label]));
  const beforeLabels = labelsOf(before);
  const choiceReworded = [...labelsOf(after)].some(([value, label]) => beforeLabels.has(value) && !same(beforeLabels.get(value), label));
  if (!same(a.label, b.label) || !same(a.help, b.help) || choiceReworded) changes.push('label');
  if (!same(a.required, b.required)) changes.push('required');
  if (!same(a.relevant, b.relevant)) changes.push('shown-when');
  const otherBefore = 'other' in a && a.other === true;
  const otherAfter = 'other' in b && b.other === true;
  if (otherBefore !== otherAfter) changes.push('other');
  // Anything else of the definition (limits, constraint, calculation, appearance): one word for all.
  const rest = (q: typeof a): unknown => {
    const { id: _id, label: _label, help: _help, required: _required, relevant: _relevant, type: _type, ...others } = q;
    const { other: _other, choices: _choices, rows: _rows, ...kept } = others as Record<string, unknown>;
    return kept;
  };
  if (a.type === b.type && !same(rest(a), rest(b))) changes.push('rule');
  return changes.length === 0 ? null : { id: after.id, changes, removedChoices, addedChoices };
}

export function diffQuestionnaires(older: LoadedQuestionnaire, newer: LoadedQuestionnaire): QuestionnaireDiff {
  const added = newer.documentOrder.filter((id) => newer.questions.has(id) && !older.questions.has(id));
  const removed = older.documentOrder.filter((id) => older.questions.has(id) && !newer.questions.has(id));
  const changed: ChangedQuestion[] = [];
  for (const id of newer.documentOrder) {
    const after = newer.questions.get(id);
    const before = older.questions.get(id);
    if (!after || !before) continue;
    const change = compare(before, after);
    if (change) changed.push(change);
  }
  return { added, removed, changed };
}
