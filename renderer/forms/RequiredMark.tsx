import { useTranslation } from 'react-i18next';

/** The mark of a required field in a form outside the questionnaire: a star, and the word for screen readers. */
export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="required-mark">
      {' '}
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">({t('wizard.required')})</span>
    </span>
  );
}
