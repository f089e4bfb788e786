import { directionOf } from '../i18n/index.js';
import { LanguageSelect } from './LanguageSelect.js';
import { useCallback, useState } from 'react';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { NestedAnswers } from '../../core/questionnaire/index.js';
import { unwrap } from '../api/errors.js';
import { fetchQuestionnaire } from '../questionnaire/load.js';
import { textIn } from '../questionnaire/labels.js';
import { ReviewSection } from '../review/ReviewSection.js';
import { iomHref } from './iom-route.js';
import { useLoader } from '../api/use-loader.js';


/** One imported revision, read-only: the signed answers rendered with their questionnaire in a chosen language. */
export function SubmissionView({ submissionId }: { submissionId: string }) {
  const [lang, setLang] = useState<Language>('en');
  const load = useCallback(async () => {
    const submission = await unwrap(window.iscm.iom.getSubmission({ submissionId }));
    const loaded = await fetchQuestionnaire(submission.summary.questionnaireId, submission.summary.questionnaireVersion);
    return { submission, loaded };
  }, [submissionId]);
  const { data, error } = useLoader(load);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p>Loading…</p>;
  const { submission, loaded } = data;
  const s = submission.summary;
  const response = submission.responses as NestedAnswers;
  // Sections the respondent did not see (skip logic) have no answers: they are left out.
  const answeredIn = (sectionId: string): boolean =>
    Object.keys(response).some((id) => loaded.nodes.get(id)?.sectionId === sectionId);
  return (
    <article aria-labelledby="iom-submission-title" dir={directionOf(lang)} lang={lang}>
      <p>
        <a href={iomHref({ tab: 'submissions' })}>Back to the submissions</a>
      </p>
      <h2 id="iom-submission-title">
        {s.mechanismLabel}: revision {s.revision} ({s.status})
      </h2>
      <p className="read-only-note">Read-only: this is the signed submission exactly as it was imported.</p>
      <dl className="revision-facts">
        <dt>Respondent</dt>
        <dd>{s.respondentKind}</dd>
        <dt>Signed by</dt>
        <dd>
          {s.signerName} <span className="mono">{s.signerFingerprint}</span>
        </dd>
        <dt>Finalized</dt>
        <dd>{s.finalizedAt}</dd>
        <dt>Questionnaire</dt>
        <dd>
          {s.questionnaireId} {s.questionnaireVersion}
        </dd>
        <dt>Revisions of this submission</dt>
        <dd>
          {submission.history.map((h) => (
            <span key={h.submissionId}>
              {h.submissionId === s.submissionId ? (
                <strong>revision {h.revision}</strong>
              ) : (
                <a href={iomHref({ tab: 'submissions', submissionId: h.submissionId })}>revision {h.revision}</a>
              )}{' '}
              ({h.status}){' '}
            </span>
          ))}
        </dd>
      </dl>
      <LanguageSelect label="Language of the questionnaire" value={lang} onChange={setLang} />
      {loaded.questionnaire.sections.filter((section) => answeredIn(section.id)).map((section) => (
        <section key={section.id} aria-label={textIn(loaded, section.title, lang)}>
          <h3>{textIn(loaded, section.title, lang)}</h3>
          <ReviewSection loaded={loaded} section={section} response={response} lang={lang} />
        </section>
      ))}
    </article>
  );
}
