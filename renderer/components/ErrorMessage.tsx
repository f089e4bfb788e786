import { useTranslation } from 'react-i18next';

/** A failure the user must see: announced at once, with a retry when one makes sense. */
export function ErrorMessage({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-box">
      <p>
        {t('app.errorPrefix')} {message}
      </p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
