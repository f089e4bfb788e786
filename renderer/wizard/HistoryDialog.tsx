import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../core/answers/value.js';
import type { AnswerEvent } from '../../core/contract/channels/drafts.js';
import type { QuestionNode } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { useFieldSession } from './field-session.js';
import { formatDateTime } from '../i18n/format.js';
import { formatAnswer } from '../review/format-answer.js';

interface Props {
  readonly node: QuestionNode;
  readonly path: string;
  readonly label: string;
  readonly current: AnswerValue;
  readonly onRestore: (value: AnswerValue) => void;
  readonly onClose: () => void;
}

const same = (a: AnswerValue, b: AnswerValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * One answer's history: its current value first (what Restore would replace), then its earlier
 * values from the answer events, newest first; any earlier value can be restored.
 */
export function HistoryDialog({ node, path, label, current, onRestore, onClose }: Props) {
  const { draftId, loaded, lang, t } = useFieldSession();
  const { t: tf } = useTranslation('fields');
  const api = useApi();
  const dialog = useRef<HTMLDialogElement>(null);
  const [events, setEvents] = useState<readonly AnswerEvent[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    void api.answers.history({ draftId, path }).then((result) => {
      if (!live) return;
      if (result.ok) setEvents(result.value);
      else setError(errorText(result.error));
    });
    return () => {
      live = false;
    };
  }, [api, draftId, path]);
  const earlier = (events ?? []).filter((e) => !same(e.newValue, current));
  const headingId = `${path}-history-heading`;
  return (
    <dialog ref={dialog} className="history-dialog" aria-labelledby={headingId} onClose={onClose}>
      <h2 id={headingId}>{t('field.historyOf', { label })}</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <dl className="history-current" data-testid="history-current">
        <dt>{tf('currentValue')}</dt>
        <dd>{formatAnswer(loaded, node, current, lang) || t('field.empty')}</dd>
      </dl>
      {events === undefined && !error ? <p>{t('app.loading')}</p> : null}
      {events !== undefined && earlier.length === 0 && <p>{t('field.historyEmpty')}</p>}
      {earlier.length > 0 && <h3 id={`${headingId}-earlier`}>{tf('earlierValues')}</h3>}
      <ol className="history-list" aria-labelledby={earlier.length > 0 ? `${headingId}-earlier` : undefined}>
        {earlier.map((e) => (
          <li key={e.id}>
            <span className="history-time" id={`${headingId}-${e.id}`}>
              {formatDateTime(lang, e.at)}
            </span>{' '}
            <span className="history-value">{formatAnswer(loaded, node, e.newValue, lang) || t('field.empty')}</span>{' '}
            <button
              type="button"
              aria-describedby={`${headingId}-${e.id}`}
              onClick={() => {
                onRestore(e.newValue);
                dialog.current?.close();
              }}
            >
              {t('field.restore')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => dialog.current?.close()}>
        {t('field.close')}
      </button>
    </dialog>
  );
}
