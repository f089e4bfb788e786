import type { SaveStatus } from '../autosave/autosaver.js';

/**
 * The save status outside React state, so that a keystroke (which reports "pending")
 * re-renders the little indicator only, never the whole draft screen.
 */
export function createStatusStore() {
  let status: SaveStatus = { kind: 'idle' };
  const listeners = new Set<() => void>();
  return {
    get: (): SaveStatus => status,
    set: (next: SaveStatus): void => {
      if (next.kind === status.kind && next.kind === 'pending') return;
      status = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type StatusStore = ReturnType<typeof createStatusStore>;
