import type { EventName, EventPayload, Unsubscribe } from '../../core/contract/events.js';

type Listener = (event: EventName, payload: unknown) => void;

/**
 * Events from services to whoever shows them: the Electron shell forwards them
 * to the window, the web host to its event stream, the CLI to a progress bar.
 */
export function createEventBus() {
  const listeners = new Set<Listener>();
  return {
    emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
      for (const listener of listeners) listener(event, payload);
    },
    subscribe(listener: Listener): Unsubscribe {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type EventBus = ReturnType<typeof createEventBus>;
