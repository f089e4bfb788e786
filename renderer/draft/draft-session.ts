import type { AnswerMap, AnswerValue } from '../../core/answers/value.js';
import type { Draft, Language } from '../../core/contract/channels/drafts.js';
import type { IscmApi } from '../../core/contract/index.js';
import { evaluate, type Evaluation, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { createAutosaver } from '../autosave/autosaver.js';
import { createAnswerStore } from './answer-store.js';
import { createProblemStore } from './problem-store.js';
import { createStatusStore } from './status-store.js';

/** The engine's verdict on one state of the answers: what the section list, the review and every message read. */
export interface Evaluated {
  readonly answers: AnswerMap;
  readonly lang: Language;
  readonly evaluation: Evaluation;
}

export interface DraftSessionOptions {
  /**
   * While typing, the engine runs once typing pauses this long: evaluating a very long
   * questionnaire takes milliseconds that must not land between keystrokes. A click (a choice,
   * a row added) is evaluated at once, after the click is painted.
   */
  readonly typingPauseMs?: number;
  /** The autosaver waits this long after the last change to a path. */
  readonly saveDebounceMs?: number;
  /** First retry delay after a failed save. */
  readonly retryMs?: number;
}

const TYPING_PAUSE_MS = 250;
const SAVE_DEBOUNCE_MS = 300;

/**
 * One open draft, outside React: its answers (one store, by answer path), the autosaver that
 * commits them one path at a time, and one evaluation by core's engine per change (coalesced
 * while typing). Its problems, keyed by answer path, go to the problem store that every field
 * message reads; the whole evaluation goes to the section list, the review and the finalize entry.
 *
 * `change` is the one place where a change is recorded, saved and re-evaluated.
 */
export function createDraftSession(draft: Draft, loaded: LoadedQuestionnaire, api: Pick<IscmApi, 'answers'>, options: DraftSessionOptions = {}) {
  const draftId = draft.id;
  const answers = createAnswerStore(draft.answers);
  const problems = createProblemStore();
  const status = createStatusStore();
  const autosaver = createAutosaver((path, value) => api.answers.save({ draftId, path, value }), {
    debounceMs: options.saveDebounceMs ?? SAVE_DEBOUNCE_MS,
    onStatus: status.set,
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
  });
  const listeners = new Set<() => void>();
  let lang = draft.language;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (): Evaluated => {
    const snapshot = answers.all();
    return { answers: snapshot, lang, evaluation: evaluate(loaded, snapshot, { lang }) };
  };
  let current = run();
  problems.publish(current.evaluation.problems);

  function reevaluate(): void {
    clearTimeout(timer);
    timer = undefined;
    current = run();
    problems.publish(current.evaluation.problems);
    for (const listener of listeners) listener();
  }

  return {
    draftId,
    loaded,
    answers,
    problems,
    status,
    /**
     * Records a change: into the answer store (the field shows it), out of the problem store
     * until the engine has looked again (a field forgets its message while it is edited), to
     * the autosaver, and then to the engine. `typing`: a keystroke in a text or number box.
     */
    change: (path: string, value: AnswerValue, typing = false): void => {
      if (!answers.set(path, value)) return;
      problems.clear(path);
      autosaver.change(path, value);
      clearTimeout(timer);
      timer = setTimeout(reevaluate, typing ? (options.typingPauseMs ?? TYPING_PAUSE_MS) : 0);
    },
    /** The latest evaluation and the answers and language it was made from. */
    evaluated: (): Evaluated => current,
    /** Called after every evaluation; returns the unsubscribe. */
    onEvaluated(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Messages in the new language: evaluated again at once. */
    setLanguage(next: Language): void {
      lang = next;
      reevaluate();
    },
    /** Saves every pending change now; resolves when the host has answered each one. */
    flush: (): Promise<void> => autosaver.flush(),
    /** Stops the timers (the caller flushes first). The session stays usable: a later change starts them again. */
    dispose(): void {
      clearTimeout(timer);
      timer = undefined;
      autosaver.dispose();
    },
  };
}
export type DraftSession = ReturnType<typeof createDraftSession>;
