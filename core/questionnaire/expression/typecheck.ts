import { patternFor, PatternError } from '../pattern/index.js';
import type { Expr, FunctionName } from './ast.js';
import { ExpressionError } from './errors.js';
import { comparable, isTextual, type RefInfo, TYPE_WORDS, type TypeEnv, unify, type ValueType } from './types.js';

/**
 * Infers the type of an expression, or throws an ExpressionError at the first misuse:
 * unknown question, wrong operand type, wrong number of arguments, unknown choice value.
 */
export function typeOf(expr: Expr, env: TypeEnv): ValueType {
  switch (expr.kind) {
    case 'literal':
      if (expr.value === null) return 'null';
      return typeof expr.value === 'number' ? 'number' : typeof expr.value === 'string' ? 'string' : 'boolean';
    case 'ref':
      return env.resolve(expr.id, expr.span).type;
    case 'self':
      return selfInfo(expr, env).type;
    case 'negate':
      expectType(expr.operand, env, ['number'], 'unary "-"');
      return 'number';
    case 'binary':
      return binaryType(expr, env);
    case 'call':
      return callType(expr, env);
  }
}

function selfInfo(expr: Expr, env: TypeEnv): RefInfo {
  if (!env.self) throw new ExpressionError('"." can only be used in a constraint (the answer itself) or a choiceFilter (the choice offered)', expr.span);
  return env.self;
}

function expectType(expr: Expr, env: TypeEnv, allowed: readonly ValueType[], where: string): ValueType {
  const type = typeOf(expr, env);
  if (type === 'null' || allowed.includes(type)) return type;
  const wanted = allowed.map((t) => TYPE_WORDS[t]).join(' or ');
  throw new ExpressionError(`${where} needs ${wanted}, but this is ${TYPE_WORDS[type]}`, expr.span);
}

function binaryType(expr: Expr & { kind: 'binary' }, env: TypeEnv): ValueType {
  const { op, left, right } = expr;
  if (op === 'and' || op === 'or') {
    expectType(left, env, ['boolean'], `"${op}"`);
    expectType(right, env, ['boolean'], `"${op}"`);
    return 'boolean';
  }
  if (op === '+' || op === '-' || op === '*' || op === '/') {
    expectType(left, env, ['number'], `"${op}"`);
    expectType(right, env, ['number'], `"${op}"`);
    return 'number';
  }
  const a = typeOf(left, env);
  const b = typeOf(right, env);
  if (op === '=' || op === '!=') {
    if (!comparable(a, b)) {
      const hint = a === 'list' || b === 'list' ? ' (use selected(…) for a multiple choice)' : '';
      throw new ExpressionError(`cannot compare ${TYPE_WORDS[a]} with ${TYPE_WORDS[b]}${hint}`, expr.span);
    }
    return 'boolean';
  }
  const ordered = (t: ValueType): boolean => t === 'null' || t === 'number' || isTextual(t);
  if (!ordered(a) || !ordered(b) || !comparable(a, b)) {
    throw new ExpressionError(`"${op}" compares two numbers or two texts/dates, not ${TYPE_WORDS[a]} and ${TYPE_WORDS[b]}`, expr.span);
  }
  return 'boolean';
}

const ARITY: Readonly<Record<FunctionName, readonly [number, number]>> = {
  not: [1, 1],
  selected: [2, 2],
  'count-selected': [1, 1],
  count: [1, 1],
  if: [3, 3],
  'string-length': [1, 1],
  today: [0, 0],
  year: [1, 1],
  'choice-attr': [2, 2],
  coalesce: [2, 20],
  concat: [1, 20],
  round: [1, 2],
  regex: [2, 2],
};

function arityText([min, max]: readonly [number, number]): string {
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

/** The first argument of selected(), count()…: a question reference or `.`. */
function questionArg(expr: Expr, env: TypeEnv, fn: string): RefInfo {
  if (expr.kind === 'ref') return env.resolve(expr.id, expr.span);
  if (expr.kind === 'self') return selfInfo(expr, env);
  throw new ExpressionError(`the first argument of ${fn}() must be a question, such as \${q}`, expr.span);
}

function callType(expr: Expr & { kind: 'call' }, env: TypeEnv): ValueType {
  const { name, args } = expr;
  const [min, max] = ARITY[name];
  if (args.length < min || args.length > max) {
    throw new ExpressionError(`${name}() takes ${arityText(ARITY[name])}, not ${args.length}`, expr.span);
  }
  const [a, b, c] = args as [Expr, Expr, Expr];
  switch (name) {
    case 'not':
      expectType(a, env, ['boolean'], 'not()');
      return 'boolean';
    case 'selected': {
      const info = questionArg(a, env, name);
      if (info.type !== 'list' && info.type !== 'string') {
        throw new ExpressionError(`selected() needs a choice question, but this is ${TYPE_WORDS[info.type]}`, a.span);
      }
      expectType(b, env, ['string'], 'the second argument of selected()');
      checkChoiceValue(b, info);
      return 'boolean';
    }
    case 'count-selected': {
      const info = questionArg(a, env, name);
      if (info.type !== 'list' && info.type !== 'string') {
        throw new ExpressionError(`count-selected() needs a choice question, but this is ${TYPE_WORDS[info.type]}`, a.span);
      }
      return 'number';
    }
    case 'count': {
      const info = questionArg(a, env, name);
      if (!['rows', 'files', 'list'].includes(info.type)) {
        throw new ExpressionError(`count() needs a repeat group, an attachment or a multiple choice, but this is ${TYPE_WORDS[info.type]}`, a.span);
      }
      return 'number';
    }
    case 'if': {
      expectType(a, env, ['boolean'], 'the condition of if()');
      const type = unify(typeOf(b, env), typeOf(c, env));
      if (type === undefined) throw new ExpressionError('the two results of if() must have the same type', expr.span);
      return type;
    }
    case 'string-length':
      expectType(a, env, ['string', 'date'], 'string-length()');
      return 'number';
    case 'today':
      return 'date';
    case 'year':
      expectType(a, env, ['date', 'string'], 'year()');
      return 'number';
    case 'choice-attr':
      return choiceAttrType(a, b, env);
    case 'coalesce':
      return args.reduce<ValueType>((acc, arg) => {
        const type = unify(acc, typeOf(arg, env));
        if (type === undefined) throw new ExpressionError('all arguments of coalesce() must have the same type', arg.span);
        return type;
      }, 'null');
    case 'concat':
      for (const arg of args) expectType(arg, env, ['string', 'date', 'number'], 'concat()');
      return 'string';
    case 'round':
      expectType(a, env, ['number'], 'round()');
      if (args.length > 1) expectType(b, env, ['number'], 'the digits of round()');
      return 'number';
    case 'regex':
      expectType(a, env, ['string', 'date'], 'regex()');
      checkPattern(b);
      return 'boolean';
  }
}

/** The pattern of regex() is a text written in the expression, checked (and compiled) when the file is loaded. */
function checkPattern(expr: Expr): void {
  if (!(expr.kind === 'literal' && typeof expr.value === 'string')) {
    throw new ExpressionError("the pattern of regex() must be a text such as '^[0-9]+$'", expr.span);
  }
  try {
    patternFor(expr.value);
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    throw new ExpressionError(`the pattern of regex(), at character ${error.index + 1}: ${error.message}`, expr.span);
  }
}

function checkChoiceValue(expr: Expr, info: RefInfo): void {
  if (expr.kind === 'literal' && typeof expr.value === 'string' && info.choices && !info.choices.has(expr.value)) {
    throw new ExpressionError(`"${expr.value}" is not one of the question's choice values`, expr.span);
  }
}

function choiceAttrType(a: Expr, b: Expr, env: TypeEnv): ValueType {
  const info = questionArg(a, env, 'choice-attr');
  if (info.type !== 'string' || !info.choices) {
    throw new ExpressionError('choice-attr() needs a single choice question', a.span);
  }
  if (!(b.kind === 'literal' && typeof b.value === 'string')) {
    throw new ExpressionError("the attribute name of choice-attr() must be a text such as 'kind'", b.span);
  }
  if (!info.attributes?.has(b.value)) {
    throw new ExpressionError(`no choice of this question has the attribute "${b.value}"`, b.span);
  }
  return 'string';
}
