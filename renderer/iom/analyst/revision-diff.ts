import type { LoadedQuestionnaire, NestedAnswers } from '../../../core/questionnaire/index.js';

/**
 * What changed between two revisions of a submission, answer by answer, in the questionnaire's
 * order: a question answered in both with different values is `changed`, one answered only in
 * the newer revision `added`, only in the older `removed`. Repeat rows are matched by their row
 * id (`_row`), so a row inserted before others does not make every later row "changed"; a
 * row's answers are compared one by one. An "Other (specify)" text is part of its answer.
 * Multiple choices compare as sets (the order of ticking means nothing).
 */

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface AnswerChange {
  readonly kind: ChangeKind;
  readonly questionId: string;
  /** Set for an answer inside a repeat group: the group, the row's id and its position (1-based) in the revision that has it (the newer one when both do). */
  readonly row?: { readonly groupId: string; readonly rowId: string; readonly position: number };
  readonly before?: unknown;
  readonly after?: unknown;
  /** The "Other (specify)" texts, when the question has one. */
  readonly otherBefore?: string;
  readonly otherAfter?: string;
}

type Answers = Record<string, unknown>;

const otherOf = (answers: Answers, id: string): string | undefined => {
  const texts = answers._other;
  const text = typeof texts === 'object' && texts !== null ? (texts as Answers)[id] : undefined;
  return typeof text === 'string' ? text : undefined;
};

/** A value's identity: JSON with object keys sorted and string lists as sets. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return `[${(value.every((v) => typeof v === 'string') ? items.sort() : items).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Answers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function compareOne(id: string, before: Answers, after: Answers, row?: AnswerChange['row']): AnswerChange | undefined {
  const had = id in before;
  const has = id in after;
  if (!had && !has) return undefined;
  const otherBefore = otherOf(before, id);
  const otherAfter = otherOf(after, id);
  const base = {
    questionId: id,
    ...(row ? { row } : {}),
    ...(had ? { before: before[id] } : {}),
    ...(has ? { after: after[id] } : {}),
    ...(otherBefore !== undefined ? { otherBefore } : {}),
    ...(otherAfter !== undefined ? { otherAfter } : {}),
  };
  if (!had) return { kind: 'added', ...base };
  if (!has) return { kind: 'removed', ...base };
  const same = canonical(before[id]) === canonical(after[id]) && otherBefore === otherAfter;
  return same ? undefined : { kind: 'changed', ...base };
}

const rowsOf = (answers: Answers, groupId: string): Answers[] => {
  const rows = answers[groupId];
  return Array.isArray(rows) ? rows.filter((r): r is Answers => typeof r === 'object' && r !== null) : [];
};

/** The changes from `before` (revision N−1) to `after` (revision N), in the questionnaire's order. */
export function diffRevisions(loaded: LoadedQuestionnaire, before: NestedAnswers, after: NestedAnswers): AnswerChange[] {
  const out: AnswerChange[] = [];
  const seen = new Set<string>();
  for (const id of loaded.documentOrder) {
    const node = loaded.nodes.get(id);
    if (node?.kind === 'group' && node.group.repeat === true) {
      seen.add(id);
      const members = loaded.documentOrder.filter((m) => loaded.questions.get(m)?.repeatGroupId === id);
      const oldRows = rowsOf(before, id);
      const newRows = rowsOf(after, id);
      const oldById = new Map(oldRows.map((r) => [String(r._row), r]));
      const newIds = new Set(newRows.map((r) => String(r._row)));
      newRows.forEach((r, i) => {
        const rowId = String(r._row);
        const old = oldById.get(rowId) ?? {};
        for (const m of members) {
          const change = compareOne(m, old, r, { groupId: id, rowId, position: i + 1 });
          if (change) out.push(change);
        }
      });
      oldRows.forEach((r, i) => {
        const rowId = String(r._row);
        if (newIds.has(rowId)) return;
        for (const m of members) {
          const change = compareOne(m, r, {}, { groupId: id, rowId, position: i + 1 });
          if (change) out.push(change);
        }
      });
      continue;
    }
    if (node?.kind !== 'question' || node.repeatGroupId !== undefined) continue;
    seen.add(id);
    const change = compareOne(id, before, after);
    if (change) out.push(change);
  }
  // Answers to questions this version does not have (another version's): compared all the same, at the end.
  const rest = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((id) => !id.startsWith('_') && !seen.has(id)).sort();
  for (const id of rest) {
    const change = compareOne(id, before, after);
    if (change) out.push(change);
  }
  return out;
}

export function countChanges(changes: readonly AnswerChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { changed: 0, added: 0, removed: 0 };
  for (const c of changes) counts[c.kind]++;
  return counts;
}
