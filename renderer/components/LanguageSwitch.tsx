import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import { isLanguage, LANGUAGES, NATIVE_NAMES } from '../i18n/index.js';
import { useLanguage } from '../i18n/use-language.js';

/** The language menu: each language named in itself. What a change does is the screen's business. */
export function LanguageSwitch({ onChange, disabled }: { onChange: (lang: Language) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="language-switch">
      <label htmlFor="language-switch">{t('app.language')}</label>
      <select
        id="language-switch"
        value={lang}
        disabled={disabled}
        onChange={(e) => {
          if (isLanguage(e.target.value)) onChange(e.target.value);
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
