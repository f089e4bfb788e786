import type { Span } from './ast.js';

/**
 * The static type of an expression. `date` is a `YYYY-MM-DD` text: it compares with text.
 * `list` is a multiple choice's selection, `matrix` a matrix answer, `files` an attachment's
 * files and `rows` a repeat group's rows; those four are only usable through functions.
 */
export type ValueType = 'number' | 'string' | 'date' | 'boolean' | 'list' | 'matrix' | 'files' | 'rows' | 'null';

/** What the type checker knows about a referenced question (or `.`). */
export interface RefInfo {
  readonly type: ValueType;
  /** The allowed choice values, for choice and scale questions. */
  readonly choices?: ReadonlySet<string>;
  /** The attribute names that at least one of its choices has. */
  readonly attributes?: ReadonlySet<string>;
}

export interface TypeEnv {
  /** Resolves `${id}`, or throws an ExpressionError at `span` (unknown question, wrong place…). */
  resolve(id: string, span: Span): RefInfo;
  /** The type of `.`; undefined where `.` is not allowed (anywhere but a constraint or a choice filter). */
  readonly self?: RefInfo;
}

export const TYPE_WORDS: Readonly<Record<ValueType, string>> = {
  number: 'a number',
  string: 'a text',
  date: 'a date',
  boolean: 'true/false',
  list: 'a list of selected choices',
  matrix: 'a matrix answer',
  files: 'a list of files',
  rows: 'the rows of a repeat group',
  null: 'null',
};

export function isTextual(type: ValueType): boolean {
  return type === 'string' || type === 'date';
}

/** Whether values of two types may be compared with `=` and `!=`. */
export function comparable(a: ValueType, b: ValueType): boolean {
  if (a === 'null' || b === 'null') return true;
  if (isTextual(a) && isTextual(b)) return true;
  return a === b && (a === 'number' || a === 'boolean');
}

/** The common type of two branches (`if`, `coalesce`), or undefined when they do not mix. */
export function unify(a: ValueType, b: ValueType): ValueType | undefined {
  if (a === b) return a;
  if (a === 'null') return b;
  if (b === 'null') return a;
  if (isTextual(a) && isTextual(b)) return 'string';
  return undefined;
}
