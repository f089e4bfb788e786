import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** "Your name (recorded with the decision)": required before any decision button works. */
export function ActorField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  const { t } = useTranslation('iom');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('actor')}</label>
      <input id={id} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="name" required aria-required="true" />
    </div>
  );
}
