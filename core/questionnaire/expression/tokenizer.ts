import type { Span } from './ast.js';
import { ExpressionError } from './errors.js';

export type Token =
  | { readonly type: 'number'; readonly value: number; readonly span: Span }
  | { readonly type: 'string'; readonly value: string; readonly span: Span }
  | { readonly type: 'ref'; readonly id: string; readonly span: Span }
  | { readonly type: 'name'; readonly name: string; readonly span: Span }
  | { readonly type: 'punct'; readonly text: Punct; readonly span: Span }
  | { readonly type: 'eof'; readonly span: Span };

export type Punct = '(' | ')' | ',' | '.' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/';

/** Longest first, so that `<=` is not read as `<` then `=`. */
const PUNCTS: readonly Punct[] = ['!=', '<=', '>=', '(', ')', ',', '.', '=', '<', '>', '+', '-', '*', '/'];
// Sticky (`y`) patterns match at `lastIndex` only: no copy of the rest of the text per token.
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
/** Function names may contain single hyphens between letters (`count-selected`). */
const NAME = /[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z][A-Za-z0-9_]*)*/y;
const REF = /\$\{([A-Za-z][A-Za-z0-9_]*)\}/y;

function matchAt(pattern: RegExp, source: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(source);
}
export const MAX_EXPRESSION_LENGTH = 10_000;

export function tokenize(source: string): Token[] {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`expression longer than ${MAX_EXPRESSION_LENGTH} characters`, { start: 0, end: 0 });
  }
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      i += 1;
      continue;
    }
    const number = matchAt(NUMBER, source, i);
    if (number) {
      const value = Number(number[0]);
      const span = { start: i, end: i + number[0].length };
      if (!Number.isFinite(value)) throw new ExpressionError(`number ${number[0]} is too large`, span);
      tokens.push({ type: 'number', value, span });
      i = span.end;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = source.indexOf(ch, i + 1);
      if (close < 0) throw new ExpressionError(`text starting here has no closing ${ch}`, { start: i, end: source.length });
      tokens.push({ type: 'string', value: source.slice(i + 1, close), span: { start: i, end: close + 1 } });
      i = close + 1;
      continue;
    }
    if (ch === '$') {
      const ref = matchAt(REF, source, i);
      if (!ref?.[1]) throw new ExpressionError('a question reference is written ${question_id}', { start: i, end: i + 1 });
      tokens.push({ type: 'ref', id: ref[1], span: { start: i, end: i + ref[0].length } });
      i += ref[0].length;
      continue;
    }
    const name = matchAt(NAME, source, i);
    if (name) {
      tokens.push({ type: 'name', name: name[0], span: { start: i, end: i + name[0].length } });
      i += name[0].length;
      continue;
    }
    const punct = PUNCTS.find((p) => source.startsWith(p, i));
    if (punct === undefined) throw new ExpressionError(`unexpected character "${ch}"`, { start: i, end: i + 1 });
    tokens.push({ type: 'punct', text: punct, span: { start: i, end: i + punct.length } });
    i += punct.length;
  }
  tokens.push({ type: 'eof', span: { start: source.length, end: source.length } });
  return tokens;
}
