import { useTranslation } from 'react-i18next';
import type { Section } from '../../core/questionnaire/index.js';
import { routeHref } from '../routing/hash-route.js';

/** Previous and next section (the review after the last); never blocked by validation. */
export function SectionPager({ draftId, sections, index }: { draftId: string; sections: readonly Section[]; index: number }) {
  const { t } = useTranslation();
  const previous = index > 0 ? sections[index - 1] : undefined;
  const next = sections[index + 1];
  return (
    <nav className="pager" aria-label={`${t('wizard.previous')} / ${t('wizard.next')}`}>
      {previous ? (
        <a className="button-link" rel="prev" href={routeHref({ name: 'draft', draftId, section: previous.id })}>
          {t('wizard.previous')}
        </a>
      ) : (
        <span />
      )}
      {next ? (
        <a className="button-link primary" rel="next" href={routeHref({ name: 'draft', draftId, section: next.id })}>
          {t('wizard.next')}
        </a>
      ) : (
        <a className="button-link primary" href={routeHref({ name: 'review', draftId })}>
          {t('wizard.review')}
        </a>
      )}
    </nav>
  );
}
