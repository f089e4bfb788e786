import { parseAnswerPath } from '../answers/path.js';
import { attachmentRefSchema, ROW_ID_PATTERN, type AnswerValue } from '../answers/value.js';
import type { LoadedQuestionnaire, QuestionNode } from '../questionnaire/index.js';

/**
 * Whether one stored answer (path and value) fits a questionnaire version as it is: the form
 * of that version can show it and the respondent can see and change it. Values are never
 * converted: an answer either travels unchanged or stays behind, visible, with its reason.
 * Whether the value is *valid* (required, range, length) is not asked here: an invalid value
 * that the form can show travels and is reported by validation, like any other answer.
 */

export const NOT_CARRIED_REASONS = [
  /** The path is not an answer path at all (never written by this app). */
  'not-an-answer',
  /** No question (or repeat group) with this id in the version. */
  'question-removed',
  /** The question is now inside another repeat group, or no longer inside one. */
  'question-moved',
  /** The value has another shape than the question's type takes (a changed type). */
  'type-changed',
  /** A chosen value (or matrix row) is no longer among the choices. */
  'choice-removed',
  /** An "Other (specify)" text, and the question no longer offers "Other". */
  'other-removed',
  /** The question is still there, but the respondent has since given another answer to it. */
  'answered-again',
] as const;
export type NotCarriedReason = (typeof NOT_CARRIED_REASONS)[number];

export type Fit = { readonly ok: true } | { readonly ok: false; readonly reason: NotCarriedReason };

const FITS: Fit = { ok: true };
const refuse = (reason: NotCarriedReason): Fit => ({ ok: false, reason });

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a non-null value has the shape the question's type takes, and names only its choices. */
function valueFits(node: QuestionNode, value: Exclude<AnswerValue, null>): Fit {
  const choices = new Set((node.choices ?? []).map((c) => c.value));
  const q = node.question;
  switch (q.type) {
    case 'text':
    case 'long_text':
      return typeof value === 'string' ? FITS : refuse('type-changed');
    case 'integer':
    case 'year':
      return typeof value === 'number' && Number.isInteger(value) ? FITS : refuse('type-changed');
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value) ? FITS : refuse('type-changed');
    case 'date':
      return typeof value === 'string' && (value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value)) ? FITS : refuse('type-changed');
    case 'single_choice':
    case 'yes_no_dont_know':
    case 'agreement_scale':
    case 'impact_scale':
      if (typeof value !== 'string') return refuse('type-changed');
      return value === '' || choices.has(value) ? FITS : refuse('choice-removed');
    case 'multiple_choice':
      if (!isStringArray(value)) return refuse('type-changed');
      return value.every((v) => choices.has(v)) ? FITS : refuse('choice-removed');
    case 'matrix': {
      if (!isPlainObject(value) || !Object.values(value).every((v) => typeof v === 'string')) return refuse('type-changed');
      const rows = new Set((node.rows ?? []).map((r) => r.value));
      const fits = Object.entries(value).every(([row, v]) => rows.has(row) && (v === '' || choices.has(v)));
      return fits ? FITS : refuse('choice-removed');
    }
    case 'attachment':
      return Array.isArray(value) && value.every((v) => attachmentRefSchema.safeParse(v).success) ? FITS : refuse('type-changed');
  }
}

/** Whether `value` at `path` fits `loaded` unchanged; when not, why. */
export function answerFit(loaded: LoadedQuestionnaire, path: string, value: AnswerValue): Fit {
  const parsed = parseAnswerPath(path);
  if (!parsed) return refuse('not-an-answer');
  const node = loaded.nodes.get(parsed.questionId);
  // `group`: the ordered list of a repeat group's row ids.
  if (!parsed.row && !parsed.other && node?.kind === 'group' && node.group.repeat === true) {
    if (value === null) return FITS;
    return isStringArray(value) && value.every((id) => ROW_ID_PATTERN.test(id)) ? FITS : refuse('type-changed');
  }
  if (node?.kind !== 'question') return refuse('question-removed');
  if ((parsed.row?.group ?? undefined) !== node.repeatGroupId) return refuse('question-moved');
  if (parsed.other) {
    const q = node.question;
    const offersOther = (q.type === 'single_choice' || q.type === 'multiple_choice') && q.other === true;
    if (!offersOther) return refuse('other-removed');
    return value === null || typeof value === 'string' ? FITS : refuse('type-changed');
  }
  return value === null ? FITS : valueFits(node, value);
}
