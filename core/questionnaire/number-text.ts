import { uiLanguage, type UiLanguage } from './messages.js';

/**
 * Numbers as people type them, in the app's languages: "1 250 000" and "0,5" in French,
 * "1,250,000" and "0.5" in English, "1.250.000,5" in Spanish, Arabic-Indic digits ("١٢٥٠")
 * and the Arabic separators "٫" and "٬". Pure: used by the number box to store a number,
 * and by the engine to say precisely what is wrong with a text that is not one.
 */
export type NumberKind = 'integer' | 'decimal' | 'year';

/** Why a text is not a number; each is a message key of the engine. */
export type NumberTextIssue = 'number_letters' | 'number_grouping' | 'number_format';

export type NumberTextResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'invalid'; readonly issue: NumberTextIssue };

const ARABIC_DECIMAL = '\u066b';
/** Marks that can only separate thousands: spaces of every kind, the Arabic thousands mark, apostrophes (Swiss). */
const GROUP_ONLY = /[ \u00a0\u2007\u2009\u202f\u066c'\u2019]/g;
const MINUS = /^[-\u2212\u2013\ufe63\uff0d]/;
const LETTER = /\p{L}/u;
/** Direction marks, invisible, that Arabic text carries around numbers (Intl writes "\u200e-1" in Arabic). */
const DIRECTION_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A single "," or "." followed by exactly three digits ("1,250", "1.250") is the one case
 * where the text alone cannot say whether it separates thousands or decimals. A whole number
 * question settles it (thousands); otherwise the language does.
 */
const AMBIGUOUS_IS_DECIMAL: Readonly<Record<UiLanguage, { ',': boolean; '.': boolean }>> = {
  en: { ',': false, '.': true },
  fr: { ',': true, '.': true },
  es: { ',': true, '.': false },
  ar: { ',': false, '.': true },
};

/** Arabic-Indic and Persian digits as ASCII digits; everything else unchanged. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}

/** Reads what was typed in a number box in language `lang`. Never throws. */
export function parseNumberText(text: string, lang: string, kind: NumberKind): NumberTextResult {
  let body = asciiDigits(text.replace(DIRECTION_MARKS, '').trim());
  if (body === '') return { kind: 'empty' };
  if (LETTER.test(body)) return { kind: 'invalid', issue: 'number_letters' };
  let sign = '';
  const minus = MINUS.exec(body);
  if (minus) {
    sign = '-';
    body = body.slice(minus[0].length);
  } else if (body.startsWith('+')) body = body.slice(1);
  // G: a thousands mark, D: a decimal mark; "," and "." are decided below.
  body = body.replace(GROUP_ONLY, 'G').replace(/\u060c/g, ',').replace(new RegExp(ARABIC_DECIMAL, 'g'), 'D');
  if (!/^[0-9.,GD]+$/.test(body) || !/[0-9]/.test(body)) return { kind: 'invalid', issue: 'number_format' };
  const decimalMark = decideDecimalMark(body, uiLanguage(lang), kind);
  if (decimalMark === undefined) return { kind: 'invalid', issue: 'number_format' };
  const at = decimalMark === '' ? -1 : body.indexOf(decimalMark);
  const whole = at < 0 ? body : body.slice(0, at);
  const fraction = at < 0 ? '' : body.slice(at + 1);
  if (/[^0-9]/.test(fraction)) return { kind: 'invalid', issue: /[.,GD]/.test(fraction) ? 'number_grouping' : 'number_format' };
  const groups = whole.split(/[.,G]/);
  if (groups.length > 1 && !groups.every((g, i) => /^[0-9]+$/.test(g) && (i === 0 ? g.length <= 3 : g.length === 3))) {
    return { kind: 'invalid', issue: 'number_grouping' };
  }
  const digits = groups.join('');
  if (/[^0-9]/.test(digits) || (digits === '' && fraction === '')) return { kind: 'invalid', issue: 'number_format' };
  const value = Number(`${sign}${digits === '' ? '0' : digits}.${fraction === '' ? '0' : fraction}`);
  if (!Number.isFinite(value)) return { kind: 'invalid', issue: 'number_format' };
  return { kind: 'number', value: value === 0 ? 0 : value };
}

/**
 * Which character separates the decimals in `body` ("" for none), or undefined when the text
 * cannot be a number (two decimal marks). "," and "." count as decimal marks when they must be:
 * the last of two different ones, or a single one that cannot separate thousands.
 */
function decideDecimalMark(body: string, lang: UiLanguage, kind: NumberKind): string | undefined {
  const count = (ch: string): number => body.split(ch).length - 1;
  const arabic = count('D');
  if (arabic > 1) return undefined;
  if (arabic === 1) return 'D';
  const commas = count(',');
  const dots = count('.');
  if (commas > 0 && dots > 0) {
    const last = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    return count(last) === 1 ? last : undefined;
  }
  if (commas + dots !== 1) return '';
  const mark = commas === 1 ? ',' : '.';
  if (body.includes('G')) return mark;
  const [before = '', after = ''] = body.split(mark);
  const couldBeThousands = after.length === 3 && before.length >= 1 && before.length <= 3 && !before.startsWith('0');
  if (!couldBeThousands) return mark;
  if (kind !== 'decimal') return '';
  return AMBIGUOUS_IS_DECIMAL[lang][mark] ? mark : '';
}

/** How a number box writes a stored number in `lang`: the language's decimal mark; thousands marked from 10,000 (never for a year). Latin digits, which every keyboard can edit. */
const BOX_MARKS: Readonly<Record<UiLanguage, { decimal: string; group: string }>> = {
  en: { decimal: '.', group: ',' },
  fr: { decimal: ',', group: '\u202f' },
  es: { decimal: ',', group: '.' },
  ar: { decimal: '.', group: ',' },
};

/** The text a number box shows for a stored number; `parseNumberText` reads it back to the same number. */
export function formatNumberText(value: number, lang: string, kind: NumberKind): string {
  const shortest = String(value);
  // Exponent forms (1e-7, 1e+21) are rare in a questionnaire; spelled out, they still read back exactly.
  const plain = /e/i.test(shortest) ? expand(value) : shortest;
  const negative = plain.startsWith('-');
  const [whole = '', fraction] = (negative ? plain.slice(1) : plain).split('.');
  const marks = BOX_MARKS[uiLanguage(lang)];
  const grouped = kind !== 'year' && Math.abs(value) >= 10_000 ? whole.replace(/\B(?=(\d{3})+$)/g, marks.group) : whole;
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `${marks.decimal}${fraction}`}`;
}

function expand(value: number): string {
  return new Intl.NumberFormat('en', { useGrouping: false, maximumSignificantDigits: 17 }).format(value);
}

const EXAMPLES: Readonly<Record<NumberKind, number>> = { integer: 1_250_000, decimal: 2.5, year: 1998 };

/** An example number for a message, in the language's digits and marks: "1250000", "2,5", "١٩٩٨". */
export function numberExample(lang: string, kind: NumberKind, grouped = false): string {
  const value = grouped ? 1_250_000 : EXAMPLES[kind];
  return new Intl.NumberFormat(uiLanguage(lang), { useGrouping: grouped, maximumFractionDigits: 2 }).format(value);
}

/** The message of a text typed where a number is expected, with its example. */
export function numberTextIssue(text: string, lang: string, kind: NumberKind): { code: NumberTextIssue; params: { example: string } } {
  const result = parseNumberText(text, lang, kind);
  const issue = result.kind === 'invalid' ? result.issue : 'number_format';
  return { code: issue, params: { example: numberExample(lang, kind, issue === 'number_grouping') } };
}
