import type { AnswerValue } from '../answers/value.js';
import { exclusiveConflict } from './choices.js';
import { isEmpty } from './expression/index.js';
import type { QuestionNode } from './loaded.js';
import { formatBytes, type MessageKey } from './messages.js';
import { numberExample, numberTextIssue } from './number-text.js';
import type { Choice, LocalizedText } from './schema.js';
import { choosesOther } from './question-info.js';

/** One thing wrong with an answer: a message key and its parameters; `other` when it is about the "Other" text. */
export interface ValueIssue {
  readonly code: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly other?: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** What a check needs beyond the question and the answer. */
export interface CheckContext {
  /** Language of the examples and choice labels in messages. */
  readonly lang: string;
  /** A questionnaire text in that language. */
  text(text: LocalizedText): string;
  /** The choices a `choiceFilter` offers at this answer path, if the question has one. */
  readonly offered?: ReadonlySet<string>;
}

/**
 * Checks a non-empty answer against its question's type and options. Required-ness and the
 * constraint expression are checked by the caller.
 */
export function checkValue(node: QuestionNode, value: AnswerValue, otherText: AnswerValue | undefined, context: CheckContext): ValueIssue[] {
  const q = node.question;
  const allowed = (v: unknown): boolean => typeof v === 'string' && (node.choices ?? []).some((c) => c.value === v);
  switch (q.type) {
    case 'text':
    case 'long_text':
      if (typeof value !== 'string') return [{ code: 'text_expected' }];
      return q.maxLength !== undefined && value.length > q.maxLength ? [{ code: 'max_length', params: { max: q.maxLength } }] : [];
    case 'integer':
    case 'year':
    case 'decimal':
      return checkNumber(q, value, context.lang);
    case 'date':
      if (typeof value !== 'string' || !isValidDate(value)) return [{ code: 'invalid_date' }];
      if (q.min !== undefined && value < q.min) return [{ code: 'min_date', params: { min: q.min } }];
      if (q.max !== undefined && value > q.max) return [{ code: 'max_date', params: { max: q.max } }];
      return [];
    case 'single_choice':
    case 'yes_no_dont_know':
    case 'agreement_scale':
    case 'impact_scale': {
      if (!allowed(value)) return [{ code: 'invalid_choice' }];
      // allowed() has checked that the value is a text.
      const gone = notOffered(node, [value as string], context);
      if (gone.length > 0) return gone;
      return choosesOther(value) && isEmpty(otherText ?? null) ? [{ code: 'other_required', other: true }] : [];
    }
    case 'multiple_choice': {
      if (!Array.isArray(value)) return [{ code: 'invalid_choice' }];
      const list = value as readonly unknown[];
      if (!list.every(allowed) || new Set(list).size !== list.length) return [{ code: 'invalid_choice' }];
      const values = list as readonly string[];
      const alone: Choice | undefined = exclusiveConflict(node.choices ?? [], values);
      const issues: ValueIssue[] = notOffered(node, values, context);
      if (alone) issues.push({ code: 'exclusive_choice', params: { choice: context.text(alone.label) } });
      if (q.minSelections !== undefined && value.length < q.minSelections) issues.push({ code: 'min_selections', params: { min: q.minSelections } });
      if (q.maxSelections !== undefined && value.length > q.maxSelections) issues.push({ code: 'max_selections', params: { max: q.maxSelections } });
      if (choosesOther(value) && isEmpty(otherText ?? null)) issues.push({ code: 'other_required', other: true });
      return issues;
    }
    case 'matrix':
      return checkMatrix(node, value);
    case 'attachment':
      return checkFiles(q, value);
  }
}

/** The first chosen value that the question's `choiceFilter` does not offer here, as an issue. */
function notOffered(node: QuestionNode, values: readonly string[], context: CheckContext): ValueIssue[] {
  const { offered } = context;
  if (offered === undefined) return [];
  const gone = (node.choices ?? []).find((c) => values.includes(c.value) && !offered.has(c.value));
  return gone ? [{ code: 'choice_not_offered', params: { choice: context.text(gone.label) } }] : [];
}

function checkNumber(q: QuestionNode['question'] & { type: 'integer' | 'year' | 'decimal' }, value: AnswerValue, lang: string): ValueIssue[] {
  // The number box stores what cannot be read as a number as typed: say what is wrong with it.
  if (typeof value === 'string') return [numberTextIssue(value, lang, q.type)];
  if (typeof value !== 'number' || !Number.isFinite(value)) return [{ code: 'number_format', params: { example: numberExample(lang, q.type) } }];
  if (q.type !== 'decimal' && !Number.isInteger(value)) return [{ code: 'not_integer' }];
  if (q.min !== undefined && value < q.min) return [{ code: 'min', params: { min: q.min } }];
  if (q.max !== undefined && value > q.max) return [{ code: 'max', params: { max: q.max } }];
  if (q.type === 'decimal' && q.step !== undefined) {
    const steps = (value - (q.min ?? 0)) / q.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-9) return [{ code: 'step', params: { step: q.step } }];
  }
  return [];
}

/** Whether every row of a matrix has an answer. */
export function matrixComplete(node: QuestionNode, value: AnswerValue): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const answers = value as Readonly<Record<string, string>>;
  return (node.rows ?? []).every((row) => typeof answers[row.value] === 'string' && answers[row.value] !== '');
}

function checkMatrix(node: QuestionNode, value: AnswerValue): ValueIssue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [{ code: 'invalid_choice' }];
  const rows = new Set((node.rows ?? []).map((r) => r.value));
  const scale = new Set((node.choices ?? []).map((c) => c.value));
  for (const [row, answer] of Object.entries(value)) {
    if (!rows.has(row) || typeof answer !== 'string' || (answer !== '' && !scale.has(answer))) return [{ code: 'invalid_choice' }];
  }
  return [];
}

function checkFiles(q: QuestionNode['question'] & { type: 'attachment' }, value: AnswerValue): ValueIssue[] {
  if (!Array.isArray(value)) return [{ code: 'invalid_file' }];
  const issues: ValueIssue[] = [];
  if (q.maxFiles !== undefined && value.length > q.maxFiles) issues.push({ code: 'max_files', params: { max: q.maxFiles } });
  for (const file of value as unknown[]) {
    if (typeof file !== 'object' || file === null || !('name' in file) || !('size' in file)) return [{ code: 'invalid_file' }];
    const { name, size } = file;
    if (typeof name !== 'string' || typeof size !== 'number') return [{ code: 'invalid_file' }];
    if (q.maxFileSize !== undefined && size > q.maxFileSize) {
      issues.push({ code: 'file_too_large', params: { name, max: formatBytes(q.maxFileSize) } });
    }
    const dot = name.lastIndexOf('.');
    const ext = dot < 0 ? '' : name.slice(dot).toLowerCase();
    if (q.accept !== undefined && !q.accept.includes(ext)) issues.push({ code: 'file_type', params: { name, accept: q.accept.join(', ') } });
  }
  return issues;
}
