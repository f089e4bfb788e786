import { answerPath, otherPath } from '../answers/path.js';
import { storedRowIds, type AnswerMap, type AnswerValue } from '../answers/value.js';
import { checkValue } from './evaluate-checks.js';
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
  /** Answer path of each relevant question with a `choiceFilter` → the choice values it offers there. */
  readonly offered: Map<string, ReadonlySet<string>>;
  /**
   * Answer paths of calculated questions left empty because an answer their calculation reads
   * is invalid (wrong type, out of range, refused by its constraint…): rather than show a
   * negative or absurd figure, the calculation waits until that answer is corrected.
   */
  readonly withheld: ReadonlySet<string>;
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

const NONE: ReadonlySet<string> = new Set();

export function computeValues(loaded: LoadedQuestionnaire, answers: AnswerMap, today: string): ValuePass {
  const first = valuePass(loaded, answers, today, NONE);
  if (loaded.calculateOrder.length === 0) return first;
  const withheld = calculationsToWithhold(loaded, answers, first);
  // Withholding a value may change what depends on it (relevance, other calculations): one more pass.
  return withheld.size === 0 ? first : valuePass(loaded, answers, today, withheld);
}

function valuePass(loaded: LoadedQuestionnaire, answers: AnswerMap, today: string, withheld: ReadonlySet<string>): ValuePass {
  const relevant = new Map<string, boolean>();
  const values = new Map<string, AnswerValue>();
  const calculated = new Map<string, AnswerValue>();
  const rows = new Map<string, readonly string[]>();
  const offered = new Map<string, ReadonlySet<string>>();
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
    if (!isRelevant || withheld.has(path)) {
      values.set(path, null);
      return;
    }
    const calc = node.calculate ? safeValue(node.calculate, envOf(row)) : null;
    if (calc !== null && !isEmpty(calc)) calculated.set(path, calc);
    const answer = answers[path];
    values.set(path, calc !== null && !isEmpty(calc) ? calc : answer === undefined || isEmpty(answer) ? null : answer);
    if (node.choiceFilter && node.choices) {
      const filter = node.choiceFilter;
      const kept = node.choices.filter((c) => safeCondition(filter, env(row, { id: node.id, value: c.value })));
      offered.set(path, new Set(kept.map((c) => c.value)));
    }
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
  return { relevant, values, calculated, rows, offered, withheld, env: (row, self) => (self ? env(row, self) : envOf(row)) };
}

/**
 * The calculated answer paths that read an invalid answer, directly or through another
 * calculation withheld for that reason (calculations are visited in dependency order).
 * An unanswered input is not invalid; a missing "Other" text does not make a choice invalid.
 */
function calculationsToWithhold(loaded: LoadedQuestionnaire, answers: AnswerMap, pass: ValuePass): Set<string> {
  const withheld = new Set<string>();
  const context = { lang: loaded.questionnaire.defaultLanguage, text: () => '' };
  const invalid = (input: QuestionNode, path: string, row: RowContext | undefined): boolean => {
    const value = pass.values.get(path) ?? null;
    if (isEmpty(value)) return false;
    const offered = pass.offered.get(path);
    const issues = checkValue(input, value, answers[otherPath(path)], offered ? { ...context, offered } : context);
    if (issues.some((issue) => issue.other !== true)) return true;
    return input.constraint !== undefined && !safeCondition(input.constraint, pass.env(row, { id: input.id, value }));
  };
  for (const id of loaded.calculateOrder) {
    const node = loaded.questions.get(id);
    if (!node?.calculateInputs) continue;
    const group = node.repeatGroupId;
    const rowsOf = group === undefined ? [undefined] : (pass.rows.get(group) ?? []).map((rowId) => ({ group, rowId }));
    for (const row of rowsOf) {
      const path = rowPath(row, id);
      if (pass.relevant.get(path) !== true) continue;
      const blocked = node.calculateInputs.some((inputId) => {
        const input = loaded.questions.get(inputId);
        if (!input) return false;
        const inputRow = input.repeatGroupId !== undefined && input.repeatGroupId === group ? row : undefined;
        const inputPath = rowPath(inputRow, inputId);
        return withheld.has(inputPath) || invalid(input, inputPath, inputRow);
      });
      if (blocked) withheld.add(path);
    }
  }
  return withheld;
}
