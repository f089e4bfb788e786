import { useCallback } from 'react';
import type { AnswerValue } from '../../core/answers/value.js';
import type { Problem } from '../../core/questionnaire/index.js';
import { useFieldSession } from './field-session.js';
import { useKeyedValue } from './use-keyed-value.js';

/**
 * One answer's value, the engine's problems at its path, and the function that changes it.
 * The field re-renders when this path's value or problems change, and for nothing else.
 */
export function useAnswerField(path: string): { value: AnswerValue; problems: readonly Problem[] | undefined; change: (next: AnswerValue, typing?: boolean) => void } {
  const { answers, problems, change: record } = useFieldSession();
  const value = useKeyedValue(answers, path);
  const found = useKeyedValue(problems, path);
  const change = useCallback((next: AnswerValue, typing?: boolean) => record(path, next, typing), [record, path]);
  return { value, problems: found, change };
}
