import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { answerText, questionLabel } from '../releases/answer-label.js';
import type { DraftSession } from './draft-session.js';

/**
 * Says, for each answer whose save was refused because another window changed it first, that
 * the field now shows the other window's version, and keeps what was typed here readable, with
 * a button to put it back (a deliberate overwrite). An alert, so screen readers announce it.
 * The question and the answers are named as the field shows them, in the questionnaire's language `lang`.
 */
export function ConflictNotice({ session, loaded, lang }: { session: DraftSession; loaded: LoadedQuestionnaire; lang: Language }) {
  const { t } = useTranslation('sync');
  const conflicts = useSyncExternalStore(session.conflicts.subscribe, session.conflicts.get);
  // Drawn only when there is something to say: an alert that appears is announced, and an empty
  // one would be an alert on every page for anyone looking for what went wrong.
  if (conflicts.length === 0) return null;
  return (
    <div role="alert" className="conflict-notices">
      {conflicts.map((c) => {
        const question = questionLabel(loaded, c.path, lang) ?? c.path;
        const text = (value: typeof c.mine) => {
          const shown = answerText(loaded, c.path, value, lang);
          return shown === '' ? t('empty') : shown;
        };
        return (
          <section key={c.path} className="conflict-notice" aria-label={t('heading')} data-path={c.path}>
            <p>{t('changed', { question })}</p>
            <p>
              <bdi>{t('theirs', { value: text(c.theirs) })}</bdi>
            </p>
            <p className="conflict-mine">
              <bdi>{t('mine', { value: text(c.mine) })}</bdi>
            </p>
            <button
              type="button"
              onClick={() => {
                session.change(c.path, c.mine);
                void session.flush();
                session.conflicts.dismiss(c.path);
              }}
            >
              {t('useMine')}
            </button>{' '}
            <button type="button" onClick={() => session.conflicts.dismiss(c.path)}>
              {t('dismiss')}
            </button>
          </section>
        );
      })}
    </div>
  );
}
