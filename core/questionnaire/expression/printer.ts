import { type Expr, NEGATE_PRECEDENCE, PRECEDENCE } from './ast.js';
import { ExpressionError } from './errors.js';

/**
 * Prints an AST as canonical text: single spaces around operators, parentheses only where
 * needed, single quotes for text unless it contains one. Parsing the result gives back the
 * same tree (spans aside).
 */
export function printExpression(expr: Expr): string {
  return print(expr, 0);
}

function print(expr: Expr, minPrecedence: number): string {
  switch (expr.kind) {
    case 'literal':
      return printLiteral(expr.value, expr.span);
    case 'ref':
      return `\${${expr.id}}`;
    case 'self':
      return '.';
    case 'negate': {
      const text = `-${print(expr.operand, NEGATE_PRECEDENCE)}`;
      return NEGATE_PRECEDENCE < minPrecedence ? `(${text})` : text;
    }
    case 'binary': {
      const precedence = PRECEDENCE[expr.op];
      // Left-associative: an operand of equal strength on the right needs parentheses.
      const text = `${print(expr.left, precedence)} ${expr.op} ${print(expr.right, precedence + 1)}`;
      return precedence < minPrecedence ? `(${text})` : text;
    }
    case 'call':
      return `${expr.name}(${expr.args.map((arg) => print(arg, 0)).join(', ')})`;
  }
}

function printLiteral(value: number | string | boolean | null, span: Expr['span']): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0 || Object.is(value, -0)) {
      throw new ExpressionError(`the number ${value} cannot be written as a literal`, span);
    }
    return String(value);
  }
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new ExpressionError('a text containing both kinds of quote cannot be written as a literal', span);
}
