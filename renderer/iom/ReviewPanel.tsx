import { useCallback, useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewActionView, ReviewState, ReviewView } from '../../core/contract/channels/iom.js';
import { useApi } from '../api/api-context.js';
import { errorText, unwrap } from '../api/errors.js';
import { useLoader } from '../api/use-loader.js';
import { formatDateTime } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { ActorField } from './ActorField.js';
import { useActor } from './use-actor.js';
import './review-panel.css';

/**
 * The states a reviewer can set. `received` is only what the import gives: the service refuses to
 * set it again (to reopen a submission, IOM says it has issues), so it is not offered.
 */
const SETTABLE: readonly ReviewState[] = ['has_issues', 'approved', 'rejected'];

/** One revision's review, like ODK Central: its state, a form to change it with a comment, and the action log. */
export function ReviewPanel({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation('analyst');
  const api = useApi();
  const load = useCallback(() => unwrap(api.iom.reviewOf({ submissionId })), [api, submissionId]);
  const { data, error, reload } = useLoader(load);
  return (
    <section className="review-panel" aria-labelledby="iom-review-heading">
      <h3 id="iom-review-heading">{t('review.heading')}</h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p>{t('loading')}</p>}
      {/* Keyed by the submission so moving to another revision starts a fresh form. */}
      {data && <LoadedReview key={submissionId} review={data} onSaved={reload} />}
    </section>
  );
}

function LoadedReview({ review, onSaved }: { review: ReviewView; onSaved: () => void }) {
  const { t } = useTranslation('analyst');
  const api = useApi();
  const lang = useLanguage();
  const [actor, setActor] = useActor();
  const [state, setState] = useState<ReviewState | undefined>(review.state === 'received' ? undefined : review.state);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  // What was saved, not its sentence: the sentence follows the screen's language if it changes.
  const [saved, setSaved] = useState<{ commentOnly: boolean; state: ReviewState } | undefined>();
  const [problem, setProblem] = useState('');
  const helpId = useId();
  const commentId = useId();
  const words = (s: ReviewState): string => t(`reviewStates.${s}`);

  const save = async (chosen: ReviewState, text: string): Promise<void> => {
    setBusy(true);
    try {
      const result = await api.iom.setReview({ submissionId: review.submissionId, state: chosen, actor: actor.trim(), ...(text ? { comment: text } : {}) });
      if (!result.ok) {
        setProblem(t('review.failed', { error: errorText(result.error) }));
        return;
      }
      setComment('');
      setSaved({ commentOnly: chosen === review.state, state: result.value.state });
      onSaved();
    } catch (e: unknown) {
      setProblem(t('review.failed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(undefined);
    setProblem('');
    const text = comment.trim();
    if (actor.trim() === '') setProblem(t('review.needActor'));
    else if (!state) setProblem(t('review.chooseState'));
    else if (state === review.state && text === '') setProblem(t('review.nothing'));
    else void save(state, text);
  };

  return (
    <>
      <p>
        <strong>{t('review.current', { state: words(review.state) })}</strong>{' '}
        <span>
          {review.reviewedBy && review.reviewedAt
            ? t('review.setBy', { actor: review.reviewedBy, at: formatDateTime(lang, review.reviewedAt) })
            : t('review.notYet')}
        </span>
      </p>
      <form className="iom-form" onSubmit={submit} noValidate>
        <ActorField value={actor} onChange={setActor} />
        <fieldset>
          <legend>{t('review.newState')}</legend>
          {SETTABLE.map((s) => (
            <label key={s} className="review-choice">
              <input type="radio" name={`review-state-${review.submissionId}`} value={s} checked={state === s} onChange={() => setState(s)} />{' '}
              {words(s)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={commentId}>{t('review.comment')}</label>
          <textarea id={commentId} dir="auto" rows={3} maxLength={10_000} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={helpId} />
          <p id={helpId} className="help">
            {t('review.commentHelp')}
          </p>
        </div>
        <div>
          <button type="submit" disabled={busy}>
            {busy ? t('review.saving') : t('review.save')}
          </button>
        </div>
        {/* Always in the page, so screen readers announce what changes in them. */}
        <p role="status" className="review-message">
          {saved && (saved.commentOnly ? t('review.commented') : t('review.saved', { state: words(saved.state) }))}
        </p>
        <p role="alert" className="error">
          {problem}
        </p>
      </form>
      <ActionLog log={review.log} />
    </>
  );
}

function ActionLog({ log }: { log: readonly ReviewActionView[] }) {
  const { t } = useTranslation('analyst');
  const lang = useLanguage();
  const words = (s: ReviewState): string => t(`reviewStates.${s}`);
  const what = (a: ReviewActionView): string =>
    a.action === 'imported'
      ? t('review.imported', { state: words(a.to) })
      : a.action === 'state' && a.from !== null
        ? t('review.changed', { from: words(a.from), to: words(a.to) })
        : t('review.commentOnly', { state: words(a.to) });
  return (
    <>
      <h4 id="iom-review-log">{t('review.logHeading')}</h4>
      <table className="review-log" aria-labelledby="iom-review-log">
        <caption className="visually-hidden">{t('review.logCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.colWhen')}</th>
            <th scope="col">{t('review.colWho')}</th>
            <th scope="col">{t('review.colWhat')}</th>
            <th scope="col">{t('review.colComment')}</th>
          </tr>
        </thead>
        <tbody>
          {log.map((a, i) => (
            <tr key={`${a.at}-${String(i)}`} data-action={a.action}>
              <td>
                <time dateTime={a.at}>{formatDateTime(lang, a.at)}</time>
              </td>
              <td dir="auto">{a.actor}</td>
              <td>{what(a)}</td>
              <td className="review-comment" dir="auto">{a.comment ?? t('review.noComment')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
