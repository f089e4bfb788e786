import type { LoadedQuestionnaire } from '../questionnaire/index.js';
import { foldForSearch } from './fold.js';

const TEXTUAL = new Set(['text', 'long_text']);

/** Where a questionnaire's written answers are: its text questions at the top, and in each repeat group's rows. */
interface WrittenAnswers {
  readonly top: readonly string[];
  readonly repeats: readonly { readonly groupId: string; readonly members: readonly string[] }[];
}

const found = new WeakMap<LoadedQuestionnaire, WrittenAnswers>();

/** Known once per questionnaire: reading all of a response's ~90 answers to find its ~30 written ones cost most of the work. */
function writtenAnswersOf(loaded: LoadedQuestionnaire): WrittenAnswers {
  let where = found.get(loaded);
  if (!where) {
    const top: string[] = [];
    const members = new Map<string, string[]>();
    for (const id of loaded.documentOrder) {
      const node = loaded.nodes.get(id);
      if (node?.kind === 'group' && node.group.repeat === true && !members.has(id)) members.set(id, []);
      const question = loaded.questions.get(id);
      if (!question || !TEXTUAL.has(question.question.type)) continue;
      if (question.repeatGroupId === undefined) top.push(id);
      else members.set(question.repeatGroupId, [...(members.get(question.repeatGroupId) ?? []), id]);
    }
    where = { top, repeats: [...members].map(([groupId, ids]) => ({ groupId, members: ids })) };
    found.set(loaded, where);
  }
  return where;
}

const isRepeatRows = (value: unknown[]): value is Record<string, unknown>[] => {
  for (const v of value) if (typeof v !== 'object' || v === null || !('_row' in v)) return false;
  return true;
};

/**
 * A response's written answers, one per line: its text and long-text answers, those in repeat
 * rows, and every "Other" text. Choice codes, numbers and dates are not in it: the table's
 * search finds those by their words in the reader's language, which this text cannot know.
 */
export function writtenAnswersText(loaded: LoadedQuestionnaire, responses: Record<string, unknown>): string {
  const where = writtenAnswersOf(loaded);
  // Joined once at the end: one flat string, where `+=` made a rope of ~30 pieces to flatten.
  const parts: string[] = [];
  const collect = (answers: Record<string, unknown>, ids: readonly string[]): void => {
    for (const id of ids) {
      const value = answers[id];
      if (typeof value === 'string') parts.push(value);
    }
    const others = answers._other;
    if (typeof others === 'object' && others !== null)
      for (const other of Object.values(others)) if (typeof other === 'string') parts.push(other);
  };
  collect(responses, where.top);
  for (const { groupId, members } of where.repeats) {
    const rows = responses[groupId];
    if (Array.isArray(rows) && isRepeatRows(rows)) for (const r of rows) collect(r, members);
  }
  return parts.join('\n');
}

/** What the search looks through in a response's answers: its written answers, folded. Made once per revision, at import. */
export const answersSearchText = (loaded: LoadedQuestionnaire, responses: Record<string, unknown>): string =>
  foldForSearch(writtenAnswersText(loaded, responses));
