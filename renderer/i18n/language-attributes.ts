import type { Language } from '../../core/contract/channels/drafts.js';
import { directionOf } from './index.js';

/**
 * `lang` and `dir` for an element whose text is in `lang`: a draft's questionnaire may be in
 * another language than the app around it (French questions in an Arabic app), and each part
 * must be read by screen readers in its own language and laid out in its own direction.
 */
export function languageAttributes(lang: Language): { lang: Language; dir: 'ltr' | 'rtl' } {
  return { lang, dir: directionOf(lang) };
}
