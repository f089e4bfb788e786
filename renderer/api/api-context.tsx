import { createContext, useContext, type ReactNode } from 'react';
import type { IscmApi } from '../../core/contract/index.js';

const ApiContext = createContext<IscmApi | null>(null);

/**
 * Gives every component below it the app's API: `window.iscm` in the app, a stand-in in a
 * component test. Components reach the API through `useApi()`, never through `window`, so
 * each can be rendered alone.
 */
export function ApiProvider({ api, children }: { readonly api: IscmApi; readonly children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): IscmApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it.');
  return api;
}
