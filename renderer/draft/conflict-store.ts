import type { AnswerValue } from '../../core/answers/value.js';

/** A save refused because another window changed the answer first. */
export interface Conflict {
  readonly path: string;
  /** What this window had: kept here so the user can read it and put it back. */
  readonly mine: AnswerValue;
  /** The other window's value, now shown in the field. */
  readonly theirs: AnswerValue;
}

/**
 * The refused changes of the open draft, outside React state, newest last: one per answer (a
 * second refusal of the same answer replaces the first, keeping what was typed last).
 */
export function createConflictStore() {
  let list: readonly Conflict[] = [];
  const listeners = new Set<() => void>();
  const set = (next: readonly Conflict[]) => {
    list = next;
    for (const listener of listeners) listener();
  };
  return {
    get: (): readonly Conflict[] => list,
    add: (conflict: Conflict): void => set([...list.filter((c) => c.path !== conflict.path), conflict]),
    dismiss: (path: string): void => set(list.filter((c) => c.path !== path)),
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type ConflictStore = ReturnType<typeof createConflictStore>;
