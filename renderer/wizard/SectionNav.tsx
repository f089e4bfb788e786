import { useTranslation } from 'react-i18next';
import type { Section } from '../../core/questionnaire/index.js';
import type { OpenDraft } from '../draft/use-draft-session.js';
import { languageAttributes } from '../i18n/language-attributes.js';
import { useLanguage } from '../i18n/use-language.js';
import { textIn } from '../questionnaire/labels.js';
import { routeHref } from '../routing/hash-route.js';
import { sectionProgressText } from './OverallProgress.js';
import { sectionHasErrors } from './problems.js';
import type { ProgressCount } from './progress-summary.js';

/** Every relevant section with its progress and an error mark; any can be opened at any time. */
export function SectionNav({
  open,
  sections,
  current,
  counts,
}: {
  open: OpenDraft;
  sections: readonly Section[];
  current: string | undefined;
  counts: ReadonlyMap<string, ProgressCount>;
}) {
  const { t } = useTranslation();
  const { loaded, lang, evaluation, draftId } = open;
  const uiLang = useLanguage();
  return (
    <nav aria-label={t('wizard.sections')} className="section-nav">
      <ol>
        {sections.map((s) => {
          const progress = counts.get(s.id);
          const errors = sectionHasErrors(evaluation.problems, s.id);
          const isCurrent = current === s.id;
          return (
            <li key={s.id} className={isCurrent ? 'current' : undefined}>
              <a href={routeHref({ name: 'draft', draftId, section: s.id })} aria-current={isCurrent ? 'step' : undefined}>
                <span className="nav-title" {...languageAttributes(lang)}>
                  {textIn(loaded, s.title, lang)}
                </span>
                {progress && progress.total > 0 && (
                  <span className="nav-progress">
                    {sectionProgressText(t, progress, uiLang)}
                  </span>
                )}
                {errors && (
                  <span className="nav-error">
                    <span aria-hidden="true">⚠</span>
                    <span className="visually-hidden">{t('wizard.hasErrors')}</span>
                  </span>
                )}
              </a>
            </li>
          );
        })}
        <li className={current === 'review' ? 'current' : undefined}>
          <a href={routeHref({ name: 'review', draftId })} aria-current={current === 'review' ? 'step' : undefined}>
            <span className="nav-title">{t('wizard.review')}</span>
          </a>
        </li>
      </ol>
    </nav>
  );
}
