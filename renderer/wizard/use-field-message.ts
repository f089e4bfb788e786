import { useCallback, useSyncExternalStore } from 'react';
import type { ErrorStore } from './error-store.js';

/** This field's validation message, if any; re-renders only when that message changes. */
export function useFieldMessage(store: ErrorStore, name: string): string | undefined {
  const subscribe = useCallback((listener: () => void) => store.subscribe(name, listener), [store, name]);
  const get = useCallback(() => store.get(name), [store, name]);
  return useSyncExternalStore(subscribe, get);
}
