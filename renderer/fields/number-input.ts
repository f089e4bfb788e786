import { formatNumberText, type NumberKind, parseNumberText } from '../../core/questionnaire/index.js';

export { asciiDigits } from '../../core/questionnaire/index.js';

/**
 * What a number field stores from the text typed in language `lang`: a number when the text
 * is one ("1 250 000" and "0,5" in French, "1,250,000" in English, Arabic-Indic digits), `null`
 * when empty, and otherwise the text itself, so nothing typed is lost and the engine says what
 * is wrong with it. The reading is core's (`parseNumberText`).
 */
export function parseNumberInput(text: string, lang: string, kind: NumberKind): number | string | null {
  const result = parseNumberText(text, lang, kind);
  if (result.kind === 'empty') return null;
  return result.kind === 'number' ? result.value : text;
}

/** The text a number field shows for a stored value, written the language's way. */
export function numberInputText(value: unknown, lang: string, kind: NumberKind): string {
  if (typeof value === 'number') return formatNumberText(value, lang, kind);
  if (typeof value === 'string') return value;
  return '';
}
