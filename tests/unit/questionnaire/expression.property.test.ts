import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import {
  type BinaryOp,
  type Expr,
  evaluateExpression,
  ExpressionError,
  FUNCTION_NAMES,
  parseExpression,
  printExpression,
  PRECEDENCE,
  stripSpans,
} from '../../../core/questionnaire/expression/index.js';

const span = { start: 0, end: 0 };
const ids = fc.constantFrom('a', 'b', 'q_1', 'group', 'Zed');
const texts = fc.string({ maxLength: 8 }).filter((s) => !(s.includes("'") && s.includes('"')));
const literal: fc.Arbitrary<Expr> = fc.oneof(
  fc.double({ min: 0, noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)).map((value) => ({ kind: 'literal' as const, value, span })),
  fc.nat().map((value) => ({ kind: 'literal' as const, value, span })),
  texts.map((value) => ({ kind: 'literal' as const, value, span })),
  fc.constantFrom(true, false, null).map((value) => ({ kind: 'literal' as const, value, span })),
);
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  literal,
  ids.map((id) => ({ kind: 'ref' as const, id, span })),
  fc.constant({ kind: 'self' as const, span }),
);
const ops = Object.keys(PRECEDENCE) as BinaryOp[];

/** Random ASTs of any shape (not necessarily well-typed), at most a few levels deep. */
const expr: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('e').map((operand) => ({ kind: 'negate' as const, operand, span })),
    fc.record({ op: fc.constantFrom(...ops), left: tie('e'), right: tie('e') }).map((r) => ({ kind: 'binary' as const, ...r, span })),
    fc
      .record({ name: fc.constantFrom(...FUNCTION_NAMES), args: fc.array(tie('e'), { maxLength: 3 }) })
      .map((r) => ({ kind: 'call' as const, ...r, span })),
  ),
})).e;

const answer: fc.Arbitrary<AnswerValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 3 }),
);

function ownErrorsOnly(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
  }
}

describe('expression properties', () => {
  it('printing an AST and parsing it again gives the same AST', () => {
    fc.assert(
      fc.property(expr, (ast) => {
        const printed = printExpression(ast);
        expect(stripSpans(parseExpression(printed))).toEqual(stripSpans(ast));
        // Canonical: printing again gives the same text.
        expect(printExpression(parseExpression(printed))).toBe(printed);
      }),
      { numRuns: 2000 },
    );
  });

  it('any input string gives an AST or an ExpressionError, nothing else', () => {
    const alphabet = fc.constantFrom(...'${}()., =!<>+-*/\'"abq_019eE and or not selected count today if \n'.split(''));
    const tokenish = fc.array(fc.oneof(alphabet, fc.constantFrom(' and ', ' or ', '${a}', 'if(', 'count-selected(', '1e5', '(((', ')))')), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), tokenish), (source) => {
      ownErrorsOnly(() => parseExpression(source));
    }), { numRuns: 5000 });
  });

  it('the evaluator never throws a foreign exception, on any AST and answers', () => {
    fc.assert(
      fc.property(expr, fc.dictionary(fc.constantFrom('a', 'b', 'q_1', 'group', 'Zed'), answer), answer, (ast, values, self) => {
        ownErrorsOnly(() =>
          evaluateExpression(ast, {
            value: (id) => values[id] ?? null,
            self: { id: 'a', value: self },
            today: '2026-11-27',
            choiceAttr: () => 'x',
          }),
        );
      }),
      { numRuns: 3000 },
    );
  });
});
