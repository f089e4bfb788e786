import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OTHER_CHOICE } from '../../../../core/questionnaire/index.js';
import { useApi } from '../../../api/api-context.js';
import { errorText } from '../../../api/errors.js';
import { directionOf } from '../../../i18n/index.js';
import { formatNumber } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/use-language.js';
import { choiceLabel, textIn } from '../../../questionnaire/labels.js';
import { useAnalystData } from '../analyst-data.js';
import type { AnalystData } from '../analyst-model.js';
import { groupsOf, reportAll, type ReportSubmission } from '../report-aggregate.js';
import { analystWords } from '../submission-columns.js';
import { QuestionReportView } from './QuestionReportView.js';
import '../analyst.css';
import './report.css';

/** How the report is disaggregated: not at all, by the mechanism's kind, the respondent's kind, or a single-choice question (`q:<id>`). */
type GroupBy = '' | 'mechanismKind' | 'respondentKind' | `q:${string}`;
const REVIEW_STATES = ['received', 'has_issues', 'approved', 'rejected'] as const;
const SINGLE = new Set(['single_choice', 'yes_no_dont_know', 'agreement_scale', 'impact_scale']);

/** The Reports tab: every question of the current submissions charted by its type, with its table; disaggregated, filtered, printed. */
export default function ReportsPanel() {
  const { t } = useTranslation('analyst');
  const { data, error } = useAnalystData();
  return (
    <div className="analyst report">
      <h2>{t('reports.heading')}</h2>
      {error && <p className="error">{error}</p>}
      {!data && !error && <p>{t('loading')}</p>}
      {data && <LoadedReports data={data} />}
    </div>
  );
}

function LoadedReports({ data }: { data: AnalystData }) {
  const { t } = useTranslation('analyst');
  const api = useApi();
  const lang = useLanguage();
  const rtl = directionOf(lang) === 'rtl';
  const [groupBy, setGroupBy] = useState<GroupBy>('');
  const [mechanism, setMechanism] = useState('');
  const [reviewState, setReviewState] = useState('');
  const [printError, setPrintError] = useState<string | undefined>();
  const words = useMemo(() => analystWords(t, data, lang), [t, data, lang]);
  const loaded = data.newest;
  // The report counts what counts: the current revision of each counted submission.
  const current = useMemo(() => data.rows.filter((r) => r.summary.status === 'current'), [data.rows]);
  const mechanisms = useMemo(() => {
    const collator = new Intl.Collator(lang, { numeric: true });
    return [...new Map(current.map((r) => [r.summary.mechanism, words.mechanismChoice(r.summary.mechanism)]))].sort((a, b) => collator.compare(a[1], b[1]));
  }, [current, words, lang]);
  const groupQuestions = useMemo(
    () => (loaded ? [...loaded.questions.values()].filter((q) => q.repeatGroupId === undefined && SINGLE.has(q.question.type)) : []),
    [loaded],
  );
  const { submissions, groups, groupLabel } = useMemo(() => {
    const chosen = current.filter((r) => (!mechanism || r.summary.mechanism === mechanism) && (!reviewState || r.summary.reviewState === reviewState));
    const questionId = groupBy.startsWith('q:') ? groupBy.slice(2) : undefined;
    const node = questionId ? loaded?.questions.get(questionId) : undefined;
    const keyOf = (r: (typeof chosen)[number]): string => {
      if (groupBy === 'mechanismKind') return r.summary.mechanismKind;
      if (groupBy === 'respondentKind') return r.summary.respondentKind;
      if (questionId) {
        const v = r.responses[questionId];
        return typeof v === 'string' ? v : '';
      }
      return '';
    };
    const list: ReportSubmission[] = chosen.map((r) => ({ responses: r.responses, group: keyOf(r), name: `${words.mechanism(r.summary)}, ${words.respondent(r.summary)}` }));
    const known =
      groupBy === 'mechanismKind'
        ? (loaded?.choiceLists.get('mechanism_kinds') ?? []).map((c) => c.value)
        : groupBy === 'respondentKind'
          ? ['secretariat', 'state', 'organisation']
          : (node?.choices ?? []).map((c) => c.value);
    const label = (g: string): string => {
      if (groupBy === '') return t('reports.total');
      if (g === '') return t('notStated');
      if (groupBy === 'mechanismKind') return words.mechanismKind(g);
      if (groupBy === 'respondentKind') return words.respondentKind(g);
      return loaded ? choiceLabel(loaded, node?.choices, g, lang) : g;
    };
    return { submissions: list, groups: groupBy === '' ? [''] : groupsOf(list.map((s) => s.group), known), groupLabel: label };
  }, [current, mechanism, reviewState, groupBy, loaded, words, lang, t]);
  const reports = useMemo(() => (loaded ? reportAll(loaded, submissions, groups) : []), [loaded, submissions, groups]);
  if (!loaded) return <p>{t('reports.noAnswers')}</p>;
  const print = async () => {
    const result = await api.app.printToPdf({ suggestedName: t('reports.heading') });
    setPrintError(result.ok ? undefined : errorText(result.error));
  };
  const sections = loaded.questionnaire.sections;
  return (
    <>
      <p className="no-print">{t('reports.intro')}</p>
      <fieldset className="analyst-filters no-print">
        <legend>{t('reports.settings')}</legend>
        <label className="field">
          <span>{t('reports.disaggregate')}</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            <option value="">{t('reports.together')}</option>
            <option value="mechanismKind">{t('reports.byMechanismKind')}</option>
            <option value="respondentKind">{t('reports.byRespondentKind')}</option>
            {groupQuestions
              .filter((q) => q.id !== 'respondent_kind' && q.id !== 'mechanism' && q.id !== OTHER_CHOICE.value)
              .map((q) => (
                <option key={q.id} value={`q:${q.id}`}>
                  {textIn(loaded, q.question.label, lang)}
                </option>
              ))}
          </select>
        </label>
        <label className="field">
          <span>{t('reports.mechanism')}</span>
          <select value={mechanism} onChange={(e) => setMechanism(e.target.value)}>
            <option value="">{t('reports.allMechanisms')}</option>
            {mechanisms.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('review.filter')}</span>
          <select value={reviewState} onChange={(e) => setReviewState(e.target.value)}>
            <option value="">{t('review.allStates')}</option>
            {REVIEW_STATES.map((state) => (
              <option key={state} value={state}>
                {words.reviewState(state)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <button type="button" onClick={() => void print()}>
            {t('reports.print')}
          </button>
        </div>
      </fieldset>
      {printError && (
        <p role="alert" className="error">
          {printError}
        </p>
      )}
      <p className="report-scope">
        {t('reports.submissions', { count: formatNumber(lang, submissions.length) })}
        {mechanism ? ` ${t('reports.mechanism')}: ${words.mechanismChoice(mechanism)}.` : ''}
        {reviewState ? ` ${t('review.filter')}: ${words.reviewState(reviewState)}.` : ''}
        {groupBy ? ` ${t('reports.disaggregate')}: ${groups.map(groupLabel).join(', ')}.` : ''}
      </p>
      {sections.map((section) => {
        const inSection = reports.filter((r) => loaded.questions.get(r.questionId)?.sectionId === section.id);
        if (inSection.length === 0) return null;
        return (
          <section key={section.id} className="report-section" aria-labelledby={`report-section-${section.id}`}>
            <h3 id={`report-section-${section.id}`}>{textIn(loaded, section.title, lang)}</h3>
            {inSection.map((report) => (
              <QuestionReportView
                key={report.questionId}
                report={report}
                loaded={loaded}
                lang={lang}
                rtl={rtl}
                groupLabel={groupLabel}
                index={reports.indexOf(report)}
              />
            ))}
          </section>
        );
      })}
    </>
  );
}
