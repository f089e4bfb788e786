import type { Language } from '../../core/contract/channels/drafts.js';

/**
 * Numbers, dates and times in the chosen language through `Intl`, so Arabic gets its own
 * digits and order, and French its own separators. Dates stored as `YYYY-MM-DD` are calendar
 * dates: they are shown in UTC so no time zone moves them a day.
 */
export const formatNumber = (lang: Language, n: number): string => new Intl.NumberFormat(lang).format(n);

export const formatYear = (lang: Language, n: number): string => new Intl.NumberFormat(lang, { useGrouping: false }).format(n);

export const formatPercent = (lang: Language, share: number): string =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const formatTime = (lang: Language, iso: string): string =>
  new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

export const formatDateTime = (lang: Language, iso: string): string =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function formatCalendarDate(lang: Language, ymd: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export const formatList = (lang: Language, items: readonly string[]): string =>
  new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;
export function formatSize(lang: Language, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(lang, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${UNITS[unit] ?? 'B'}`;
}
