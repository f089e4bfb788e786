import type { AnswerValue } from '../../core/answers/value.js';
import type { Language } from '../../core/contract/channels/drafts.js';
import { formatMonth } from '../i18n/format.js';
import { asciiDigits } from './number-input.js';

/** A date as the three boxes show it: day and year as typed, month `01`–`12` or empty. */
export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

const EMPTY: DateParts = { day: '', month: '', year: '' };

/** Arabic-Indic and Persian digits to ASCII; anything but digits dropped (a box holds a number). */
const digitsOnly = (text: string): string => asciiDigits(text).replace(/\D/g, '');

/**
 * What the date boxes store: `YYYY-MM-DD` once all three are filled (a one-digit day gets its
 * zero), `null` when all are empty, and otherwise the parts as they stand (`-03-15` when only
 * the year is missing). A half-typed date is thus saved like any keystroke, and the engine
 * reports it as not a valid date until it is one.
 */
export function joinDate(parts: DateParts): string | null {
  const day = digitsOnly(parts.day);
  const year = digitsOnly(parts.year);
  if (day === '' && parts.month === '' && year === '') return null;
  return `${year}-${parts.month}-${day.length === 1 ? `0${day}` : day}`;
}

/** The three boxes for a stored answer (the inverse of `joinDate`). */
export function splitDate(value: AnswerValue): DateParts {
  if (typeof value !== 'string' || value === '') return EMPTY;
  const parts = value.split('-');
  if (parts.length !== 3) return { ...EMPTY, year: digitsOnly(value) };
  const [year = '', month = '', day = ''] = parts;
  return { year, month: /^(0[1-9]|1[0-2])$/.test(month) ? month : '', day };
}

const MONTHS = new Map<Language, readonly { value: string; name: string }[]>();

/** The twelve month names in `lang`, January first, as `01`–`12` with their names (made once per language). */
export function monthNames(lang: Language): readonly { value: string; name: string }[] {
  let names = MONTHS.get(lang);
  if (!names) {
    names = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1).padStart(2, '0'), name: formatMonth(lang, i + 1) }));
    MONTHS.set(lang, names);
  }
  return names;
}
