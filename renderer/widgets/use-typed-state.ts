import { useState } from 'react';
import type { AnswerValue } from '../../core/answers/value.js';

/**
 * What a box shows, kept exactly as typed ("1.", a half-typed date) while the stored answer
 * is derived from it; when the answer changes from outside (a value restored from history),
 * the box shows that value instead. `update(shown, stored)` records a keystroke and what it stores.
 */
export function useTypedState<T>(value: AnswerValue, fromValue: (value: AnswerValue) => T) {
  const [shown, setShown] = useState(() => fromValue(value));
  const [emitted, setEmitted] = useState(value);
  if (value !== emitted) {
    setEmitted(value);
    setShown(fromValue(value));
  }
  const update = (next: T, stored: AnswerValue) => {
    setShown(next);
    setEmitted(stored);
  };
  return [shown, update] as const;
}
