import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/errors.js';

/** Loads data for a screen; `reload` after a change. An error is kept for the screen to show. */
export function useLoader<T>(load: () => Promise<T>): {
  data: T | undefined;
  error: string | undefined;
  reload: () => void;
} {
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
