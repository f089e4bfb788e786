import { z } from 'zod';
import { ROW_ID_PATTERN } from './value.js';

/**
 * Answer paths address one stored value:
 *
 *   question                     a top-level question
 *   question.other               the "Other (specify)" text of a choice question
 *   group                        a repeat group: the ordered list of its row ids
 *   group[rowId].question        a question inside one row of a repeat group
 *   group[rowId].question.other  its "Other (specify)" text
 *
 * Rows are addressed by a stable id, never by position, so reordering or deleting
 * a row never moves another row's answers.
 */
const ID = '[A-Za-z][A-Za-z0-9_]{0,63}';
const ROW = ROW_ID_PATTERN.source.slice(1, -1);
const PATH_PATTERN = new RegExp(`^${ID}(\\[${ROW}\\]\\.${ID})?(\\.other)?$`);

export const answerPathSchema = z
  .string()
  .max(300)
  .regex(PATH_PATTERN, 'an answer path such as "q", "q.other" or "group[rowId].q"');

/** A row of a repeat group, by its stable id. */
export interface RowRef {
  readonly group: string;
  readonly rowId: string;
}

export interface ParsedAnswerPath {
  /** The repeat group and row, when the path is inside a repeat row. */
  readonly row?: RowRef;
  readonly questionId: string;
  readonly other: boolean;
}

const OTHER_SUFFIX = '.other';

export function parseAnswerPath(path: string): ParsedAnswerPath | undefined {
  if (!PATH_PATTERN.test(path)) return undefined;
  const other = path.endsWith(OTHER_SUFFIX);
  const body = other ? path.slice(0, -OTHER_SUFFIX.length) : path;
  const match = /^([^[]+)\[([^\]]+)\]\.(.+)$/.exec(body);
  if (match?.[1] !== undefined && match[2] !== undefined && match[3] !== undefined) {
    return { row: { group: match[1], rowId: match[2] }, questionId: match[3], other };
  }
  return { questionId: body, other };
}

export function formatAnswerPath(p: ParsedAnswerPath): string {
  const base = answerPath(p.questionId, p.row);
  return p.other ? otherPath(base) : base;
}

/** The path of a question's answer: `q` at the top, `group[rowId].q` inside a repeat row. */
export function answerPath(questionId: string, row?: RowRef): string {
  return row ? `${row.group}[${row.rowId}].${questionId}` : questionId;
}

/** The path of the "Other (specify)" text that goes with the answer at `path`. */
export function otherPath(path: string): string {
  return `${path}${OTHER_SUFFIX}`;
}
