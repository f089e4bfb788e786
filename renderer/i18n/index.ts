import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { NAMESPACES } from './namespaces.js';

export const LANGUAGES: readonly Language[] = ['en', 'fr', 'es', 'ar'];

/** Each language's name in itself, for the language switch. */
export const NATIVE_NAMES: Readonly<Record<Language, string>> = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

export const isLanguage = (value: unknown): value is Language => typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

export const directionOf = (lang: Language): 'rtl' | 'ltr' => (lang === 'ar' ? 'rtl' : 'ltr');

const STORAGE_KEY = 'iscm.language';

/** The language the home screen starts in: the last one chosen on this computer, else the browser's. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

/** `<html lang dir>` follow the language, so screen readers and the layout (RTL) do too. */
function applyToDocument(lang: Language): void {
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
}

export async function setUiLanguage(lang: Language): Promise<void> {
  window.localStorage.setItem(STORAGE_KEY, lang);
  applyToDocument(lang);
  await i18next.changeLanguage(lang);
}

export async function initI18n(lang: Language): Promise<void> {
  applyToDocument(lang);
  await i18next.use(initReactI18next).init({
    resources: Object.fromEntries(
      LANGUAGES.map((l) => [l, Object.fromEntries(Object.entries(NAMESPACES).map(([ns, texts]) => [ns, texts[l]]))]),
    ),
    ns: Object.keys(NAMESPACES),
    defaultNS: 'translation',
    lng: lang,
    fallbackLng: 'en',
    // React escapes; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}
