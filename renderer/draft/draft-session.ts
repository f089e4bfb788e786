import type { AnswerMap, AnswerValue } from '../../core/answers/value.js';
import type { Draft, Language } from '../../core/contract/channels/drafts.js';
import type { IscmApi } from '../../core/contract/index.js';
import { evaluate, type Evaluation, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import type { AnswerChangedEvent } from '../../core/contract/events.js';
import { createAutosaver, type ItemChange } from '../autosave/autosaver.js';
import { createAnswerStore } from './answer-store.js';
import { createConflictStore } from './conflict-store.js';
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
/** The stored value of an answer and its version, as last heard from the host. */
interface Stored {
  readonly version: number;
  readonly value: AnswerValue;
}

/** This window's id on its saves, so that it can tell its own changes from other windows' in `answerChanged`. */
const newOrigin = (): string => crypto.randomUUID();

export function createDraftSession(draft: Draft, loaded: LoadedQuestionnaire, api: Pick<IscmApi, 'answers'>, options: DraftSessionOptions = {}) {
  const draftId = draft.id;
  const origin = newOrigin();
  const answers = createAnswerStore(draft.answers);
  const problems = createProblemStore();
  const status = createStatusStore();
  const conflicts = createConflictStore();
  // The version each shown answer is based on: sent with its next save, so a save over another window's change is refused.
  const versions = new Map<string, number>(Object.entries(draft.versions));
  // Newer stored values heard of (another window's change, or the merged result of a tick) not shown yet, because this window still has changes of its own queued for that answer.
  const heard = new Map<string, Stored>();

  const saveValue = async (path: string, value: AnswerValue) => {
    const result = await api.answers.save({ draftId, path, value, baseVersion: versions.get(path) ?? 0, origin });
    if (result.ok) versions.set(path, result.value.version);
    return result;
  };
  const saveItem = async (path: string, item: ItemChange) => {
    const result = await api.answers.change({ draftId, path, op: item.op, value: item.value, origin });
    if (result.ok) remember(path, { version: result.value.version, value: result.value.value });
    return result;
  };
  const autosaver = createAutosaver(saveValue, {
    debounceMs: options.saveDebounceMs ?? SAVE_DEBOUNCE_MS,
    onStatus: status.set,
    saveItem,
    onSettled: (path) => showHeard(path),
    onConflict: (path, error, mine) => {
      const stored = storedOf(error.details);
      if (stored) show(path, stored);
      conflicts.add({ path, mine, theirs: stored?.value ?? null });
    },
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

  /** Shows a stored value (another window's, or the host's merge of a tick) and bases the next save on its version. */
  function show(path: string, stored: Stored): void {
    versions.set(path, stored.version);
    heard.delete(path);
    if (!answers.set(path, stored.value)) return;
    problems.clear(path);
    clearTimeout(timer);
    timer = setTimeout(reevaluate, 0);
  }
  function remember(path: string, stored: Stored): void {
    const known = heard.get(path)?.version ?? versions.get(path) ?? 0;
    if (stored.version > known) heard.set(path, stored);
  }
  function showHeard(path: string): void {
    const stored = heard.get(path);
    if (!stored || autosaver.unsaved().has(path)) return;
    if (stored.version >= (versions.get(path) ?? 0)) show(path, stored);
    else heard.delete(path);
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
    /**
     * One choice ticked or unticked, or one repeat row added or removed: shown at once (`value`,
     * the answer as now drawn) and saved as that change, which the host applies to the stored
     * answer, so another window's ticks and rows are kept.
     */
    changeItem: (path: string, value: AnswerValue, item: ItemChange): void => {
      if (!answers.set(path, value)) return;
      problems.clear(path);
      autosaver.changeItem(path, item, value);
      clearTimeout(timer);
      timer = setTimeout(reevaluate, 0);
    },
    /**
     * Another window's committed change (`answerChanged`): shown in place when this window has
     * nothing queued for that answer; otherwise kept until it has (a value of its own queued for
     * it is then refused as stale, and the conflict is shown). Its own changes are ignored.
     */
    hear(event: AnswerChangedEvent): void {
      if (event.draftId !== draftId || event.origin === origin) return;
      remember(event.path, { version: event.version, value: event.value });
      showHeard(event.path);
    },
    /** Answers refused because another window changed them first: what was typed here, to show and re-apply. */
    conflicts,
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

/** The stored value and version a refusal (`ANSWER_STALE`) carries in its details. */
function storedOf(details: unknown): Stored | undefined {
  if (typeof details !== 'object' || details === null) return undefined;
  const { version, value } = details as { version?: unknown; value?: unknown };
  return typeof version === 'number' ? { version, value: (value ?? null) as AnswerValue } : undefined;
}
