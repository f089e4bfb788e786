import { parseAnswerPath } from '../../../core/answers/path.js';
import { AppError } from '../../../core/contract/errors.js';
import { allowsOther, type LoadedQuestionnaire, type QuestionNode } from '../../../core/questionnaire/index.js';

/** What an answer path names in a questionnaire. */
export type PathTarget = { kind: 'question'; node: QuestionNode; other: boolean } | { kind: 'rows'; groupId: string };

const refuse = (path: string, why: string): AppError =>
  new AppError('VALIDATION_FAILED', `The answer "${path}" does not fit this questionnaire: ${why}.`, { path });

/**
 * Resolves an answer path against the draft's questionnaire, refusing paths that
 * could never be shown to the user (unknown question, a repeat-row question used
 * outside its row, an "Other" text on a question without "Other"): such rows would
 * be invisible in the form yet end up in the submission.
 */
export function resolveAnswerPath(loaded: LoadedQuestionnaire, path: string): PathTarget {
  const parsed = parseAnswerPath(path);
  if (!parsed) throw refuse(path, 'it is not an answer path');
  const node = loaded.nodes.get(parsed.questionId);
  if (node?.kind === 'group' && node.group.repeat === true && !parsed.row && !parsed.other) {
    return { kind: 'rows', groupId: node.id };
  }
  if (node?.kind !== 'question') throw refuse(path, `there is no question "${parsed.questionId}"`);
  if (parsed.row) {
    if (node.repeatGroupId !== parsed.row.group) throw refuse(path, `"${node.id}" is not in the repeat group "${parsed.row.group}"`);
  } else if (node.repeatGroupId !== undefined) {
    throw refuse(path, `"${node.id}" is answered per row of "${node.repeatGroupId}"`);
  }
  if (parsed.other && !allowsOther(node.question)) {
    throw refuse(path, `"${node.id}" has no "Other (specify)" text`);
  }
  return { kind: 'question', node, other: parsed.other };
}

/** Whether a path names something in the questionnaire (copying answers to another version). */
export function fitsQuestionnaire(loaded: LoadedQuestionnaire, path: string): boolean {
  try {
    resolveAnswerPath(loaded, path);
    return true;
  } catch {
    return false;
  }
}
