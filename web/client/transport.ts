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

/** Server-sent events read through fetch (EventSource cannot send the token header). */
export function fetchSubscribe(token: string): Subscribe {
  return (listener) => {
    const controller = new AbortController();
    void (async () => {
      try {
        const response = await fetch('./api/events', { headers: { [TOKEN_HEADER]: token }, signal: controller.signal });
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
            listener(event, payload);
          }
        }
      } catch {
        // Aborted by unsubscribe, or the host stopped: there are no more events to deliver.
      }
    })();
    return () => controller.abort();
  };
}
