import { useTranslation } from 'react-i18next';
import { ar } from './texts-ar.js';
import { en, type SigningTexts } from './texts-en.js';
import { es } from './texts-es.js';
import { fr } from './texts-fr.js';

/**
 * The signing screens' texts in the UI language (i18next's current language), kept beside
 * the screens so this part of the app can change without touching the shared bundles.
 */
const BY_LANGUAGE: Readonly<Record<string, SigningTexts>> = { en, fr, es, ar };
export const SIGNING_TEXTS = BY_LANGUAGE;

type Key = keyof SigningTexts;

/** `s('key', { name })`: the text with `{{name}}` filled in. */
export function useSigningText(): (key: Key, values?: Readonly<Record<string, string | number>>) => string {
  const { i18n } = useTranslation();
  const texts = BY_LANGUAGE[i18n.language.slice(0, 2)] ?? en;
  return (key, values = {}) => texts[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
