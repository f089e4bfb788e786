import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toResponse, type Section } from '../../core/questionnaire/index.js';
import { errorText } from '../api/errors.js';
import { useApi } from '../api/api-context.js';
import { languageAttributes } from '../i18n/language-attributes.js';
import { useLanguage } from '../i18n/use-language.js';
import type { OpenDraft } from '../draft/use-draft-session.js';
import { textIn } from '../questionnaire/labels.js';
import { routeHref } from '../routing/hash-route.js';
import { ProblemList } from './ProblemList.js';
import { ReviewSection } from './ReviewSection.js';
import { FinalizeEntry } from '../signing/FinalizeEntry.js';

/**
 * Every relevant section with its answers exactly as they will be signed (core's
 * `toResponse`), what is still missing or wrong as links to the field, and Print.
 */
export function ReviewView({ open, sections, title }: { open: OpenDraft; sections: readonly Section[]; title: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { loaded, lang, answers, evaluation, draftId, session } = open;
  const uiLang = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const [printError, setPrintError] = useState<string | undefined>();
  // The response as it will be signed, from the very evaluation the problem list shows.
  const response = useMemo(() => toResponse(loaded, answers, { evaluated: evaluation }), [loaded, answers, evaluation]);
  useEffect(() => heading.current?.focus(), []);
  async function print() {
    await session.flush();
    const result = await api.app.printToPdf({ suggestedName: `${title}.pdf`.slice(0, 200) });
    setPrintError(result.ok ? undefined : t('review.printFailed', { message: errorText(result.error) }));
  }
  return (
    <div className="review">
      <h1 id="review-heading" ref={heading} tabIndex={-1}>
        {t('review.heading')}
      </h1>
      <p className="print-only">{title}</p>
      <p>{t('review.intro')}</p>
      <div className="no-print">
        <button type="button" onClick={() => void print()}>
          {t('review.print')}
        </button>
        <FinalizeEntry draftId={draftId} problemCount={evaluation.problems.length} />
        {printError && (
          <p role="alert" className="error">
            {printError}
          </p>
        )}
      </div>
      <ProblemList open={open} sections={sections} problems={evaluation.problems} />
      {sections.map((s) => (
        // Each section's questions and answers are in the draft's questionnaire language, on screen and in print.
        <section key={s.id} className="review-section" aria-labelledby={`review-${s.id}`} {...languageAttributes(lang)}>
          <h2 id={`review-${s.id}`}>{textIn(loaded, s.title, lang)}</h2>
          <ReviewSection loaded={loaded} section={s} response={response} lang={lang} />
          <p className="no-print" {...languageAttributes(uiLang)}>
            <a href={routeHref({ name: 'draft', draftId, section: s.id })}>
              {t('review.edit')}
              <span className="visually-hidden">
                : <span lang={lang}>{textIn(loaded, s.title, lang)}</span>
              </span>
            </a>
          </p>
        </section>
      ))}
    </div>
  );
}
