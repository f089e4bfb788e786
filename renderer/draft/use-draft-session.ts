import { startTransition, useCallback, useEffect, useState } from 'react';
import type { Draft, Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { errorText } from '../api/errors.js';
import { createDraftSession, type DraftSession, type Evaluated } from './draft-session.js';

/** The open draft for the screens: its session, the latest evaluation, and its questionnaire language. */
export interface OpenDraft extends Evaluated {
  readonly session: DraftSession;
  readonly draftId: string;
  readonly loaded: LoadedQuestionnaire;
  /** Changes the draft's questionnaire language (not the app's: that is the user's own choice). */
  readonly setQuestionnaireLanguage: (lang: Language) => Promise<void>;
  readonly languageError: string | undefined;
}

/**
 * Opens a draft's session for as long as the screen shows it. A new evaluation reaches the
 * screens in a transition: redrawing skip logic in a long section never holds up typing.
 */
export function useDraftSession(draft: Draft, loaded: LoadedQuestionnaire): OpenDraft {
  const api = useApi();
  // Created once per open draft: the session, not React state, holds what is typed.
  const [session] = useState(() => createDraftSession(draft, loaded, api));
  const [evaluated, setEvaluated] = useState(session.evaluated);
  const [languageError, setLanguageError] = useState<string | undefined>();

  useEffect(() => session.onEvaluated(() => startTransition(() => setEvaluated(session.evaluated()))), [session]);
  useEffect(() => {
    // Closing the window or leaving the page must not lose the last keystrokes.
    const flush = () => void session.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
      session.dispose();
    };
  }, [session]);

  // The desktop app asks for this before it restarts after an unexpected error: nothing typed is lost.
  useEffect(() => api.on('saveNow', () => void session.flush()), [api, session]);
  // Another window or tab on this draft changed an answer: shown here in place (see DraftSession.hear).
  useEffect(() => api.on('answerChanged', (event) => session.hear(event)), [api, session]);

  const setQuestionnaireLanguage = useCallback(
    async (next: Language) => {
      // Answers first: a language switch must never cost an answer.
      await session.flush();
      session.setLanguage(next);
      const result = await api.drafts.update({ id: session.draftId, language: next });
      setLanguageError(result.ok ? undefined : errorText(result.error));
    },
    [session, api],
  );

  return { ...evaluated, session, draftId: session.draftId, loaded, setQuestionnaireLanguage, languageError };
}
