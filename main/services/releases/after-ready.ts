import type { Handlers } from '../../../core/contract/dispatch.js';

/**
 * Every handler waits until the installed releases are loaded (verifying a release reads its
 * ZIP, which is asynchronous): a call that arrives during start-up is answered as soon as the
 * questionnaires are known, never with "not installed". Once loaded, handlers run as before.
 */
export function afterReady(handlers: Handlers, ready: Promise<void>): Handlers {
  let loaded = false;
  void ready.then(() => {
    loaded = true;
  });
  const wrapped: Record<string, Record<string, (input: unknown) => unknown>> = {};
  for (const [domain, methods] of Object.entries(
    handlers as unknown as Record<string, Record<string, (input: unknown) => unknown>>,
  )) {
    wrapped[domain] = Object.fromEntries(
      Object.entries(methods).map(([name, handler]) => [
        name,
        (input: unknown) => (loaded ? handler(input) : ready.then(() => handler(input))),
      ]),
    );
  }
  // The same channels with the same inputs and outputs: only the moment they run changes.
  return wrapped as unknown as Handlers;
}
