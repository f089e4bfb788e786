import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../../../core/contract/errors.js';
import { createDispatcher, type Handlers } from '../../../core/contract/dispatch.js';
import { channelNames, lookupChannel } from '../../../core/contract/index.js';
import { MALFORMED_INPUTS, recordingHandlers } from '../../helpers/recording-handlers.js';

describe('the contract', () => {
  it('lists each channel once as <domain>.<method>', () => {
    expect(channelNames).toContain('drafts.create');
    expect(new Set(channelNames).size).toBe(channelNames.length);
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it('gives every channel a strict object as input, so unknown keys are refused', () => {
    for (const name of channelNames) {
      const def = lookupChannel(name);
      expect(def?.input, name).toBeInstanceOf(z.ZodObject);
      expect(def?.input.safeParse({ notInTheContract: 1 }).success, name).toBe(false);
    }
  });

  it('does not resolve names through the prototype chain', () => {
    expect(lookupChannel('drafts.constructor')).toBeUndefined();
    expect(lookupChannel('__proto__.toString')).toBeUndefined();
    expect(lookupChannel('toString.call')).toBeUndefined();
  });
});

describe('createDispatcher', () => {
  it.each(channelNames)('rejects malformed input to %s with INVALID_INPUT and never calls its handler', async (name) => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createDispatcher(handlers);
    for (const input of MALFORMED_INPUTS) {
      const result = await dispatch(name, input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    expect(calls).toEqual([]);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const { handlers, calls } = recordingHandlers();
    const result = await createDispatcher(handlers)('drafts.format', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(calls).toEqual([]);
  });

  it('passes an AppError through with its code, and hides other exceptions as INTERNAL', async () => {
    const { handlers } = recordingHandlers();
    const faults: string[] = [];
    const withErrors: Handlers = {
      ...handlers,
      drafts: {
        ...handlers.drafts,
        get: () => {
          throw new AppError('NOT_FOUND', 'No such draft.');
        },
        list: () => {
          throw new Error('disk on fire');
        },
      },
    };
    const dispatch = createDispatcher(withErrors, { onFault: (c) => faults.push(c) });
    expect(await dispatch('drafts.get', { id: crypto.randomUUID() })).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No such draft.' },
    });
    const internal = await dispatch('drafts.list', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(internal)).not.toContain('disk on fire');
    expect(faults).toEqual(['drafts.list']);
  });

  it('refuses a handler output that does not match the contract', async () => {
    const { handlers } = recordingHandlers();
    const broken = { ...handlers, drafts: { ...handlers.drafts, list: () => [{ id: 'not-a-draft' }] } } as unknown as Handlers;
    const result = await createDispatcher(broken)('drafts.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('uses the classifier for known faults', async () => {
    const { handlers } = recordingHandlers();
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const failing = { ...handlers, drafts: { ...handlers.drafts, list: () => Promise.reject(full) } } as unknown as Handlers;
    const dispatch = createDispatcher(failing, {
      classifyError: (e) => ((e as { code?: string }).code === 'SQLITE_FULL' ? { code: 'STORAGE_FAILED', message: 'full' } : undefined),
    });
    expect(await dispatch('drafts.list', {})).toEqual({ ok: false, error: { code: 'STORAGE_FAILED', message: 'full' } });
  });

});
