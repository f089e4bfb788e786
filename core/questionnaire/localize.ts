import type { LocalizedText } from './schema.js';

/** The text in `lang`, else in the fallback language, else any text there is. */
export function localize(text: LocalizedText | undefined, lang: string, fallback = 'en'): string {
  if (text === undefined) return '';
  return text[lang] ?? text[fallback] ?? Object.values(text)[0] ?? '';
}
