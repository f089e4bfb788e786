import { describe, expect, it } from 'vitest';
import {
  type EvalEnv,
  evaluateExpression,
  ExpressionError,
  parseExpression,
  printExpression,
  type RefInfo,
  stripSpans,
  type TypeEnv,
  typeOf,
} from '../../../core/questionnaire/expression/index.js';
import type { AnswerValue } from '../../../core/answers/value.js';

function parseError(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected a parse error for ${source}`);
}

const INFOS: Record<string, RefInfo> = {
  n: { type: 'number' },
  m: { type: 'number' },
  s: { type: 'string', choices: new Set(['a', 'b', 'other']), attributes: new Set(['kind']) },
  t: { type: 'string' },
  d: { type: 'date' },
  l: { type: 'list', choices: new Set(['x', 'y']) },
  g: { type: 'rows' },
  f: { type: 'files' },
};
const typeEnv: TypeEnv = {
  resolve(id, span) {
    const info = INFOS[id];
    if (!info) throw new ExpressionError(`unknown question "${id}"`, span);
    return info;
  },
};

function run(source: string, values: Record<string, AnswerValue>, self?: AnswerValue): AnswerValue {
  const env: EvalEnv = {
    value: (id) => values[id] ?? null,
    today: '2026-11-27',
    choiceAttr: (q, v, name) => (q === 's' && v === 'a' && name === 'kind' ? 'rcp' : null),
    ...(self === undefined ? {} : { self: { id: 's', value: self } }),
  };
  return evaluateExpression(parseExpression(source), env);
}

describe('parser', () => {
  it('parses with precedence and source spans', () => {
    const ast = parseExpression("${a} = 1 or ${b} > 2 and not(selected(${c}, 'x'))");
    expect(printExpression(ast)).toBe("${a} = 1 or ${b} > 2 and not(selected(${c}, 'x'))");
    expect(ast.kind === 'binary' && ast.op).toBe('or');
    expect(ast.span).toEqual({ start: 0, end: 49 });
    if (ast.kind !== 'binary') throw new Error('binary expected');
    expect(ast.right.kind === 'binary' && ast.right.op).toBe('and');
    expect(ast.right.span.start).toBe(12);
  });

  it('is left-associative and prints only the parentheses needed', () => {
    expect(printExpression(parseExpression('(1 - 2) - 3'))).toBe('1 - 2 - 3');
    expect(printExpression(parseExpression('1 - (2 - 3)'))).toBe('1 - (2 - 3)');
    expect(printExpression(parseExpression('(1 + 2) * -(3)'))).toBe('(1 + 2) * -3');
    expect(printExpression(parseExpression('-(1 + 2)'))).toBe('-(1 + 2)');
    expect(printExpression(parseExpression('"it\'s"'))).toBe('"it\'s"');
    expect(stripSpans(parseExpression('((.))'))).toEqual({ kind: 'self' });
  });

  it('reads numbers, texts, references, keywords and hyphenated function names', () => {
    expect(stripSpans(parseExpression("count-selected(${q_1}) >= 2.5e1 and true != null and 'x' = \"x\""))).toMatchObject({ op: 'and' });
    expect(stripSpans(parseExpression('today()'))).toEqual({ kind: 'call', name: 'today', args: [] });
  });

  it('reports errors with positions', () => {
    expect(parseError('1 +').message).toBe('the expression ends too early');
    expect(parseError('1 +').column).toBe(4);
    expect(parseError('foo(1)').message).toBe('unknown function "foo"');
    expect(parseError('${a} = respondent').message).toBe('unexpected "respondent" (a question is written ${respondent})');
    expect(parseError('${a} = respondent').column).toBe(8);
    expect(parseError("'open").message).toBe("text starting here has no closing '");
    expect(parseError('$a').message).toBe('a question reference is written ${question_id}');
    expect(parseError('1 # 2').column).toBe(3);
    expect(parseError('(1').message).toBe('expected a closing ")", found end of the expression');
    expect(parseError('1 2').message).toBe('unexpected number 2 after the end of the expression');
    expect(parseError('if(1, 2').message).toBe('expected "," or ")" in the call of if(), found end of the expression');
    expect(parseError('('.repeat(200) + '1' + ')'.repeat(200)).message).toMatch(/nested more than 100 levels/);
    expect(parseError(Array(300).fill('1').join(' + ')).message).toMatch(/nested more than 100 levels/);
    expect(parseError('1e999').message).toBe('number 1e999 is too large');
  });
});

describe('type checker', () => {
  const typeError = (source: string, env: TypeEnv = typeEnv): string => {
    try {
      typeOf(parseExpression(source), env);
    } catch (error) {
      if (error instanceof ExpressionError) return `${error.column}: ${error.message}`;
      throw error;
    }
    return 'no error';
  };

  it('infers types', () => {
    expect(typeOf(parseExpression('${n} + 1'), typeEnv)).toBe('number');
    expect(typeOf(parseExpression("${d} < today() and ${s} = 'a'"), typeEnv)).toBe('boolean');
    expect(typeOf(parseExpression("if(${n} > 1, ${d}, 'x')"), typeEnv)).toBe('string');
    expect(typeOf(parseExpression("choice-attr(${s}, 'kind')"), typeEnv)).toBe('string');
    expect(typeOf(parseExpression('count(${g}) + count(${f}) + count-selected(${l})'), typeEnv)).toBe('number');
    expect(typeOf(parseExpression("concat(${t}, ' ', round(${n} / 3, 2))"), typeEnv)).toBe('string');
    expect(typeOf(parseExpression('coalesce(${n}, 0)'), typeEnv)).toBe('number');
  });

  it('reports misuse with the position of the culprit', () => {
    expect(typeError('${zz} = 1')).toBe('1: unknown question "zz"');
    expect(typeError("${n} + 'a'")).toBe('8: "+" needs a number, but this is a text');
    expect(typeError("${l} = 'x'")).toBe('1: cannot compare a list of selected choices with a text (use selected(…) for a multiple choice)');
    expect(typeError('${n} and true')).toBe('1: "and" needs true/false, but this is a number');
    expect(typeError("selected(${l}, 'z')")).toBe('16: "z" is not one of the question\'s choice values');
    expect(typeError("selected('x', 'z')")).toBe('10: the first argument of selected() must be a question, such as ${q}');
    expect(typeError('count(${n})')).toBe('7: count() needs a repeat group, an attachment or a multiple choice, but this is a number');
    expect(typeError("choice-attr(${s}, 'size')")).toBe('19: no choice of this question has the attribute "size"');
    expect(typeError('not(1, 2)')).toBe('1: not() takes 1 argument, not 2');
    expect(typeError("if(true, 1, 'a')")).toBe('1: the two results of if() must have the same type');
    expect(typeError('. > 1')).toBe('1: "." can only be used in a constraint (the answer itself) or a choiceFilter (the choice offered)');
    expect(typeError('. > 1', { ...typeEnv, self: { type: 'number' } })).toBe('no error');
    expect(typeError("${d} < 3")).toBe('1: "<" compares two numbers or two texts/dates, not a date and a number');
  });
});

describe('interpreter', () => {
  it('computes arithmetic, logic and functions', () => {
    expect(run('1 + 2 * 3 - -1', {})).toBe(8);
    expect(run('7 / 0', {})).toBeNull();
    expect(run('${n} + 1', {})).toBeNull();
    expect(run("selected(${l}, 'x') and count-selected(${l}) = 2", { l: ['x', 'y'] })).toBe(true);
    expect(run("selected(${s}, 'a')", { s: 'a' })).toBe(true);
    expect(run('count(${g})', { g: ['r1', 'r2', 'r3'] })).toBe(3);
    expect(run("if(${n} > 5, 'big', 'small')", { n: 6 })).toBe('big');
    expect(run("string-length('héllo')", {})).toBe(5);
    expect(run('today()', {})).toBe('2026-11-27');
    expect(run('year(today())', {})).toBe(2026);
    expect(run("choice-attr(${s}, 'kind')", { s: 'a' })).toBe('rcp');
    expect(run("choice-attr(${s}, 'kind')", { s: 'b' })).toBeNull();
    expect(run("coalesce(${n}, 4)", {})).toBe(4);
    expect(run("concat('a', 1, ${t})", { t: 'z' })).toBe('a1z');
    expect(run('round(2.345, 2)', {})).toBe(2.35);
    expect(run('. >= 3', {}, 4)).toBe(true);
  });

  it('treats unanswered as null: comparisons are false except with the literal null', () => {
    expect(run("${s} = 'a'", {})).toBe(false);
    expect(run("${s} != 'a'", {})).toBe(false);
    expect(run('${s} = null', {})).toBe(true);
    expect(run('${s} != null', { s: 'a' })).toBe(true);
    expect(run('${s} = null', { s: '' })).toBe(true);
    expect(run('${l} = null', { l: [] })).toBe(true);
    expect(run("${s} != 'a'", { s: 'b' })).toBe(true);
    expect(run('not(${n} > 1)', {})).toBe(true);
    expect(run('${n} > 1 or true', {})).toBe(true);
  });
});
