import type { AnswerValue } from '../../core/answers/value.js';
import type { ContractError, Result } from '../../core/contract/errors.js';

export type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'saved'; readonly at: string }
  | { readonly kind: 'failed'; readonly error: ContractError; readonly unsaved: number };

export type SaveAnswer = (path: string, value: AnswerValue) => Promise<Result<{ savedAt: string }>>;

/** One value ticked or unticked in a multiple choice, or one repeat row added or removed. */
export interface ItemChange {
  readonly op: 'add' | 'remove';
  readonly value: string;
}
export type SaveItem = (path: string, item: ItemChange) => Promise<Result<{ savedAt: string }>>;

export interface AutosaverOptions {
  /** Wait this long after the last change to a path before saving it. */
  readonly debounceMs?: number;
  /** First retry delay after a failure; doubles up to `maxRetryMs`. */
  readonly retryMs?: number;
  readonly maxRetryMs?: number;
  readonly onStatus: (status: SaveStatus) => void;
  /**
   * Sends one item change (`changeItem`) as that change, applied by the host to the stored answer,
   * so that another window's ticks are kept. Without it an item change is saved as the whole value.
   */
  readonly saveItem?: SaveItem;
  /**
   * A save refused because the answer changed elsewhere (`ANSWER_STALE`): the path is dropped from
   * the queue (saving it again would overwrite the other change) and handed over with the newest
   * value typed here, for the window to show what was refused. Without it, the refusal is a failure.
   */
  readonly onConflict?: (path: string, error: ContractError, mine: AnswerValue) => void;
  /** A path's every queued change is committed (nothing more queued for it). */
  readonly onSettled?: (path: string) => void;
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
  // Paths whose queued change is a list of item changes (in order), not a whole value: `pending` holds the value shown.
  const items = new Map<string, ItemChange[]>();
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

  function drop(path: string): void {
    pending.delete(path);
    items.delete(path);
    const timer = timers.get(path);
    if (timer) clearTimeout(timer);
    timers.delete(path);
  }

  async function saveItems(path: string, queued: ItemChange[], saveItem: SaveItem): Promise<ContractError | undefined> {
    // Sent in order, one committed before the next; a failed one stays first in the queue.
    while (queued.length > 0 && items.get(path) === queued) {
      const item = queued[0] as ItemChange;
      const result = await saveItem(path, item);
      if (!result.ok) return result.error;
      if (queued[0] === item) queued.shift();
      lastSavedAt = result.value.savedAt;
    }
    if (items.get(path) === queued && queued.length === 0) {
      items.delete(path);
      pending.delete(path);
      options.onSettled?.(path);
    }
    return undefined;
  }

  async function savePath(path: string): Promise<ContractError | undefined> {
    if (!pending.has(path)) return undefined;
    const queued = items.get(path);
    if (queued && options.saveItem) return saveItems(path, queued, options.saveItem);
    const value = pending.get(path) as AnswerValue;
    const result = await save(path, value);
    if (!result.ok) {
      if (result.error.code !== 'ANSWER_STALE' || !options.onConflict) return result.error;
      const mine = pending.get(path) as AnswerValue;
      drop(path);
      options.onConflict(path, result.error, mine);
      return undefined;
    }
    // Only forget the value if no newer one arrived while this one was saving.
    if (pending.get(path) === value) {
      pending.delete(path);
      options.onSettled?.(path);
    }
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

  function schedule(path: string): void {
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
  }

  return {
    /**
     * Records one item change (`value`: the answer as now shown). Queued in order and sent as
     * item changes; a whole value already queued for the path is replaced by this one instead.
     */
    changeItem(path: string, item: ItemChange, value: AnswerValue): void {
      const queued = items.get(path);
      if (queued) queued.push(item);
      else if (!pending.has(path)) items.set(path, [item]);
      pending.set(path, value);
      schedule(path);
    },
    /** Records a change; it is saved after the debounce delay (or at the next flush). */
    change(path: string, value: AnswerValue): void {
      pending.set(path, value);
      items.delete(path);
      schedule(path);
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
