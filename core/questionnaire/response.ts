import { otherPath } from '../answers/path.js';
import type { AnswerMap, AnswerValue } from '../answers/value.js';
import { computeValues, rowPath, storedRowIds } from './evaluate-values.js';
import { isEmpty } from './expression/index.js';
import type { LoadedQuestionnaire, QuestionNode } from './loaded.js';
import { allowsOther, choosesOther } from './question-info.js';

/**
 * The nested shape of answers, used both for `responses.json` and for react-hook-form values:
 *
 *   {
 *     "<questionId>": <value>,                          // as stored (see core/answers/value.ts)
 *     "_other": { "<questionId>": "<Other text>" },     // "Other (specify)" texts
 *     "<repeatGroupId>": [                              // one object per row, in order
 *       { "_row": "<rowId>", "<questionId>": <value>, "_other": { … } }
 *     ]
 *   }
 *
 * Question ids never start with `_`, so `_row` and `_other` cannot clash with them.
 * In a response only relevant, answered questions appear (calculated values included);
 * in form values every question of the section appears, `null` when unanswered.
 */
export type NestedAnswers = Record<string, unknown>;
export interface NestedRow extends Record<string, unknown> {
  _row: string;
}

export interface ResponseOptions {
  /** Today's date `YYYY-MM-DD` for `today()` (default: the current UTC date). */
  readonly today?: string;
  /**
   * The engine's evaluation of these very answers, when the caller has one (the open draft):
   * relevance and values are then taken from it instead of being computed a second time.
   */
  readonly evaluated?: {
    readonly relevant: ReadonlyMap<string, boolean>;
    readonly values: ReadonlyMap<string, AnswerValue>;
    readonly rows: ReadonlyMap<string, readonly string[]>;
  };
}

const hasOther = (node: QuestionNode): boolean => allowsOther(node.question);


/** The relevant answers as the nested object that is signed into responses.json. */
export function toResponse(loaded: LoadedQuestionnaire, answers: AnswerMap, options: ResponseOptions = {}): NestedAnswers {
  const pass = options.evaluated ?? computeValues(loaded, answers, options.today ?? new Date().toISOString().slice(0, 10));
  const put = (target: Record<string, unknown>, node: QuestionNode, path: string): void => {
    if (pass.relevant.get(path) !== true) return;
    const value = pass.values.get(path) ?? null;
    if (isEmpty(value)) return;
    target[node.id] = value;
    const other = answers[otherPath(path)];
    if (hasOther(node) && choosesOther(value) && typeof other === 'string' && other !== '') {
      const texts = (target._other ?? {}) as Record<string, string>;
      texts[node.id] = other;
      target._other = texts;
    }
  };
  const out: NestedAnswers = {};
  for (const id of loaded.documentOrder) {
    const node = loaded.nodes.get(id);
    if (node?.kind === 'group' && node.group.repeat === true && pass.relevant.get(id) === true) {
      const members = groupQuestions(loaded, id);
      out[id] = (pass.rows.get(id) ?? []).map((rowId) => {
        const row: NestedRow = { _row: rowId };
        for (const member of members) put(row, member, rowPath({ group: id, rowId }, member.id));
        return row;
      });
    }
    if (node?.kind === 'question' && node.repeatGroupId === undefined) put(out, node, id);
  }
  return out;
}

/** The questions of a repeat group, in order. */
export function groupQuestions(loaded: LoadedQuestionnaire, groupId: string): QuestionNode[] {
  const out: QuestionNode[] = [];
  for (const id of loaded.documentOrder) {
    const node = loaded.questions.get(id);
    if (node?.parentId === groupId) out.push(node);
  }
  return out;
}

/** The questions and repeat groups of a section that live at the top of the nested shape. */
function topLevel(loaded: LoadedQuestionnaire, sectionIds: ReadonlySet<string> | undefined): { questions: QuestionNode[]; groups: string[] } {
  const questions: QuestionNode[] = [];
  const groups: string[] = [];
  for (const id of loaded.documentOrder) {
    const node = loaded.nodes.get(id);
    if (!node || (sectionIds && !sectionIds.has(node.sectionId))) continue;
    if (node.kind === 'question' && node.repeatGroupId === undefined) questions.push(node);
    if (node.kind === 'group' && node.group.repeat === true) groups.push(id);
  }
  return { questions, groups };
}

/** Form values for the given sections (all when omitted): every question, `null` when unanswered. */
export function toFormValues(loaded: LoadedQuestionnaire, answers: AnswerMap, sectionIds?: readonly string[]): NestedAnswers {
  const { questions, groups } = topLevel(loaded, sectionIds && new Set(sectionIds));
  const fill = (target: Record<string, unknown>, node: QuestionNode, path: string): void => {
    target[node.id] = answers[path] ?? null;
    if (hasOther(node)) {
      const texts = (target._other ?? {}) as Record<string, unknown>;
      texts[node.id] = answers[otherPath(path)] ?? null;
      target._other = texts;
    }
  };
  const out: NestedAnswers = {};
  for (const node of questions) fill(out, node, node.id);
  for (const group of groups) {
    const members = groupQuestions(loaded, group);
    out[group] = storedRowIds(answers[group]).map((rowId) => {
      const row: NestedRow = { _row: rowId };
      for (const member of members) fill(row, member, rowPath({ group, rowId }, member.id));
      return row;
    });
  }
  return out;
}

function toAnswerValue(value: unknown): AnswerValue {
  if (value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) return null;
  return value as AnswerValue;
}

/**
 * The flat answers (path → value) held in a nested object: the reverse of `toFormValues` and
 * `toResponse`. Keys that are not questions of those sections are ignored, so validate a
 * foreign object with the response schema (`buildResponseSchema`) first.
 */
export function fromNested(loaded: LoadedQuestionnaire, values: NestedAnswers, sectionIds?: readonly string[]): Record<string, AnswerValue> {
  const { questions, groups } = topLevel(loaded, sectionIds && new Set(sectionIds));
  const out: Record<string, AnswerValue> = {};
  const read = (source: Record<string, unknown>, node: QuestionNode, path: string): void => {
    if (node.id in source) out[path] = toAnswerValue(source[node.id]);
    const texts = source._other;
    if (hasOther(node) && typeof texts === 'object' && texts !== null && node.id in texts) {
      out[otherPath(path)] = toAnswerValue((texts as Record<string, unknown>)[node.id]);
    }
  };
  for (const node of questions) read(values, node, node.id);
  for (const group of groups) {
    const rows = values[group];
    if (!Array.isArray(rows)) continue;
    const members = groupQuestions(loaded, group);
    const ids: string[] = [];
    for (const row of rows as unknown[]) {
      if (typeof row !== 'object' || row === null || typeof (row as { _row?: unknown })._row !== 'string') continue;
      const source = row as Record<string, unknown> & { _row: string };
      ids.push(source._row);
      for (const member of members) read(source, member, rowPath({ group, rowId: source._row }, member.id));
    }
    out[group] = ids;
  }
  return out;
}

/** Flat answers from a responses.json object (only relevant answers were kept in it). */
export function responseToAnswers(loaded: LoadedQuestionnaire, response: NestedAnswers): Record<string, AnswerValue> {
  return fromNested(loaded, response);
}
