import type { AnswerValue } from '../../core/answers/value.js';
import type { ContractError, Result } from '../../core/contract/errors.js';

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'failed'; readonly error: ContractError; readonly unsaved: number };

export type SaveAnswer = (path: string, value: AnswerValue) => Promise<Result<{ savedAt: string }>>;

export interface AutosaverOptions {
  /** Wait this long after the last change to a path before saving it. */
  readonly debounceMs?: number;
  /** First retry delay after a failure; doubles up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  readonly onStatus: (status: SaveStatus) => void;
}

/**
 * Saves answers one path at a time, debounced, and never claims "saved" for a
 * value the host has not committed. A failed value stays queued and is retried;
 * a newer value for the same path replaces it. `flush()` saves everything now
 * (blur, section change, language change, closing the window).
 */
export function createAutosaver(save: SaveAnswer, options: AutosaverOptions) {
  const debounceMs = options.debounceMs ?? 300;
  const pending = new Map<string, AnswerValue>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let inFlight: Promise<void> = Promise.resolve();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = options.retryMs ?? 1000;
  let lastSavedAt: string | undefined;

  const report = (failure?: ContractError) => {
    if (failure) options.onStatus({ kind: 'failed', error: failure, unsaved: pending.size });
    else if (pending.size > 0) options.onStatus({ kind: 'pending' });
    else options.onStatus(lastSavedAt ? { kind: 'saved', at: lastSavedAt } : { kind: 'idle' });
  };

  async function savePath(path: string): Promise<ContractError | undefined> {
    if (!pending.has(path)) return undefined;
    const value = pending.get(path) as AnswerValue;
    const result = await save(path, value);
    if (!result.ok) return result.error;
    // Only forget the value if no newer one arrived while this one was saving.
    if (pending.get(path) === value) pending.delete(path);
    lastSavedAt = result.value.savedAt;
    return undefined;
  }

  function saveAllNow(): Promise<void> {
    inFlight = inFlight.then(async () => {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      let failure: ContractError | undefined;
      for (const path of [...pending.keys()]) {
        failure = (await savePath(path)) ?? failure;
      }
      report(failure);
      if (failure) scheduleRetry();
      else retryDelay = options.retryMs ?? 1000;
    });
    return inFlight;
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void saveAllNow();
    }, retryDelay);
    retryDelay = Math.min(retryDelay * 2, options.maxRetryMs ?? 15_000);
  }

  return {
    /** Records a change; it is saved after the debounce delay (or at the next flush). */
    change(path: string, value: AnswerValue): void {
      pending.set(path, value);
      const existing = timers.get(path);
      if (existing) clearTimeout(existing);
      timers.set(
        path,
        setTimeout(() => {
          timers.delete(path);
          void saveAllNow();
        }, debounceMs),
      );
      report();
    },
    /** Saves every pending change now; resolves when the host has answered each one. */
    flush: saveAllNow,
    /** Values changed but not yet committed, to keep them on screen. */
    unsaved: (): ReadonlyMap<string, AnswerValue> => pending,
    dispose(): void {
      for (const timer of timers.values()) clearTimeout(timer);
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
export type Autosaver = ReturnType<typeof createAutosaver>;
