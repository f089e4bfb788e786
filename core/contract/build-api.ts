import type { Result } from './errors.js';
import type { EventName, EventPayload, Unsubscribe } from './events.js';
import { contract, type IscmApi } from './index.js';

export type Invoke = (channelName: string, input: unknown) => Promise<Result<unknown>>;
export type Subscribe = (listener: (event: EventName, payload: unknown) => void) => Unsubscribe;

/**
 * Builds `window.iscm` from the contract for any transport: the preload passes an
 * IPC invoke, the web client a fetch. Only the channels in the contract exist.
 */
export function buildApi(invoke: Invoke, subscribe: Subscribe): IscmApi {
  const api: Record<string, unknown> = {};
  for (const [domain, methods] of Object.entries(contract)) {
    api[domain] = Object.freeze(
      Object.fromEntries(Object.keys(methods).map((method) => [method, (input: unknown) => invoke(`${domain}.${method}`, input)])),
    );
  }
  api.on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): Unsubscribe =>
    subscribe((name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    });
  return Object.freeze(api) as IscmApi;
}
