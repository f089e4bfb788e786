/**
 * Listeners kept per key (an answer path, a field's problems), so a change to one key wakes
 * only what shows that key: a keystroke re-renders one field, however long the section.
 */
export function createKeyListeners() {
  const byKey = new Map<string, Set<() => void>>();
  return {
    subscribe: (key: string, listener: () => void): (() => void) => {
      const set = byKey.get(key) ?? new Set<() => void>();
      set.add(listener);
      byKey.set(key, set);
      return () => {
        set.delete(listener);
        if (set.size === 0 && byKey.get(key) === set) byKey.delete(key);
      };
    },
    notify: (key: string): void => {
      for (const listener of byKey.get(key) ?? []) listener();
    },
  };
}
