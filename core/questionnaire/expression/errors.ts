import type { Span } from './ast.js';

/**
 * The engine's own error: every failure to tokenize, parse, type-check or evaluate an
 * expression is one of these, with the span of the offending text. Nothing else is thrown.
 */
export class ExpressionError extends Error {
  readonly span: Span;

  constructor(message: string, span: Span) {
    super(message);
    this.name = 'ExpressionError';
    this.span = span;
  }

  /** 1-based column of the start of the span, as shown to people. */
  get column(): number {
    return this.span.start + 1;
  }
}
