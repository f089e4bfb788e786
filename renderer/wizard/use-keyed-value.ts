import { useCallback, useSyncExternalStore } from 'react';

/** A store whose values are read and watched one key at a time (answers by path, messages by field). */
export interface KeyedStore<T> {
  readonly get: (key: string) => T;
  readonly subscribe: (key: string, listener: () => void) => () => void;
}

/** The value at `key`; the component re-renders only when that key's value changes. */
export function useKeyedValue<T>(store: KeyedStore<T>, key: string): T {
  const subscribe = useCallback((listener: () => void) => store.subscribe(key, listener), [store, key]);
  const read = useCallback(() => store.get(key), [store, key]);
  return useSyncExternalStore(subscribe, read);
}
