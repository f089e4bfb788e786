import type { Language } from '../../core/contract/channels/drafts.js';
import { LANGUAGES, NATIVE_NAMES } from '../i18n/index.js';

interface LanguageSelectProps {
  label: string;
  value: Language;
  onChange: (lang: Language) => void;
  /** The label's own language and direction, where it sits inside content in another language. */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** A choice of the four languages, each named in itself (the app's own list and names). */
export function LanguageSelect({ label, value, onChange, lang, dir }: LanguageSelectProps) {
  return (
    <label lang={lang} dir={dir}>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
