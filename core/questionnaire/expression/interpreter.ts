import type { AnswerValue } from '../../answers/value.js';
import { patternFor, PatternError } from '../pattern/index.js';
import type { BinaryOp, Expr } from './ast.js';
import { ExpressionError } from './errors.js';

/** What an expression can read while it is evaluated. */
export interface EvalEnv {
  /** The current value of a question (inside a repeat row: that row's), null when unanswered or not relevant. */
  value(id: string): AnswerValue;
  /** The value of `.` (in a constraint) and the id of its question. */
  readonly self?: { readonly id: string; readonly value: AnswerValue };
  /** Today's date as `YYYY-MM-DD`. */
  readonly today: string;
  /** An attribute of the choice `value` of question `questionId`'s list, or null. */
  choiceAttr(questionId: string, value: string, name: string): string | null;
}

/** An empty text, list or object counts as unanswered, like null. */
export function isEmpty(value: AnswerValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function normalize(value: AnswerValue | undefined): AnswerValue {
  return value === undefined || isEmpty(value) ? null : value;
}

/**
 * Evaluates an AST. Never throws anything but an ExpressionError; values of an unexpected
 * type (possible only if the type checker was bypassed) behave like null.
 */
export function evaluateExpression(expr: Expr, env: EvalEnv): AnswerValue {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'ref':
      return normalize(env.value(expr.id));
    case 'self':
      return normalize(env.self?.value);
    case 'negate': {
      const v = evaluateExpression(expr.operand, env);
      return typeof v === 'number' ? finite(-v) : null;
    }
    case 'binary':
      return binary(expr.op, expr.left, expr.right, env);
    case 'call':
      return call(expr, env);
  }
}

/** Evaluates a condition: anything but `true` (null included) is false. */
export function evaluateCondition(expr: Expr, env: EvalEnv): boolean {
  return evaluateExpression(expr, env) === true;
}

function finite(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function isNullLiteral(expr: Expr): boolean {
  return expr.kind === 'literal' && expr.value === null;
}

function binary(op: BinaryOp, left: Expr, right: Expr, env: EvalEnv): AnswerValue {
  if (op === 'and') return evaluateCondition(left, env) && evaluateCondition(right, env);
  if (op === 'or') return evaluateCondition(left, env) || evaluateCondition(right, env);
  const a = evaluateExpression(left, env);
  const b = evaluateExpression(right, env);
  if (op === '=' || op === '!=') {
    // `x = null` / `x != null` test for an answer; any other comparison with null is false.
    if (isNullLiteral(left) || isNullLiteral(right)) return (a === null && b === null) === (op === '=');
    if (a === null || b === null) return false;
    const same = typeof a !== 'object' && a === b;
    return op === '=' ? same : !same && typeof a !== 'object' && typeof b !== 'object';
  }
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
    if (op === '<') return a < b;
    if (op === '<=') return a <= b;
    if (op === '>') return a > b;
    return a >= b;
  }
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  if (op === '+') return finite(a + b);
  if (op === '-') return finite(a - b);
  if (op === '*') return finite(a * b);
  return b === 0 ? null : finite(a / b);
}

function selection(value: AnswerValue): readonly unknown[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return typeof value === 'string' ? [value] : [];
}

function call(expr: Expr & { kind: 'call' }, env: EvalEnv): AnswerValue {
  const arg = (i: number): AnswerValue => {
    const node = expr.args[i];
    if (node === undefined) throw new ExpressionError(`${expr.name}() is missing argument ${i + 1}`, expr.span);
    return evaluateExpression(node, env);
  };
  switch (expr.name) {
    case 'not':
      return arg(0) !== true;
    case 'selected': {
      const wanted = arg(1);
      return typeof wanted === 'string' && selection(arg(0)).includes(wanted);
    }
    case 'count-selected':
      return selection(arg(0)).length;
    case 'count': {
      const v = arg(0);
      return Array.isArray(v) ? v.length : 0;
    }
    case 'if':
      return arg(0) === true ? arg(1) : arg(2);
    case 'string-length': {
      const v = arg(0);
      return typeof v === 'string' ? v.length : 0;
    }
    case 'today':
      return env.today;
    case 'year': {
      const v = arg(0);
      const match = typeof v === 'string' ? /^(\d{4})-\d{2}-\d{2}$/.exec(v) : null;
      return match?.[1] !== undefined ? Number(match[1]) : null;
    }
    case 'choice-attr':
      return choiceAttr(expr, env);
    case 'coalesce':
      for (let i = 0; i < expr.args.length; i += 1) {
        const v = arg(i);
        if (v !== null) return v;
      }
      return null;
    case 'concat':
      return expr.args.map((_, i) => {
        const v = arg(i);
        return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
      }).join('');
    case 'round': {
      const v = arg(0);
      const digits = expr.args.length > 1 ? arg(1) : 0;
      if (typeof v !== 'number' || typeof digits !== 'number') return null;
      const factor = 10 ** Math.max(0, Math.min(10, Math.trunc(digits)));
      return finite(Math.round(v * factor) / factor);
    }
    case 'regex':
      return regex(expr, arg(0), arg(1));
  }
}

/** Whether the text matches the pattern (somewhere, like XLSForm's regex(); anchor with ^ and $). Unanswered: false. */
function regex(expr: Expr & { kind: 'call' }, text: AnswerValue, source: AnswerValue): boolean {
  if (typeof text !== 'string' || typeof source !== 'string') return false;
  try {
    return patternFor(source).test(text);
  } catch (error) {
    // Impossible after a successful load, which compiles every pattern.
    if (error instanceof PatternError) throw new ExpressionError(`the pattern of regex() is not supported: ${error.message}`, expr.span);
    throw error;
  }
}

function choiceAttr(expr: Expr & { kind: 'call' }, env: EvalEnv): AnswerValue {
  const [question, nameNode] = expr.args;
  if (question === undefined || nameNode === undefined) {
    throw new ExpressionError('choice-attr() takes 2 arguments', expr.span);
  }
  const id = question.kind === 'ref' ? question.id : question.kind === 'self' ? env.self?.id : undefined;
  const value = evaluateExpression(question, env);
  const name = evaluateExpression(nameNode, env);
  if (id === undefined || typeof value !== 'string' || typeof name !== 'string') return null;
  return env.choiceAttr(id, value, name);
}
