import { useSyncExternalStore } from 'react';
import type { StartupReport } from '../../core/contract/channels/maintenance.js';
import type { IscmApi } from '../../core/contract/index.js';
import { useApi } from '../api/api-context.js';

/** undefined: not asked yet; null: the host did not check (as in some tests). */
type State = StartupReport | null | undefined;

interface StartupStore {
  readonly get: () => State;
  readonly subscribe: (listener: () => void) => () => void;
  /** Asks the host to start again; resolves with the new report. */
  readonly retry: () => Promise<State>;
}

function createStartupStore(api: IscmApi): StartupStore {
  let state: State;
  const listeners = new Set<() => void>();
  const set = (next: State): void => {
    state = next;
    for (const listener of listeners) listener();
  };
  void api.maintenance.startupReport({}).then((result) => set(result.ok ? result.value : null));
  return {
    get: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry: async () => {
      const result = await api.maintenance.retryStart({});
      if (result.ok) set(result.value);
      return result.ok ? result.value : state;
    },
  };
}

// One per API (one per page): the banner in the header and the guard around the screens share it.
const stores = new WeakMap<IscmApi, StartupStore>();

/** What start-up found, shared by every component that asks, and `retry`. */
export function useStartupReport(): { readonly report: State; readonly retry: () => Promise<State> } {
  const api = useApi();
  let store = stores.get(api);
  if (!store) {
    store = createStartupStore(api);
    stores.set(api, store);
  }
  const report = useSyncExternalStore(store.subscribe, store.get);
  return { report, retry: store.retry };
}
