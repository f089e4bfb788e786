import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftStatus } from '../../core/contract/channels/drafts.js';
import { FinalizedBanner, FINALIZED_BANNER_ID } from './FinalizedBanner.js';
import './journey.css';

/**
 * The wizard's content area. For a finalized or exported draft: the banner first, then the
 * answers inside a disabled fieldset, so every control is shown and read by screen readers
 * ("unavailable") but none can be changed, and no edit is ever sent to be refused. Links
 * (previous, next, the review) stay usable: a disabled fieldset only disables form controls.
 * The review has no answer to change, only Print, so it is not wrapped.
 */
export function ReadOnlyAnswers({
  draftId,
  status,
  review,
  children,
}: {
  draftId: string;
  status: DraftStatus;
  review: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation('journey');
  if (status === 'draft') return <div className="wizard-content">{children}</div>;
  return (
    <div className="wizard-content">
      <FinalizedBanner draftId={draftId} status={status} />
      {review ? (
        children
      ) : (
        <fieldset
          className="read-only-answers"
          disabled
          aria-label={t('readOnlyFields')}
          aria-describedby={FINALIZED_BANNER_ID}
        >
          {children}
        </fieldset>
      )}
    </div>
  );
}
