import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation, Group } from '../../core/questionnaire/index.js';
import { useFieldSession } from './field-session.js';
import { formatNumber } from '../i18n/format.js';
import { ItemList } from './ItemList.js';
import { answerPath } from '../../core/answers/path.js';
import { rowTitle, titleQuestionId } from './row-title.js';
import { useKeyedValue } from './use-keyed-value.js';

interface Props {
  readonly group: Group;
  readonly rowId: string;
  readonly index: number;
  readonly count: number;
  readonly evaluation: Evaluation;
  readonly headingLevel: 3 | 4;
  readonly onMove: (to: number) => void;
  readonly onRemove: () => void;
}

/** One row of a repeat group: its questions and its move and remove actions. */
export function RepeatRow({ group, rowId, index, count, evaluation, headingLevel, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const { lang, uiLang, ui } = useFieldSession();
  const [confirming, setConfirming] = useState(false);
  // The row's heading counts in the questionnaire's language; its actions are the app's words.
  const n = formatNumber(lang, index + 1);
  const uiN = formatNumber(uiLang, index + 1);
  const Heading = `h${String(headingLevel)}` as 'h3';
  return (
    <section className="repeat-row" aria-labelledby={`row-${rowId}`}>
      <Heading id={`row-${rowId}`} tabIndex={-1} data-row-heading="">
        <RowHeadingText group={group} rowId={rowId} n={n} />
      </Heading>
      <ItemList items={group.items} evaluation={evaluation} row={{ group: group.id, rowId }} headingLevel={4} />
      {/* The app's words, in its language; laid out with the questionnaire's rows (no dir of their own). */}
      <div className="row-actions" lang={ui.lang}>
        <button type="button" id={`${rowId}-up`} className="small" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('repeat.moveUpEntry', { n: uiN })}>
          {t('repeat.moveUp')}
        </button>
        <button type="button" id={`${rowId}-down`} className="small" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('repeat.moveDownEntry', { n: uiN })}>
          {t('repeat.moveDown')}
        </button>
        {confirming ? (
          <span role="group" aria-label={t('repeat.confirmRemove', { n: uiN })} className="inline-form">
            <span>{t('repeat.confirmRemove', { n: uiN })}</span>
            <button type="button" className="small danger" onClick={onRemove} autoFocus>
              {t('repeat.confirmYes')}
            </button>
            <button type="button" className="small" onClick={() => setConfirming(false)}>
              {t('home.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="small" onClick={() => setConfirming(true)} aria-label={t('repeat.removeEntry', { n: uiN })}>
            {t('repeat.remove')}
          </button>
        )}
      </div>
    </section>
  );
}

/**
 * The row's name from its content as soon as its first text answer is typed ("Entry N" only
 * while empty). Its own component: a keystroke in that answer redraws the heading, not the row.
 */
function RowHeadingText({ group, rowId, n }: { group: Group; rowId: string; n: string }) {
  const { t } = useTranslation();
  const { answers } = useFieldSession();
  const titleId = titleQuestionId(group);
  const title = rowTitle(useKeyedValue(answers, titleId === undefined ? '' : answerPath(titleId, { group: group.id, rowId })));
  return <>{title ? t('wayfinding:rowTitle', { n, title }) : t('repeat.entry', { n })}</>;
}
