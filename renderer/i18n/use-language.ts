import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { isLanguage } from './index.js';

/** The current UI language, as one of the app's four. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
