import { localize, type LoadedQuestionnaire, type QuestionNode } from '../../../../core/questionnaire/index.js';
import type { Cell, Column } from './table.js';

/** How answers are written: the analyst's choices of the export. */
export interface CellOptions {
  /** Choice answers as their labels in `lang` instead of their values (column names stay ids). */
  readonly labels: boolean;
  readonly lang: string;
  /** A multiple choice also gets one 0/1 column per choice, `q/choice` (ODK, Kobo). */
  readonly splitChoices: boolean;
}

export const VALUES_ONLY: CellOptions = { labels: false, lang: 'en', splitChoices: false };

/**
 * Between the labels of a multiple choice answer written with labels. Values are joined with a
 * space as ODK does (a value has none); labels have spaces, so they are joined with "; ".
 */
export const LABEL_SEPARATOR = '; ';

/**
 * How one question becomes columns, in ODK Central's layout: one column per question; with
 * `splitChoices`, a multiple choice adds one 0/1 column per choice (`q/choice`) after the list;
 * a matrix is one column per row (`q/row`); an "Other (specify)" text is `q.other`
 * (a dot never appears in a question id, so it cannot clash with one).
 */
export function questionColumns(node: QuestionNode, options: CellOptions = VALUES_ONLY): Column[] {
  const q = node.question;
  const id = node.id;
  const other = (q.type === 'single_choice' || q.type === 'multiple_choice') && q.other === true;
  const tail: Column[] = other ? [{ name: `${id}.other`, type: 'string' }] : [];
  switch (q.type) {
    case 'integer':
    case 'decimal':
    case 'year':
      return [{ name: id, type: 'number' }];
    case 'date':
      return [{ name: id, type: 'date' }];
    case 'multiple_choice':
      return [
        { name: id, type: 'string' },
        ...(options.splitChoices ? (node.choices ?? []).map((c) => ({ name: `${id}/${c.value}`, type: 'number' as const })) : []),
        ...tail,
      ];
    case 'matrix':
      return (node.rows ?? []).map((r) => ({ name: `${id}/${r.value}`, type: 'string' as const }));
    default:
      return [{ name: id, type: 'string' }, ...tail];
  }
}

/** The media file name of an attachment: its hash, with the original extension when it is a plain one. */
export function mediaName(ref: { sha256: string; name?: unknown }): string {
  const name = typeof ref.name === 'string' ? ref.name.toLowerCase() : '';
  const ext = /\.[a-z0-9]{1,10}$/.exec(name)?.[0] ?? '';
  return `${ref.sha256}${ext}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A choice's label in the language asked for; a value the list does not have stays as it is. */
function labelOf(node: QuestionNode, value: string, lang: string): string {
  const choice = node.choices?.find((c) => c.value === value);
  return choice ? localize(choice.label, lang) : value;
}

/** The cells of one question from a response object (or a repeat row). */
export function questionCells(node: QuestionNode, source: Record<string, unknown>, out: Map<string, Cell>, options: CellOptions = VALUES_ONLY): void {
  const id = node.id;
  const value = source[id];
  const others = source._other;
  if (isRecord(others) && typeof others[id] === 'string') out.set(`${id}.other`, others[id]);
  if (value === undefined || value === null) return;
  const q = node.question;
  if (q.type === 'multiple_choice' && Array.isArray(value)) {
    const chosen = new Set(value.map(String));
    out.set(id, options.labels ? [...chosen].map((v) => labelOf(node, v, options.lang)).join(LABEL_SEPARATOR) : [...chosen].join(' '));
    if (options.splitChoices) for (const c of node.choices ?? []) out.set(`${id}/${c.value}`, chosen.has(c.value) ? 1 : 0);
    return;
  }
  if (q.type === 'matrix' && isRecord(value)) {
    for (const r of node.rows ?? []) {
      const cell = value[r.value];
      if (typeof cell === 'string') out.set(`${id}/${r.value}`, options.labels ? labelOf(node, cell, options.lang) : cell);
    }
    return;
  }
  if (q.type === 'attachment' && Array.isArray(value)) {
    out.set(id, value.filter(isRecord).map((ref) => mediaName({ sha256: String(ref.sha256), name: ref.name })).join(' '));
    return;
  }
  // Single choices and scales: a label when asked for. Other text and numbers as they are.
  if (typeof value === 'string' && options.labels && node.choices !== undefined) out.set(id, labelOf(node, value, options.lang));
  else if (typeof value === 'number' || typeof value === 'string') out.set(id, value);
  else out.set(id, JSON.stringify(value));
}

/** One codebook line per question: id, section, group, type, label, choices. */
export function codebookCells(loaded: LoadedQuestionnaire, node: QuestionNode, lang: string): Map<string, Cell> {
  const list = node.question.type === 'matrix' ? node.rows : node.choices;
  const choices = (list ?? [])
    .map((c) => `${c.value} = ${localize(c.label, lang)}`)
    .join(' | ');
  const scale = node.question.type === 'matrix' ? (node.choices ?? []).map((c) => `${c.value} = ${localize(c.label, lang)}`).join(' | ') : '';
  const parent = node.parentId === undefined ? undefined : loaded.nodes.get(node.parentId);
  return new Map<string, Cell>([
    ['id', node.id],
    ['section', node.sectionId],
    ['group', parent?.kind === 'group' ? parent.id : ''],
    ['repeat', node.repeatGroupId ?? ''],
    ['type', node.question.type],
    ['label', localize(node.question.label, lang)],
    ['choices', choices],
    ['scale', scale],
    ['relevant', node.question.relevant ?? ''],
  ]);
}
