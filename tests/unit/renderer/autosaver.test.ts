import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { Result } from '../../../core/contract/errors.js';
import { createAutosaver, type SaveStatus } from '../../../renderer/autosave/autosaver.js';

/** A host that commits into a Map, and can be told to refuse (disk full). */
function fakeHost() {
  const committed = new Map<string, AnswerValue>();
  const calls: string[] = [];
  let failing = false;
  return {
    committed,
    calls,
    setFailing: (f: boolean) => (failing = f),
    save: (path: string, value: AnswerValue): Promise<Result<{ savedAt: string }>> => {
      calls.push(path);
      if (failing) return Promise.resolve({ ok: false, error: { code: 'STORAGE_FAILED', message: 'The disk is full.' } });
      committed.set(path, value);
      return Promise.resolve({ ok: true, value: { savedAt: new Date().toISOString() } });
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('autosaver', () => {
  it('saves a path once after typing pauses for the debounce delay', async () => {
    const host = fakeHost();
    const statuses: SaveStatus[] = [];
    const saver = createAutosaver(host.save, { debounceMs: 300, onStatus: (s) => statuses.push(s) });
    saver.change('q', 'A');
    saver.change('q', 'Am');
    saver.change('q', 'Ami');
    await vi.advanceTimersByTimeAsync(299);
    expect(host.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(host.calls).toEqual(['q']);
    expect(host.committed.get('q')).toBe('Ami');
    expect(statuses.at(-1)?.kind).toBe('saved');
  });

  it('flush saves everything at once', async () => {
    const host = fakeHost();
    const saver = createAutosaver(host.save, { onStatus: () => undefined });
    saver.change('a', 1);
    saver.change('b', 'two');
    await saver.flush();
    expect(Object.fromEntries(host.committed)).toEqual({ a: 1, b: 'two' });
    expect(saver.unsaved().size).toBe(0);
  });

  it('never reports saved while the host refuses, keeps the value, and saves it when the host recovers', async () => {
    const host = fakeHost();
    const statuses: SaveStatus[] = [];
    const saver = createAutosaver(host.save, { retryMs: 1000, onStatus: (s) => statuses.push(s) });
    host.setFailing(true);
    saver.change('q', 'precious');
    await saver.flush();
    expect(statuses.at(-1)).toMatchObject({ kind: 'failed', unsaved: 1, error: { code: 'STORAGE_FAILED' } });
    expect(saver.unsaved().get('q')).toBe('precious');
    expect(statuses.some((s) => s.kind === 'saved')).toBe(false);

    await vi.advanceTimersByTimeAsync(1000);
    expect(statuses.at(-1)?.kind).toBe('failed');

    host.setFailing(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(host.committed.get('q')).toBe('precious');
    expect(statuses.at(-1)?.kind).toBe('saved');
  });

  it('keeps a newer value typed while an older one was saving', async () => {
    const host = fakeHost();
    let release: (() => void) | undefined;
    const slowSave = (path: string, value: AnswerValue) =>
      new Promise<Result<{ savedAt: string }>>((resolve) => {
        release = () => void host.save(path, value).then(resolve);
      });
    const saver = createAutosaver(slowSave, { onStatus: () => undefined });
    saver.change('q', 'old');
    const first = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    saver.change('q', 'new');
    release?.();
    await first;
    expect(saver.unsaved().get('q')).toBe('new');
    const second = saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    release?.();
    await second;
    expect(host.committed.get('q')).toBe('new');
  });
});
