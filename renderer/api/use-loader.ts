import { useCallback, useEffect, useState } from 'react';
import { messageOf } from './errors.js';

/** Loads data for a screen or panel; `reload` after a change. The error is kept for it to show. */
export function useLoader<T>(load: () => Promise<T>): { data: T | undefined; error: string | undefined; reload: () => void } {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(() => {
    load().then(
      (value) => {
        setData(value);
        setError(undefined);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, [load]);
  useEffect(run, [run]);
  return { data, error, reload: run };
}

/** Runs an action with a busy flag and an error message, for buttons. */
export function useAction(): { busy: boolean; error: string | undefined; run: (action: () => Promise<void>) => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = useCallback((action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    action()
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  }, []);
  return { busy, error, run };
}
