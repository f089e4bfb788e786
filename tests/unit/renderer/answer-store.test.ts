import { describe, expect, it } from 'vitest';
import { createAnswerStore } from '../../../renderer/draft/answer-store.js';

describe('answer store', () => {
  it('wakes only the listeners of the path that changed', () => {
    const store = createAnswerStore({ a: 'x' });
    const heard: string[] = [];
    store.subscribe('a', () => heard.push('a'));
    store.subscribe('b', () => heard.push('b'));
    store.subscribe('g[r1].q', () => heard.push('g[r1].q'));
    store.set('b', 'typed');
    store.set('g[r1].q', 3);
    expect(heard).toEqual(['b', 'g[r1].q']);
    expect(store.get('b')).toBe('typed');
    expect(store.get('g[r1].q')).toBe(3);
  });

  it('reads an unanswered path as null', () => {
    expect(createAnswerStore({}).get('missing')).toBeNull();
  });

  it('never changes a snapshot handed out before a change', () => {
    const store = createAnswerStore({ a: 'old' });
    const before = store.all();
    store.set('a', 'new');
    expect(before).toEqual({ a: 'old' });
    expect(store.all()).toEqual({ a: 'new' });
    expect(store.all()).not.toBe(before);
  });

  it('stops calling a listener once it unsubscribes, and keeps the others', () => {
    const store = createAnswerStore({});
    let first = 0;
    let second = 0;
    const stop = store.subscribe('a', () => (first += 1));
    store.subscribe('a', () => (second += 1));
    store.set('a', 1);
    stop();
    store.set('a', 2);
    expect([first, second]).toEqual([1, 2]);
  });
});
