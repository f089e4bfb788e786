import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { Language } from '../../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire, NestedAnswers } from '../../../core/questionnaire/index.js';
import { formatNumber } from '../../i18n/format.js';
import { directionOf } from '../../i18n/index.js';
import { useLanguage } from '../../i18n/use-language.js';
import { textIn } from '../../questionnaire/labels.js';
import { formatAnswer } from '../../review/format-answer.js';
import { countChanges, diffRevisions, type AnswerChange } from './revision-diff.js';
import './analyst.css';

interface Props {
  readonly loaded: LoadedQuestionnaire;
  readonly before: NestedAnswers;
  readonly after: NestedAnswers;
  readonly fromRevision: number;
  readonly toRevision: number;
  /** The language of the questionnaire's texts and answers (the screen's own words follow the UI). */
  readonly lang: Language;
}

/** Revision N beside N−1: each changed, added or removed answer in a row, the change said in words as well as by colour. */
export function RevisionCompare({ loaded, before, after, fromRevision, toRevision, lang }: Props) {
  const { t } = useTranslation('analyst');
  const uiLang = useLanguage();
  // The screen's own words are in the UI's language and direction; questions and answers in the questionnaire's.
  const ui = { lang: uiLang, dir: directionOf(uiLang) };
  const changes = diffRevisions(loaded, before, after);
  const counts = countChanges(changes);
  const n = (v: number) => formatNumber(uiLang, v);
  const from = n(fromRevision);
  const to = n(toRevision);
  const answer = (change: AnswerChange, value: unknown, other: string | undefined): string => {
    const node = loaded.questions.get(change.questionId);
    if (value === undefined) return t('compare.empty');
    if (!node) return typeof value === 'string' ? value : JSON.stringify(value);
    return formatAnswer(loaded, node, value as AnswerValue, lang, other) || t('compare.empty');
  };
  const question = (change: AnswerChange): string => {
    const label = textIn(loaded, loaded.questions.get(change.questionId)?.question.label, lang) || change.questionId;
    if (!change.row) return label;
    const group = loaded.nodes.get(change.row.groupId);
    const groupLabel = group?.kind === 'group' ? textIn(loaded, group.group.label, lang) : change.row.groupId;
    return `${t('compare.rowOf', { group: groupLabel, n: n(change.row.position) })}: ${label}`;
  };
  return (
    <section aria-labelledby="revision-compare-title" className="analyst">
      <h3 id="revision-compare-title" {...ui}>
        {t('compare.heading', { from, to })}
      </h3>
      <p role="status" {...ui}>
        {changes.length === 0
          ? t('compare.none')
          : t('compare.summary', { changed: n(counts.changed), added: n(counts.added), removed: n(counts.removed) })}
      </p>
      {changes.length > 0 && (
        <table className="revision-diff">
          <caption {...ui}>{t('compare.caption', { from, to })}</caption>
          <thead lang={uiLang}>
            <tr>
              <th scope="col">{t('compare.colQuestion')}</th>
              <th scope="col">{t('compare.colChange')}</th>
              <th scope="col">{t('compare.colBefore', { revision: from })}</th>
              <th scope="col">{t('compare.colAfter', { revision: to })}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={`${c.row?.rowId ?? ''}/${c.questionId}`} className={`diff-${c.kind}`} data-change={c.kind}>
                <th scope="row">{question(c)}</th>
                <td className="diff-kind" {...ui}>
                  {t(`compare.${c.kind}`)}
                </td>
                <td className="diff-before">{c.kind === 'added' ? t('compare.empty') : answer(c, c.before, c.otherBefore)}</td>
                <td className="diff-after">{c.kind === 'removed' ? t('compare.empty') : answer(c, c.after, c.otherAfter)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
