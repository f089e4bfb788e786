import { useTranslation } from 'react-i18next';

/** The passphrase that unlocks the signing key, asked at finalize and again at export. */
export function PassphraseField({ id, value, onChange }: { id: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('signing');
  return (
    <div className="field">
      <label htmlFor={id}>{t('passphrase')}</label>
      <input
        id={id}
        type="password"
        autoComplete="current-password"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required
      />
    </div>
  );
}
