import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError } from '../../../core/questionnaire/index.js';

/** Characters with a meaning in a pattern, escaped when they stand for themselves. */
const SPECIAL = '\\^$.|?*+()[]{}/';
const ALPHABET = ['a', 'b', 'c', 'Z', '1', '_', ' ', '@', '.', '-', '\n', 'é', '😀', '(', ']', '{', '\\', '^', '$'];
const escapeOutside = (ch: string): string => (SPECIAL.includes(ch) ? `\\${ch}` : ch);
const escapeInside = (ch: string): string => (']\\^-['.includes(ch) ? `\\${ch}` : ch);

const char = fc.constantFrom(...ALPHABET);
const classItem = fc.oneof(
  char.map(escapeInside),
  fc.constantFrom('a-c', '0-9', 'A-Z', '\\d', '\\w', '\\s', ' -@', '😀-😂'),
);
const atom = fc.oneof(
  { weight: 4, arbitrary: char.map(escapeOutside) },
  { weight: 1, arbitrary: fc.constant('.') },
  { weight: 1, arbitrary: fc.constantFrom('\\d', '\\D', '\\w', '\\W', '\\s', '\\S') },
  { weight: 2, arbitrary: fc.tuple(fc.boolean(), fc.array(classItem, { minLength: 1, maxLength: 4 })).map(([neg, items]) => `[${neg ? '^' : ''}${items.join('')}]`) },
);
const quantifier = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: fc.constantFrom('*', '+', '?') },
  { weight: 1, arbitrary: fc.tuple(fc.nat(3), fc.nat(2), fc.constantFrom('exact', 'open', 'range')).map(([m, d, form]) => (form === 'exact' ? `{${m}}` : form === 'open' ? `{${m},}` : `{${m},${m + d}}`)) },
);

/**
 * Random patterns of the supported syntax, built from its grammar. At most 4 levels deep:
 * RegExp, the reference here, backtracks exponentially on deeper nested repetitions.
 */
const pattern: fc.Arbitrary<string> = fc.letrec<{ alt: string; seq: string; piece: string }>((tie) => ({
  alt: fc.oneof({ depthSize: 'small', maxDepth: 4, depthIdentifier: 'pattern' }, tie('seq'), fc.array(tie('seq'), { minLength: 2, maxLength: 3 }).map((parts) => parts.join('|'))),
  seq: fc.array(tie('piece'), { maxLength: 4 }).map((parts) => parts.join('')),
  piece: fc.oneof(
    { depthSize: 'small', maxDepth: 4, depthIdentifier: 'pattern' },
    fc.tuple(atom, quantifier).map(([a, q]) => a + q),
    fc.constantFrom('^', '$'),
    fc.tuple(fc.constantFrom('(', '(?:'), tie('alt'), quantifier).map(([open, inner, q]) => `${open}${inner})${q}`),
  ),
})).alt;
const text = fc.array(char, { maxLength: 12 }).map((chars) => chars.join(''));

const codePoints = (s: string): number => Array.from(s).length;

describe('pattern properties', () => {
  it('gives the same answer as JavaScript RegExp (u flag) on every pattern of the supported syntax', () => {
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 6 }), (source, texts) => {
        const ours = compilePattern(source);
        const theirs = new RegExp(source, 'u');
        for (const t of texts) expect([source, t, ours.test(t)]).toEqual([source, t, theirs.test(t)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('does at most 2 × instructions of work per character, whatever the pattern and text', () => {
    fc.assert(
      fc.property(pattern, text, (source, t) => {
        const compiled = compilePattern(source);
        const stats = { steps: 0 };
        compiled.test(t, stats);
        expect(stats.steps).toBeLessThanOrEqual(2 * compiled.size * (codePoints(t) + 1));
      }),
      { numRuns: 2000 },
    );
  });

  it('any text as a pattern: compiled, or refused with a PatternError; what compiles means the same to RegExp', () => {
    // Short: RegExp itself backtracks exponentially on some nested repetitions, and it is the reference here.
    const noisy = fc.array(fc.oneof(char, fc.constantFrom(...'()[]{}|?*+^$\\-.,:=!<dwsbq0123'.split(''))), { maxLength: 16 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(noisy, fc.string({ maxLength: 20 })), text, (source, t) => {
        let compiled;
        try {
          compiled = compilePattern(source);
        } catch (error) {
          expect(error).toBeInstanceOf(PatternError);
          const { index } = error as PatternError;
          expect(index).toBeGreaterThanOrEqual(0);
          expect(index).toBeLessThanOrEqual(codePoints(source));
          return;
        }
        expect(compiled.test(t)).toBe(new RegExp(source, 'u').test(t));
      }),
      { numRuns: 5000 },
    );
  });
});
