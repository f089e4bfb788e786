import { answerPath } from '../answers/path.js';
import { storedRowIds, type AnswerMap, type AnswerValue } from '../answers/value.js';
import { type EvalEnv, type Expr, evaluateCondition, evaluateExpression, ExpressionError, isEmpty } from './expression/index.js';
import type { LoadedQuestionnaire, QuestionNode } from './loaded.js';

/** A repeat row in which expressions are evaluated, if any. */
export interface RowContext {
  readonly group: string;
  readonly rowId: string;
}

/** The first pass: relevance of everything, and the value of every question as expressions see it. */
export interface ValuePass {
  /** Node id (or row path `group[row].question`) → relevant. */
  readonly relevant: Map<string, boolean>;
  /** Answer path → effective value (calculated or answered), null when not relevant or unanswered. */
  readonly values: Map<string, AnswerValue>;
  /** Answer path → calculated value, for questions whose `calculate` gave a value. */
  readonly calculated: Map<string, AnswerValue>;
  /** Repeat group id → its row ids (none when the group is not relevant). */
  readonly rows: Map<string, readonly string[]>;
  env(row: RowContext | undefined, self?: EvalEnv['self']): EvalEnv;
}

export function rowPath(row: RowContext | undefined, id: string): string {
  return answerPath(id, row);
}

export { storedRowIds };

/** Evaluates a condition; a failure (impossible after a successful load) counts as false. */
export function safeCondition(expr: Expr, env: EvalEnv): boolean {
  try {
    return evaluateCondition(expr, env);
  } catch (error) {
    if (error instanceof ExpressionError) return false;
    throw error;
  }
}

function safeValue(expr: Expr, env: EvalEnv): AnswerValue {
  try {
    return evaluateExpression(expr, env);
  } catch (error) {
    if (error instanceof ExpressionError) return null;
    throw error;
  }
}

export function computeValues(loaded: LoadedQuestionnaire, answers: AnswerMap, today: string): ValuePass {
  const relevant = new Map<string, boolean>();
  const values = new Map<string, AnswerValue>();
  const calculated = new Map<string, AnswerValue>();
  const rows = new Map<string, readonly string[]>();
  const choiceAttr = (questionId: string, value: string, name: string): string | null =>
    loaded.questions.get(questionId)?.choices?.find((c) => c.value === value)?.attributes?.[name] ?? null;
  const env = (row: RowContext | undefined, self?: EvalEnv['self']): EvalEnv => ({
    today,
    choiceAttr,
    ...(self ? { self } : {}),
    value(id: string): AnswerValue {
      const node = loaded.nodes.get(id);
      const inRow = row !== undefined && node?.repeatGroupId === row.group;
      return values.get(inRow ? rowPath(row, id) : id) ?? null;
    },
  });
  // One environment for the top level, one per repeat row: not one per expression evaluated.
  const topEnv = env(undefined);
  const rowEnvs = new Map<string, EvalEnv>();
  const envOf = (row: RowContext | undefined): EvalEnv => {
    if (!row) return topEnv;
    const key = `${row.group}[${row.rowId}]`;
    let rowEnv = rowEnvs.get(key);
    if (!rowEnv) {
      rowEnv = env(row);
      rowEnvs.set(key, rowEnv);
    }
    return rowEnv;
  };
  const setQuestion = (node: QuestionNode, row: RowContext | undefined, isRelevant: boolean): void => {
    const path = rowPath(row, node.id);
    if (!isRelevant) {
      values.set(path, null);
      return;
    }
    const calc = node.calculate ? safeValue(node.calculate, envOf(row)) : null;
    if (calc !== null && !isEmpty(calc)) calculated.set(path, calc);
    const answer = answers[path];
    values.set(path, calc !== null && !isEmpty(calc) ? calc : answer === undefined || isEmpty(answer) ? null : answer);
  };
  for (const id of loaded.evaluationOrder) {
    const node = loaded.nodes.get(id);
    if (!node) continue;
    if (node.repeatGroupId !== undefined) {
      const group = node.repeatGroupId;
      for (const rowId of rows.get(group) ?? []) {
        const row = { group, rowId };
        const isRelevant = node.relevant ? safeCondition(node.relevant, envOf(row)) : true;
        relevant.set(rowPath(row, id), isRelevant);
        if (node.kind === 'question') setQuestion(node, row, isRelevant);
      }
      continue;
    }
    const parentRelevant = node.parentId === undefined ? true : relevant.get(node.parentId) === true;
    const isRelevant = parentRelevant && (node.relevant ? safeCondition(node.relevant, topEnv) : true);
    relevant.set(id, isRelevant);
    if (node.kind === 'question') setQuestion(node, undefined, isRelevant);
    if (node.kind === 'group' && node.group.repeat === true) {
      const ids = isRelevant ? storedRowIds(answers[id]) : [];
      rows.set(id, ids);
      values.set(id, isRelevant ? ids : null);
    }
  }
  return { relevant, values, calculated, rows, env: (row, self) => (self ? env(row, self) : envOf(row)) };
}
