import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../core/answers/value.js';
import type { DraftVersionStatusView } from '../../core/contract/channels/releases.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { formatNumber } from '../i18n/format.js';
import { useLanguage } from '../i18n/use-language.js';
import { answerText, questionLabel } from './answer-label.js';
import { NotCarriedList } from './NotCarriedList.js';
import { useQuestionnaireVersion } from './use-questionnaire-version.js';
import './releases.css';

interface Props {
  readonly draftId: string;
  /** The version the draft is on. */
  readonly loaded: LoadedQuestionnaire;
  readonly answers: Readonly<Record<string, AnswerValue>>;
  /** Writes what is still typed but not saved, before the draft moves. */
  readonly beforeMove: () => Promise<unknown>;
  /** The draft changed version: load it again. */
  readonly onMoved: () => void;
}

type Done = { kind: 'moved'; version: string; carried: number; setAside: number } | { kind: 'undone'; version: string };

/**
 * On a draft: "a newer version is installed" with what moving changes for this draft (new
 * questions, answers that will not carry over), the move, its undo, and the answers a move set
 * aside.
 */
export function DraftVersionNotice({ draftId, loaded, answers, beforeMove, onMoved }: Props) {
  const { t } = useTranslation('releases');
  const api = useApi();
  const lang = useLanguage();
  const [status, setStatus] = useState<DraftVersionStatusView | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done] = useState<Done | undefined>(() => {
    // Said once after the reload that follows a move.
    const saved = window.sessionStorage.getItem(`iscm.move.${draftId}`);
    window.sessionStorage.removeItem(`iscm.move.${draftId}`);
    return saved ? (JSON.parse(saved) as Done) : undefined;
  });
  const load = useCallback(async () => {
    const result = await api.releases.draftStatus({ draftId });
    if (result.ok) setStatus(result.value);
  }, [api, draftId]);
  useEffect(() => {
    void load();
  }, [load]);
  const target = useQuestionnaireVersion(loaded.questionnaire.id, status?.impact?.toVersion);

  async function run(
    action: () => ReturnType<typeof api.releases.undoMove>,
    report: (v: { toVersion: string; carried: number; setAside: number }) => Done,
  ) {
    setBusy(true);
    setError(undefined);
    await beforeMove();
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setError(t('notice.failed', { message: result.error.message }));
      return;
    }
    window.sessionStorage.setItem(`iscm.move.${draftId}`, JSON.stringify(report(result.value)));
    onMoved();
  }

  if (!status) return null;
  const impact = status.impact;
  const undo = status.undo;
  return (
    <>
      {done && (
        <p role="status" className="notice">
          {done.kind === 'moved'
            ? t('notice.moved', {
                version: done.version,
                carried: formatNumber(lang, done.carried),
                setAside: formatNumber(lang, done.setAside),
              })
            : t('notice.undone', { version: done.version })}
        </p>
      )}
      {impact && (
        <section className="version-notice" aria-labelledby="version-notice-heading">
          <h2 id="version-notice-heading">{t('notice.heading')}</h2>
          <p>{t('notice.intro', { current: status.version, newer: impact.toVersion })}</p>
          {impact.newQuestions.length > 0 && (
            <>
              <h3>{t('notice.newQuestions', { count: formatNumber(lang, impact.newQuestions.length) })}</h3>
              <ul>
                {impact.newQuestions.map((id) => (
                  <li key={id}>
                    {questionLabel(target, id, lang) ?? id} <span className="question-id">({id})</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {impact.notCarried.length > 0 ? (
            <>
              <h3>{t('notice.notCarried', { count: formatNumber(lang, impact.notCarried.length) })}</h3>
              <ul>
                {impact.notCarried.map((n) => (
                  <li key={n.path}>
                    {questionLabel(loaded, n.path, lang) ?? n.path} <span className="question-id">({n.path})</span>:{' '}
                    {answerText(loaded, n.path, n.value, lang)} — {t(`notCarried.reasons.${n.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('notice.allCarry')}</p>
          )}
          {impact.restored.length > 0 && (
            <p>{t('notice.restored', { count: formatNumber(lang, impact.restored.length) })}</p>
          )}
          <div className="actions">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(
                  () => api.releases.moveDraft({ draftId, version: impact.toVersion }),
                  (m) => ({ kind: 'moved', version: m.toVersion, carried: m.carried, setAside: m.setAside }),
                )
              }
            >
              {busy ? t('notice.moving') : t('notice.move', { version: impact.toVersion })}
            </button>
          </div>
        </section>
      )}
      {undo && (
        <div className="actions">
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(
                () => api.releases.undoMove({ draftId }),
                (m) => ({ kind: 'undone', version: m.toVersion }),
              )
            }
          >
            {t('notice.undo', { version: undo.toVersion })}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <NotCarriedList status={status} answers={answers} />
    </>
  );
}
