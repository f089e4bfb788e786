import type { Dispatch } from '../../core/contract/dispatch.js';

/**
 * Wraps the dispatcher to know when calls have stopped coming: before a restart the shell asks
 * the window to save what it holds, then waits until its saves have all been answered (no call
 * in flight, none for `quietMs`), never longer than `maxMs`.
 */
export function trackCalls(dispatch: Dispatch, now: () => number = Date.now) {
  let inFlight = 0;
  let lastActivity = now();
  const tracked: Dispatch = async (channelName, input) => {
    inFlight++;
    lastActivity = now();
    try {
      return await dispatch(channelName, input);
    } finally {
      inFlight--;
      lastActivity = now();
    }
  };
  /** Counted from the call: calls that the window sends in answer to a request made just before still come in time. */
  const waitForQuiet = async (
    quietMs: number,
    maxMs: number,
    sleep: (ms: number) => Promise<void>,
  ): Promise<boolean> => {
    const from = now();
    const until = from + maxMs;
    for (;;) {
      if (inFlight === 0 && now() - Math.max(lastActivity, from) >= quietMs) return true;
      if (now() >= until) return false;
      await sleep(Math.min(50, quietMs));
    }
  };
  return { dispatch: tracked, waitForQuiet, inFlight: () => inFlight };
}
