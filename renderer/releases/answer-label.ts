import type { AnswerValue } from '../../core/answers/value.js';
import { parseAnswerPath } from '../../core/answers/path.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { textIn } from '../questionnaire/labels.js';
import { formatAnswer } from '../review/format-answer.js';

/** The question an answer path names, in words, from the version that has it; undefined when none does. */
export function questionLabel(
  loaded: LoadedQuestionnaire | undefined,
  path: string,
  lang: Language,
): string | undefined {
  const parsed = parseAnswerPath(path);
  if (!loaded || !parsed) return undefined;
  const node = loaded.nodes.get(parsed.questionId);
  if (!node || node.kind === 'section') return undefined;
  const label =
    node.kind === 'question' ? node.question.label : node.kind === 'group' ? node.group.label : node.note.label;
  return textIn(loaded, label, lang);
}

/** The row number of a repeat-group answer (1-based), from the draft's rows of that group. */
export function rowNumber(path: string, answers: Readonly<Record<string, AnswerValue>>): number | undefined {
  const row = parseAnswerPath(path)?.row;
  if (!row) return undefined;
  const rows = answers[row.group];
  const index = Array.isArray(rows) ? (rows as readonly unknown[]).indexOf(row.rowId) : -1;
  return index < 0 ? undefined : index + 1;
}

/** An answer as a person reads it, with the question of the version it was given in; raw when that version lacks the question. */
export function answerText(
  loaded: LoadedQuestionnaire | undefined,
  path: string,
  value: AnswerValue,
  lang: Language,
): string {
  const parsed = parseAnswerPath(path);
  const node = parsed && !parsed.other ? loaded?.questions.get(parsed.questionId) : undefined;
  if (loaded && node) {
    try {
      const text = formatAnswer(loaded, node, value, lang);
      if (text !== '') return text;
    } catch {
      // A value of another shape than the question takes: shown as it is stored.
    }
  }
  if (typeof value === 'string') return value;
  return value === null ? '' : JSON.stringify(value);
}
