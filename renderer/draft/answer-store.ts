import type { AnswerMap, AnswerValue } from '../../core/answers/value.js';
import { createKeyListeners } from './key-listeners.js';

/**
 * The open draft's answers, by answer path: the only copy the screen keeps. A field reads and
 * watches its own path; a repeat group reads its rows from its own path (the ordered row ids).
 * A change is one map write and one notification, whatever the number of answers; the plain
 * object the engine evaluates is made only when asked for (`all()`), and then kept until the
 * next change, so a snapshot handed out earlier stays as it was.
 */
export function createAnswerStore(initial: AnswerMap) {
  const values = new Map<string, AnswerValue>(Object.entries(initial));
  let snapshot: AnswerMap | undefined = initial;
  const listeners = createKeyListeners();
  return {
    get: (path: string): AnswerValue => values.get(path) ?? null,
    all: (): AnswerMap => (snapshot ??= Object.fromEntries(values)),
    /** Records a value; returns false (and tells no one) when it is the value already there. */
    set: (path: string, value: AnswerValue): boolean => {
      if (values.has(path) && values.get(path) === value) return false;
      values.set(path, value);
      snapshot = undefined;
      listeners.notify(path);
      return true;
    },
    subscribe: listeners.subscribe,
  };
}
export type AnswerStore = ReturnType<typeof createAnswerStore>;
