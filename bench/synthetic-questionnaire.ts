/**
 * A synthetic questionnaire for benchmarks: `questions` questions (default 1,000) in sections
 * of 50, every one with a `relevant` expression that reads an earlier question, plus a full
 * answer set under which every question is relevant and valid. Reused by the UI benchmark.
 */
import type { AnswerValue } from '../core/answers/value.js';

const LANGS = ['en', 'fr', 'es', 'ar'] as const;
const text = (s: string): Record<string, string> => Object.fromEntries(LANGS.map((l) => [l, `${s} (${l})`]));
const TYPES = ['yes_no_dont_know', 'integer', 'text', 'single_choice', 'multiple_choice', 'decimal'] as const;
const PER_SECTION = 50;

export interface SyntheticQuestionnaire {
  /** The questionnaire file's content (a plain JSON value). */
  readonly json: Record<string, unknown>;
  /** A full, valid answer set: path → value. */
  readonly answers: Record<string, AnswerValue>;
}

function relevantFor(i: number): string {
  if (i === 0) return '1 = 1';
  const j = i - 1;
  const ref = `\${q${j}}`;
  const guard = i % 10 === 0 ? " and ${q0} = 'yes'" : '';
  switch (TYPES[j % TYPES.length]) {
    case 'yes_no_dont_know':
      return `${ref} != 'no'${guard}`;
    case 'integer':
      return `${ref} >= 0 and ${ref} + 1 > 0${guard}`;
    case 'text':
      return `string-length(${ref}) > 0${guard}`;
    case 'single_choice':
      return `selected(${ref}, 'o1') or ${ref} = 'o2'${guard}`;
    case 'multiple_choice':
      return `count-selected(${ref}) >= 1${guard}`;
    default:
      return `${ref} * 2 < 1000000${guard}`;
  }
}

function question(i: number): Record<string, unknown> {
  const type = TYPES[i % TYPES.length] ?? 'text';
  const base = { id: `q${i}`, type, label: text(`Question ${i}`), help: text(`Help for question ${i}`), relevant: relevantFor(i), required: i % 2 === 0 };
  switch (type) {
    case 'integer':
      return { ...base, min: 0, max: 1_000_000, constraint: { expression: '. >= 0 and . <= 1000000', message: text('Out of range') } };
    case 'text':
      return { ...base, maxLength: 200 };
    case 'single_choice':
      return { ...base, choices: 'options', other: true };
    case 'multiple_choice':
      return { ...base, choices: 'options', maxSelections: 3 };
    case 'decimal':
      return { ...base, min: 0, step: 0.5 };
    default:
      return base;
  }
}

function answerFor(i: number): AnswerValue {
  switch (TYPES[i % TYPES.length]) {
    case 'yes_no_dont_know':
      return 'yes';
    case 'integer':
      return i;
    case 'text':
      return `Answer ${i}`;
    case 'single_choice':
      return 'o1';
    case 'multiple_choice':
      return ['o1', 'o3'];
    default:
      return 1.5;
  }
}

export function buildSyntheticQuestionnaire(questions = 1000): SyntheticQuestionnaire {
  const sections: Record<string, unknown>[] = [];
  const answers: Record<string, AnswerValue> = {};
  for (let s = 0; s * PER_SECTION < questions; s += 1) {
    const items: Record<string, unknown>[] = [];
    for (let i = s * PER_SECTION; i < Math.min(questions, (s + 1) * PER_SECTION); i += 1) {
      items.push(question(i));
      answers[`q${i}`] = answerFor(i);
    }
    sections.push({ id: `s${s}`, title: text(`Section ${s}`), items });
  }
  const json = {
    format: 'iscm-questionnaire/1',
    id: 'synthetic',
    version: '1.0.0',
    title: text('Synthetic questionnaire'),
    languages: [...LANGS],
    defaultLanguage: 'en',
    choiceLists: { options: [1, 2, 3, 4, 5].map((n) => ({ value: `o${n}`, label: text(`Option ${n}`) })) },
    sections,
  };
  return { json, answers };
}
