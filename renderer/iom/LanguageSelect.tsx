import type { Language } from '../../core/contract/channels/drafts.js';
import { LANGUAGES, NATIVE_NAMES } from '../i18n/index.js';

/** A choice of the four languages, each named in itself (the app's own list and names). */
export function LanguageSelect({ label, value, onChange }: { label: string; value: Language; onChange: (lang: Language) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
