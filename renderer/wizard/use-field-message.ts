import type { ErrorStore } from './error-store.js';
import { useKeyedValue } from './use-keyed-value.js';

/** This field's validation message, if any; re-renders only when that message changes. */
export function useFieldMessage(store: ErrorStore, name: string): string | undefined {
  return useKeyedValue(store, name);
}
