import type { Language } from '../../core/contract/channels/drafts.js';

/**
 * Numbers, dates and times in the chosen language through `Intl`, so Arabic gets its own
 * digits and order, and French its own separators. Dates stored as `YYYY-MM-DD` are calendar
 * dates: they are shown in UTC so no time zone moves them a day.
 *
 * Each formatter is made once per language and kind, then reused: making one costs far more
 * than using it (the home table of a hundred drafts formats three hundred values).
 */
function cached<F>(make: (lang: Language) => F): (lang: Language) => F {
  const byLang = new Map<Language, F>();
  return (lang) => {
    let formatter = byLang.get(lang);
    if (formatter === undefined) {
      formatter = make(lang);
      byLang.set(lang, formatter);
    }
    return formatter;
  };
}

const numbers = cached((lang) => new Intl.NumberFormat(lang));
const years = cached((lang) => new Intl.NumberFormat(lang, { useGrouping: false }));
const percents = cached((lang) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }));
const times = cached((lang) => new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }));
const dateTimes = cached((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }));
const calendarDates = cached((lang) => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }));
const lists = cached((lang) => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }));
const months = cached((lang) => new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }));

export const formatNumber = (lang: Language, n: number): string => numbers(lang).format(n);

export const formatYear = (lang: Language, n: number): string => years(lang).format(n);

export const formatPercent = (lang: Language, share: number): string => percents(lang).format(share);

export const formatTime = (lang: Language, iso: string): string => times(lang).format(new Date(iso));

export const formatDateTime = (lang: Language, iso: string): string => dateTimes(lang).format(new Date(iso));

export function formatCalendarDate(lang: Language, ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return calendarDates(lang).format(date);
}

export const formatList = (lang: Language, items: readonly string[]): string => lists(lang).format(items);

/** A month's name (1 to 12) in `lang`. */
export const formatMonth = (lang: Language, month: number): string => months(lang).format(new Date(Date.UTC(2001, month - 1, 1)));

/**
 * Each size unit in the language's own words: "1,5 Mo" in French, "1.5 MB" in English. Bytes are
 * written in full ("512 bytes", "512 octets"): the short form in English is the singular "byte".
 */
const unitSizes = cached((lang) => [
  new Intl.NumberFormat(lang, { style: 'unit', unit: 'byte', unitDisplay: 'long', maximumFractionDigits: 0 }),
  ...(['kilobyte', 'megabyte', 'gigabyte'] as const).map((unit) => new Intl.NumberFormat(lang, { style: 'unit', unit, maximumFractionDigits: 1 })),
]);

/** A file's size, or a size limit in a sentence, with the language's own unit words and digits. */
export function formatSize(lang: Language, bytes: number): string {
  const [bytesFormat, ...larger] = unitSizes(lang);
  let value = bytes;
  let unit = -1;
  while (value >= 1024 && unit < larger.length - 1) {
    value /= 1024;
    unit++;
  }
  return (larger[unit] ?? bytesFormat)?.format(value) ?? `${String(bytes)} B`;
}
