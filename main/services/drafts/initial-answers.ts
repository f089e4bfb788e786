import { AppError } from '../../../core/contract/errors.js';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { LoadedQuestionnaire } from '../../../core/questionnaire/index.js';

/** The questions the first screen of "new draft" answers, by their stable ids in the questionnaire. */
export const RESPONDENT_KIND_QUESTION = 'respondent_kind';
export const MECHANISM_QUESTION = 'mechanism';

function checkChoice(loaded: LoadedQuestionnaire, questionId: string, value: string): boolean {
  const node = loaded.questions.get(questionId);
  if (!node || node.repeatGroupId !== undefined) return false;
  if (node.choices && !node.choices.some((c) => c.value === value)) {
    throw new AppError('VALIDATION_FAILED', `"${value.slice(0, 64)}" is not one of the choices for ${questionId}.`, { path: questionId });
  }
  return true;
}

/**
 * The answers a new draft starts with: the respondent kind and the mechanism chosen
 * before the draft exists, saved as ordinary answers so skip logic sees them (a
 * questionnaire without such a question simply does not get that answer).
 */
export function initialAnswers(loaded: LoadedQuestionnaire, respondentKind: string, mechanism: string | null): Record<string, AnswerValue> {
  const initial: Record<string, AnswerValue> = {};
  if (checkChoice(loaded, RESPONDENT_KIND_QUESTION, respondentKind)) initial[RESPONDENT_KIND_QUESTION] = respondentKind;
  if (mechanism !== null && checkChoice(loaded, MECHANISM_QUESTION, mechanism)) initial[MECHANISM_QUESTION] = mechanism;
  return initial;
}
