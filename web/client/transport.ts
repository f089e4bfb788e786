import type { Invoke, Subscribe } from '../../core/contract/build-api.js';
import type { Result } from '../../core/contract/errors.js';
import type { EventName } from '../../core/contract/events.js';
import { hostUnreachable, TOKEN_HEADER } from '../../core/contract/transport.js';

/** One POST per call. A network failure is reported as a result, never thrown. */
export function fetchInvoke(token: string): Invoke {
  return async (channelName, input) => {
    try {
      const response = await fetch(`./api/${encodeURIComponent(channelName)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch {
      return hostUnreachable();
    }
  };
}

type Listener = Parameters<Subscribe>[0];

/**
 * Server-sent events read through fetch (EventSource cannot send the token header). One stream
 * per page, shared by every subscriber: a browser keeps at most six connections to a host, and
 * two tabs each holding a stream per event (progress, saveNow, answerChanged…) would leave too
 * few for the calls themselves. The stream opens with the first subscriber and closes with the last.
 */
export function fetchSubscribe(token: string): Subscribe {
  const listeners = new Set<Listener>();
  let controller: AbortController | undefined;
  const open = (): void => {
    const own = new AbortController();
    controller = own;
    void (async () => {
      try {
        const response = await fetch('./api/events', { headers: { [TOKEN_HEADER]: token }, signal: own.signal });
        const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          if (!reader) return;
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          const frames = buffer.split('\n\n');
          buffer = frames.pop() ?? '';
          for (const frame of frames) {
            if (!frame.startsWith('data: ')) continue;
            const { event, payload } = JSON.parse(frame.slice(6)) as { event: EventName; payload: unknown };
            for (const listener of [...listeners]) listener(event, payload);
          }
        }
      } catch {
        // Aborted by the last unsubscribe, or the host stopped: there are no more events to deliver.
      } finally {
        if (controller === own) controller = undefined;
      }
    })();
  };
  return (listener) => {
    listeners.add(listener);
    if (!controller) open();
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        controller?.abort();
        controller = undefined;
      }
    };
  };
}
