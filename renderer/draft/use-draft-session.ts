import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnswerMap, AnswerValue } from '../../core/answers/value.js';
import type { Draft, Language } from '../../core/contract/channels/drafts.js';
import { evaluate, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { errorText } from '../api/errors.js';
import { createAutosaver } from '../autosave/autosaver.js';
import { setUiLanguage } from '../i18n/index.js';
import { createAnswerStore } from './answer-store.js';
import { createStatusStore } from './status-store.js';

/**
 * One open draft: its answers (flat, by answer path), the autosaver that commits them one
 * path at a time, and the evaluation (relevance, progress, problems) of the current answers.
 * Every change goes to the autosaver at once; the evaluation follows in a transition so
 * typing stays fast even in a very long section.
 */
/**
 * While typing, skip logic and progress are re-evaluated once typing pauses this long:
 * evaluating a very long questionnaire takes several milliseconds, which must not land
 * between keystrokes. A choice (click) is evaluated at once.
 */
const TYPING_PAUSE_MS = 250;

export function useDraftSession(draft: Draft, loaded: LoadedQuestionnaire) {
  const draftId = draft.id;
  // Created once per open draft: the store, not React state, holds what is typed.
  const [answerStore] = useState(() => createAnswerStore(draft.answers));
  const [answers, setAnswers] = useState<AnswerMap>(draft.answers);
  const [lang, setLang] = useState<Language>(draft.language);
  const [languageError, setLanguageError] = useState<string | undefined>();
  const statusStore = useMemo(() => createStatusStore(), []);
  const autosaver = useMemo(
    () => createAutosaver((path, value) => window.iscm.answers.save({ draftId, path, value }), { debounceMs: 300, onStatus: statusStore.set }),
    [draftId, statusStore],
  );

  useEffect(() => {
    // Closing the window or leaving the page must not lose the last keystrokes.
    const flush = () => void autosaver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
      autosaver.dispose();
    };
  }, [autosaver]);

  // The desktop app asks for this before it restarts after an unexpected error: nothing typed is lost.
  useEffect(() => window.iscm.on('saveNow', () => void autosaver.flush()), [autosaver]);

  const evaluationTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const answer = useCallback(
    (path: string, value: AnswerValue, typing = false) => {
      answerStore.set(path, value);
      autosaver.change(path, value);
      const reevaluate = () => {
        evaluationTimer.current = undefined;
        startTransition(() => setAnswers(answerStore.all()));
      };
      clearTimeout(evaluationTimer.current);
      if (typing) evaluationTimer.current = setTimeout(reevaluate, TYPING_PAUSE_MS);
      else reevaluate();
    },
    [autosaver, answerStore],
  );
  useEffect(() => () => clearTimeout(evaluationTimer.current), []);
  const flush = useCallback(() => autosaver.flush(), [autosaver]);
  const getAnswers = answerStore.all;

  const switchLanguage = useCallback(
    async (next: Language) => {
      // Answers first: a language switch must never cost an answer.
      await autosaver.flush();
      await setUiLanguage(next);
      setLang(next);
      const result = await window.iscm.drafts.update({ id: draftId, language: next });
      setLanguageError(result.ok ? undefined : errorText(result.error));
    },
    [autosaver, draftId],
  );

  const evaluation = useMemo(() => evaluate(loaded, answers, { lang }), [loaded, answers, lang]);

  return { draftId, loaded, lang, answers, evaluation, answer, flush, getAnswers, answerStore, switchLanguage, statusStore, languageError };
}
export type DraftSession = ReturnType<typeof useDraftSession>;
