import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { isLanguage, LANGUAGES, NATIVE_NAMES } from '../i18n/index.js';

/**
 * The draft's questionnaire language, shown in its header and changed there: the language of
 * the questions, choices and messages, apart from the app's own language (the header menu).
 * Offers the languages this questionnaire version has texts in.
 */
export function QuestionnaireLanguage({ loaded, value, onChange }: { loaded: LoadedQuestionnaire; value: Language; onChange: (lang: Language) => void }) {
  const { t } = useTranslation('draftLanguage');
  const offered = LANGUAGES.filter((l) => l === value || loaded.questionnaire.languages.includes(l));
  return (
    <div className="questionnaire-language">
      <label htmlFor="questionnaire-language">{t('label')}</label>{' '}
      <select
        id="questionnaire-language"
        value={value}
        aria-describedby="questionnaire-language-help"
        onChange={(e) => {
          if (isLanguage(e.target.value)) onChange(e.target.value);
        }}
      >
        {offered.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE_NAMES[l]}
          </option>
        ))}
      </select>
      <span id="questionnaire-language-help" className="visually-hidden">
        {t('help')}
      </span>
    </div>
  );
}
