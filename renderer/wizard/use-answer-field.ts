import { useCallback } from 'react';
import type { AnswerValue } from '../../core/answers/value.js';
import { useFieldSession } from '../draft/session-context.js';
import { useKeyedValue } from './use-keyed-value.js';

/**
 * One answer's value and the function that changes it. The value comes from the draft's
 * answer store (this path only); a change goes to the section's react-hook-form values (for
 * its zod schema), to the autosaver, and asks for validation once typing pauses.
 * Why not react-hook-form's `useController`: each of its fields listens to every change in
 * the form and copies all the form's values on each keystroke; in a thousand-question section
 * that cost more than the rest of a keystroke together.
 */
export function useAnswerField(path: string, name: string) {
  const session = useFieldSession();
  const { answers, setFormValue, errors, answer, validate } = session;
  const value = useKeyedValue(answers, path);
  const change = useCallback(
    (next: AnswerValue, typing?: boolean) => {
      setFormValue(name, next);
      errors.clear(name);
      answer(path, next, typing);
      validate();
    },
    [setFormValue, errors, answer, validate, name, path],
  );
  return { value, change };
}
