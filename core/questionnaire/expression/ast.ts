/**
 * The abstract syntax tree of a questionnaire expression.
 *
 * Every node keeps its source span (0-based offsets, `end` exclusive) so that load
 * errors can point at the exact place in the expression text.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type BinaryOp = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';

export const FUNCTION_NAMES = [
  'not',
  'selected',
  'count-selected',
  'count',
  'if',
  'string-length',
  'today',
  'year',
  'choice-attr',
  'coalesce',
  'concat',
  'round',
  'regex',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export function isFunctionName(name: string): name is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(name);
}

export type LiteralValue = number | string | boolean | null;

export type Expr =
  | { readonly kind: 'literal'; readonly value: LiteralValue; readonly span: Span }
  | { readonly kind: 'ref'; readonly id: string; readonly span: Span }
  | { readonly kind: 'self'; readonly span: Span }
  | { readonly kind: 'negate'; readonly operand: Expr; readonly span: Span }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly span: Span }
  | { readonly kind: 'call'; readonly name: FunctionName; readonly args: readonly Expr[]; readonly span: Span };

/** Binding strength of each binary operator (higher binds tighter). All are left-associative. */
export const PRECEDENCE: Readonly<Record<BinaryOp, number>> = {
  or: 1,
  and: 2,
  '=': 3,
  '!=': 3,
  '<': 3,
  '<=': 3,
  '>': 3,
  '>=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
};
export const NEGATE_PRECEDENCE = 6;

/** Every question id referenced by `${id}` in the expression, with the span of each reference. */
export function collectRefs(expr: Expr, out: { id: string; span: Span }[] = []): { id: string; span: Span }[] {
  switch (expr.kind) {
    case 'ref':
      out.push({ id: expr.id, span: expr.span });
      break;
    case 'negate':
      collectRefs(expr.operand, out);
      break;
    case 'binary':
      collectRefs(expr.left, out);
      collectRefs(expr.right, out);
      break;
    case 'call':
      for (const arg of expr.args) collectRefs(arg, out);
      break;
    default:
      break;
  }
  return out;
}

/** The tree without source spans: two expressions that mean the same thing compare equal. */
export function stripSpans(expr: Expr): unknown {
  switch (expr.kind) {
    case 'literal':
      return { kind: 'literal', value: expr.value };
    case 'ref':
      return { kind: 'ref', id: expr.id };
    case 'self':
      return { kind: 'self' };
    case 'negate':
      return { kind: 'negate', operand: stripSpans(expr.operand) };
    case 'binary':
      return { kind: 'binary', op: expr.op, left: stripSpans(expr.left), right: stripSpans(expr.right) };
    case 'call':
      return { kind: 'call', name: expr.name, args: expr.args.map(stripSpans) };
  }
}
