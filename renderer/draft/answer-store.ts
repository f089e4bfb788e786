import type { AnswerMap, AnswerValue } from '../../core/answers/value.js';

/**
 * The open draft's answers, by answer path, with one listener list per path. A field
 * subscribes to its own path only, so a keystroke wakes exactly one field, however long the
 * section (a form-wide subscription would wake all of them). The map is replaced, never
 * mutated, so a snapshot handed out earlier (to the evaluation, to a validation) stays as it was.
 */
export function createAnswerStore(initial: AnswerMap) {
  let answers = initial;
  const listeners = new Map<string, Set<() => void>>();
  return {
    all: (): AnswerMap => answers,
    get: (path: string): AnswerValue => answers[path] ?? null,
    set: (path: string, value: AnswerValue): void => {
      answers = { ...answers, [path]: value };
      for (const listener of listeners.get(path) ?? []) listener();
    },
    subscribe: (path: string, listener: () => void): (() => void) => {
      const set = listeners.get(path) ?? new Set<() => void>();
      set.add(listener);
      listeners.set(path, set);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(path);
      };
    },
  };
}
export type AnswerStore = ReturnType<typeof createAnswerStore>;
