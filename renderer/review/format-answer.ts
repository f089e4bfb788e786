import type { AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import { OTHER_CHOICE, type LoadedQuestionnaire, type QuestionNode } from '../../core/questionnaire/index.js';
import { formatCalendarDate, formatList, formatNumber, formatSize, formatYear } from '../i18n/format.js';
import { choiceLabel, textIn } from '../questionnaire/labels.js';

/**
 * An answer as a person reads it, in the chosen language: choice labels instead of values,
 * numbers and dates through Intl, a matrix as "row: answer" pairs, files with their sizes.
 * `otherText` is the "Other (specify)" text, shown in place of the word "Other".
 */
export function formatAnswer(loaded: LoadedQuestionnaire, node: QuestionNode, value: AnswerValue, lang: Language, otherText?: string): string {
  if (value === null || value === '') return '';
  const q = node.question;
  const label = (v: string): string => {
    const text = choiceLabel(loaded, node.choices, v, lang);
    return v === OTHER_CHOICE.value && otherText ? `${text}: ${otherText}` : text;
  };
  if (typeof value === 'number') return q.type === 'year' ? formatYear(lang, value) : formatNumber(lang, value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') {
    if (q.type === 'date') return formatCalendarDate(lang, value);
    return node.choices ? label(value) : value;
  }
  if (Array.isArray(value)) {
    const items = value as readonly unknown[];
    const parts = items.map((item) => {
      if (typeof item === 'string') return node.choices ? label(item) : item;
      if (typeof item === 'object' && item !== null && 'name' in item && 'size' in item) {
        const file = item as { name: string; size: number };
        return `${file.name} (${formatSize(lang, file.size)})`;
      }
      return JSON.stringify(item);
    });
    return formatList(lang, parts);
  }
  const rows = node.rows ?? [];
  return rows
    .filter((r) => typeof value[r.value] === 'string' && value[r.value] !== '')
    .map((r) => `${textIn(loaded, r.label, lang)}: ${choiceLabel(loaded, node.choices, value[r.value] ?? '', lang)}`)
    .join('; ');
}
