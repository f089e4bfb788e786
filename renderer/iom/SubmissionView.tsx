import { directionOf } from '../i18n/index.js';
import { LanguageSelect } from './LanguageSelect.js';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { NestedAnswers } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { unwrap } from '../api/errors.js';
import { formatDateTime, formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { loadQuestionnaireFrom } from '../questionnaire/load.js';
import { textIn } from '../questionnaire/labels.js';
import { ReviewSection } from '../review/ReviewSection.js';
import { iomHref } from './iom-route.js';
import { useLoader } from '../api/use-loader.js';
import { FlagBadges } from './FlagBadges.js';
import { AttachmentList } from './AttachmentList.js';
import { respondentWords } from './words.js';
import { RevisionCompare } from './analyst/RevisionCompare.js';
import { ReviewPanel } from './ReviewPanel.js';


/** One imported revision, read-only: the signed answers rendered with their questionnaire in a chosen language. */
export function SubmissionView({ submissionId, compare = false }: { submissionId: string; compare?: boolean }) {
  const { t } = useTranslation('iom');
  const { t: ta } = useTranslation('analyst');
  const api = useApi();
  const uiLang = useLanguage();
  // The language the questionnaire is shown in (data), not the screen's.
  const [lang, setLang] = useState<Language>('en');
  const load = useCallback(async () => {
    const submission = await unwrap(api.iom.getSubmission({ submissionId }));
    const loaded = await loadQuestionnaireFrom(api, submission.summary.questionnaireId, submission.summary.questionnaireVersion);
    // The revision before, for the comparison (N with N−1).
    const previousSummary = submission.history.find((h) => h.revision === submission.summary.revision - 1);
    const previous = compare && previousSummary ? await unwrap(api.iom.getSubmission({ submissionId: previousSummary.submissionId })) : undefined;
    return { submission, loaded, previousSummary, previous };
  }, [api, submissionId, compare]);
  const { data, error } = useLoader(load);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>{t('loading')}</p>;
  const { submission, loaded, previousSummary, previous } = data;
  const s = submission.summary;
  const response = submission.responses as NestedAnswers;
  // Sections the respondent did not see (skip logic) have no answers: they are left out.
  const answeredIn = (sectionId: string): boolean =>
    Object.keys(response).some((id) => loaded.nodes.get(id)?.sectionId === sectionId);
  // The article is in the questionnaire's language; the screen's own words around it are in the UI's.
  const ui = { lang: uiLang, dir: directionOf(uiLang) };
  return (
    <article aria-labelledby="iom-submission-title" dir={directionOf(lang)} lang={lang}>
      <p {...ui}>
        <a href={iomHref({ tab: 'submissions' })}>{t('submission.back')}</a>
      </p>
      <h2 id="iom-submission-title" {...ui}>
        {t('submission.heading', { mechanism: s.mechanismLabel, revision: formatNumber(uiLang, s.revision), status: t(`submissionStatus.${s.status}`) })}
      </h2>
      <p className="read-only-note" {...ui}>{t('submission.readOnly')}</p>
      <dl className="revision-facts" {...ui}>
        <dt>{t('submission.respondent')}</dt>
        <dd>{respondentWords(t, s.respondentKind, s.respondentParty)}</dd>
        <dt>{t('submission.signedBy')}</dt>
        <dd>
          {s.signerName} <span className="mono">{s.signerFingerprint}</span> <FlagBadges flags={s.newSigner ? ['new_signer'] : undefined} />
        </dd>
        <dt>{t('submission.finalized')}</dt>
        <dd>{formatDateTime(uiLang, s.finalizedAt)}</dd>
        <dt>{t('submission.questionnaire')}</dt>
        <dd>
          {s.questionnaireId} {s.questionnaireVersion}
        </dd>
        <dt>{t('submission.revisions')}</dt>
        <dd>
          {submission.history.map((h) => (
            <span key={h.submissionId}>
              {h.submissionId === s.submissionId ? (
                <strong>{t('submission.revision', { revision: formatNumber(uiLang, h.revision) })}</strong>
              ) : (
                <a href={iomHref({ tab: 'submissions', submissionId: h.submissionId })}>
                  {t('submission.revision', { revision: formatNumber(uiLang, h.revision) })}
                </a>
              )}{' '}
              ({t(`submissionStatus.${h.status}`)}){' '}
            </span>
          ))}
        </dd>
      </dl>
      <AttachmentList submissionId={s.submissionId} />
      {previousSummary && (
        <p {...ui}>
          {compare ? (
            <a href={iomHref({ tab: 'submissions', submissionId })}>{ta('compare.back', { revision: formatNumber(uiLang, s.revision) })}</a>
          ) : (
            <a href={iomHref({ tab: 'submissions', submissionId, compare: true })}>
              {ta('compare.link', { revision: formatNumber(uiLang, previousSummary.revision) })}
            </a>
          )}
        </p>
      )}
      {/* The review is in the screen's language, beside the answers in the questionnaire's. */}
      <div {...ui}>
        <ReviewPanel submissionId={s.submissionId} />
      </div>
      <LanguageSelect label={t('submission.language')} value={lang} onChange={setLang} {...ui} />
      {previous && previousSummary && (
        <RevisionCompare
          loaded={loaded}
          before={previous.responses}
          after={response}
          fromRevision={previousSummary.revision}
          toRevision={s.revision}
          lang={lang}
        />
      )}
      {!previous && loaded.questionnaire.sections.filter((section) => answeredIn(section.id)).map((section) => (
        <section key={section.id} aria-label={textIn(loaded, section.title, lang)}>
          <h3>{textIn(loaded, section.title, lang)}</h3>
          <ReviewSection loaded={loaded} section={section} response={response} lang={lang} />
        </section>
      ))}
    </article>
  );
}
