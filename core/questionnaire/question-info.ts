import type { AnswerValue } from '../answers/value.js';
import { BUILTIN_SCALES, scaleOf } from './builtin-scales.js';
import type { RefInfo, ValueType } from './expression/index.js';
import type { Choice, Question, Questionnaire } from './schema.js';

/** The choice added by `"other": true`; its text is stored at `<path>.other`. */
export const OTHER_CHOICE: Choice = {
  value: 'other',
  label: { en: 'Other (specify)', fr: 'Autre (préciser)', es: 'Otro (especifique)', ar: 'أخرى (حدّد)' },
};

/** Whether a question offers "Other (specify)" (`"other": true` on a single or multiple choice). */
export function allowsOther(question: Question): boolean {
  return (question.type === 'single_choice' || question.type === 'multiple_choice') && question.other === true;
}

/** Whether an answer chooses "Other": a single choice of it, or a multiple choice that includes it. */
export function choosesOther(value: AnswerValue | undefined): boolean {
  return value === OTHER_CHOICE.value || (Array.isArray(value) && (value as readonly unknown[]).includes(OTHER_CHOICE.value));
}

const VALUE_TYPES: Readonly<Record<Question['type'], ValueType>> = {
  text: 'string',
  long_text: 'string',
  integer: 'number',
  decimal: 'number',
  year: 'number',
  date: 'date',
  single_choice: 'string',
  multiple_choice: 'list',
  yes_no_dont_know: 'string',
  agreement_scale: 'string',
  impact_scale: 'string',
  matrix: 'matrix',
  attachment: 'files',
};

export function valueTypeOf(question: Question): ValueType {
  return VALUE_TYPES[question.type];
}

/** A scale's choices: the questionnaire's override list if any, else the built-in one. */
export function scaleChoices(q: Questionnaire, scale: keyof typeof BUILTIN_SCALES): readonly Choice[] {
  return q.choiceLists[scale] ?? BUILTIN_SCALES[scale];
}

export interface QuestionChoices {
  readonly choices?: readonly Choice[];
  readonly rows?: readonly Choice[];
}

/** What a respondent chooses from, for choice, scale and matrix questions. */
export function choicesOf(q: Questionnaire, question: Question): QuestionChoices {
  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    const list = q.choiceLists[question.choices] ?? [];
    return { choices: question.other === true ? [...list, OTHER_CHOICE] : list };
  }
  if (question.type === 'matrix') {
    return { choices: scaleChoices(q, question.scale), rows: q.choiceLists[question.rows] ?? [] };
  }
  const scale = scaleOf(question.type);
  return scale ? { choices: scaleChoices(q, scale) } : {};
}

export function refInfoOf(question: Question, choices: QuestionChoices): RefInfo {
  const type = valueTypeOf(question);
  if (!choices.choices || type === 'matrix') return { type };
  const attributes = new Set<string>();
  for (const choice of choices.choices) for (const name of Object.keys(choice.attributes ?? {})) attributes.add(name);
  return { type, choices: new Set(choices.choices.map((c) => c.value)), attributes };
}
