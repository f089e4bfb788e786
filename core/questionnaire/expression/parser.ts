import { type BinaryOp, type Expr, isFunctionName, PRECEDENCE, type Span } from './ast.js';
import { ExpressionError } from './errors.js';
import { type Token, tokenize } from './tokenizer.js';

/** Deeper nesting than this is refused (it would only come from a broken or hostile file). */
export const MAX_DEPTH = 100;
const KEYWORD_OPS: Readonly<Record<string, BinaryOp>> = { or: 'or', and: 'and' };

/** Parses an expression into an AST, or throws an ExpressionError with the position of the problem. */
export function parseExpression(source: string): Expr {
  const parser = new Parser(tokenize(source));
  const expr = parser.parseBinary(1, 0);
  const next = parser.peek();
  if (next.type !== 'eof') throw new ExpressionError(`unexpected ${describe(next)} after the end of the expression`, next.span);
  return expr;
}

function describe(token: Token): string {
  switch (token.type) {
    case 'number':
      return `number ${token.value}`;
    case 'string':
      return 'text';
    case 'ref':
      return `\${${token.id}}`;
    case 'name':
      return `"${token.name}"`;
    case 'punct':
      return `"${token.text}"`;
    case 'eof':
      return 'end of the expression';
  }
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.index += 1;
    return token;
  }

  private binaryOp(token: Token): BinaryOp | undefined {
    if (token.type === 'name') return KEYWORD_OPS[token.name];
    if (token.type === 'punct' && token.text in PRECEDENCE) return token.text as BinaryOp;
    return undefined;
  }

  /** Precedence climbing: every operator is left-associative. */
  parseBinary(minPrecedence: number, depth: number): Expr {
    if (depth > MAX_DEPTH) throw new ExpressionError(`expression nested more than ${MAX_DEPTH} levels deep`, this.peek().span);
    let left = this.parseUnary(depth + 1);
    let chain = 0;
    for (;;) {
      const op = this.binaryOp(this.peek());
      if (op === undefined || PRECEDENCE[op] < minPrecedence) return left;
      this.next();
      const right = this.parseBinary(PRECEDENCE[op] + 1, depth + 1);
      left = { kind: 'binary', op, left, right, span: join(left.span, right.span) };
      // A long chain such as 1 + 1 + … nests to the left: count it towards the depth too.
      chain += 1;
      if (depth + chain > MAX_DEPTH) throw new ExpressionError(`expression nested more than ${MAX_DEPTH} levels deep`, right.span);
    }
  }

  private parseUnary(depth: number): Expr {
    if (depth > MAX_DEPTH) throw new ExpressionError(`expression nested more than ${MAX_DEPTH} levels deep`, this.peek().span);
    const token = this.peek();
    if (token.type === 'punct' && token.text === '-') {
      this.next();
      const operand = this.parseUnary(depth + 1);
      return { kind: 'negate', operand, span: join(token.span, operand.span) };
    }
    return this.parsePrimary(depth);
  }

  private parsePrimary(depth: number): Expr {
    const token = this.next();
    switch (token.type) {
      case 'number':
      case 'string':
        return { kind: 'literal', value: token.value, span: token.span };
      case 'ref':
        return { kind: 'ref', id: token.id, span: token.span };
      case 'name':
        return this.parseName(token, depth);
      case 'punct':
        if (token.text === '.') return { kind: 'self', span: token.span };
        if (token.text === '(') {
          const inner = this.parseBinary(1, depth + 1);
          this.expect(')', 'a closing ")"');
          return inner;
        }
        throw new ExpressionError(`unexpected ${describe(token)}`, token.span);
      case 'eof':
        throw new ExpressionError('the expression ends too early', token.span);
    }
  }

  private parseName(token: Token & { type: 'name' }, depth: number): Expr {
    if (token.name === 'true' || token.name === 'false') return { kind: 'literal', value: token.name === 'true', span: token.span };
    if (token.name === 'null') return { kind: 'literal', value: null, span: token.span };
    const open = this.peek();
    if (!(open.type === 'punct' && open.text === '(')) {
      throw new ExpressionError(`unexpected "${token.name}" (a question is written \${${token.name}})`, token.span);
    }
    if (!isFunctionName(token.name)) throw new ExpressionError(`unknown function "${token.name}"`, token.span);
    this.next();
    const args: Expr[] = [];
    const close = this.peek();
    if (!(close.type === 'punct' && close.text === ')')) {
      for (;;) {
        args.push(this.parseBinary(1, depth + 1));
        const sep = this.peek();
        if (sep.type === 'punct' && sep.text === ',') {
          this.next();
          continue;
        }
        break;
      }
    }
    const end = this.expect(')', `"," or ")" in the call of ${token.name}()`);
    return { kind: 'call', name: token.name, args, span: join(token.span, end) };
  }

  private expect(text: string, what: string): Span {
    const token = this.next();
    if (token.type === 'punct' && token.text === text) return token.span;
    throw new ExpressionError(`expected ${what}, found ${describe(token)}`, token.span);
  }
}

function join(a: Span, b: Span): Span {
  return { start: a.start, end: b.end };
}
