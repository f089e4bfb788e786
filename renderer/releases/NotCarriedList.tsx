import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../core/answers/value.js';
import type { DraftVersionStatusView } from '../../core/contract/channels/releases.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { answerText, questionLabel, rowNumber } from './answer-label.js';
import { useQuestionnaireVersion } from './use-questionnaire-version.js';

type Entry = DraftVersionStatusView['notCarried'][number];

function Row({
  entry,
  questionnaireId,
  answers,
}: {
  entry: Entry;
  questionnaireId: string;
  answers: Readonly<Record<string, AnswerValue>>;
}) {
  const { t } = useTranslation('releases');
  const lang = useLanguage();
  // The question as it was asked: in the version the answer was given in.
  const source = useQuestionnaireVersion(questionnaireId, entry.fromVersion);
  const label =
    questionLabel(source, entry.path, lang) ?? t('notCarried.unknownQuestion', { version: entry.fromVersion });
  const row = rowNumber(entry.path, answers);
  return (
    <tr>
      <td>
        {label}
        {row !== undefined && ` (${t('notCarried.row', { row: formatNumber(lang, row) })})`}{' '}
        <span className="question-id">({entry.path})</span>
      </td>
      <td className="value">{answerText(source, entry.path, entry.value, lang)}</td>
      <td>{t(`notCarried.reasons.${entry.reason}`)}</td>
      <td>{entry.fromVersion}</td>
    </tr>
  );
}

/** The answers a move set aside: visible on the draft, with their values and why they are not in the form. */
export function NotCarriedList({
  status,
  answers,
}: {
  status: DraftVersionStatusView;
  answers: Readonly<Record<string, AnswerValue>>;
}) {
  const { t } = useTranslation('releases');
  const lang = useLanguage();
  const entries = status.notCarried.filter((e) => e.value !== null);
  if (entries.length === 0) return null;
  return (
    <section className="not-carried" aria-labelledby="not-carried-heading">
      <h2 id="not-carried-heading">{t('notCarried.heading', { count: formatNumber(lang, entries.length) })}</h2>
      <p>{t('notCarried.intro', { version: status.version })}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('notCarried.question')}</th>
              <th scope="col">{t('notCarried.answer')}</th>
              <th scope="col">{t('notCarried.reason')}</th>
              <th scope="col">{t('notCarried.fromVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <Row key={e.id} entry={e} questionnaireId={status.questionnaireId} answers={answers} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
