import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError } from '../../../core/questionnaire/index.js';
import { MAX_INSTRUCTIONS } from '../../../core/questionnaire/pattern/index.js';

const EMAIL = '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$';

function refusal(source: string): string {
  try {
    compilePattern(source);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    return `${error.index + 1}: ${error.message}`;
  }
}

describe('patterns (the restricted syntax of regex())', () => {
  it('an email check refuses "amina@" and accepts a complete address', () => {
    const email = compilePattern(EMAIL);
    expect(['amina@', 'amina', '@iom.int', 'amina@iom', 'amina @iom.int', 'amina@iom.int', 'a.b@c.d.org', 'أمينة@مثال.عرب'].map((s) => email.test(s))).toEqual([
      false,
      false,
      false,
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('supports classes, escapes, repetition bounds, alternation, groups and anchors', () => {
    const cases: [string, string, boolean][] = [
      ['^\\d{4}$', '1998', true],
      ['^\\d{4}$', '19985', false],
      ['^[A-Z]{2,3}-\\d+$', 'IOM-12', true],
      ['^[A-Z]{2,3}-\\d+$', 'I-12', false],
      ['^(?:https?://)?[\\w.-]+\\.[a-z]{2,}(/\\S*)?$', 'https://www.iom.int/rcps', true],
      ['^(?:https?://)?[\\w.-]+\\.[a-z]{2,}(/\\S*)?$', 'www iom int', false],
      ['colou?r', 'the colour', true],
      ['^(yes|no)$', 'maybe', false],
      ['^a|b$', 'xxb', true],
      ['[^\\-]', '---', false],
      ['\\.\\*\\(\\)\\[\\]\\{\\}\\|\\?\\+\\^\\$\\\\\\/', '.*()[]{}|?+^$\\/', true],
      ['^.$', '😀', true],
      ['^.$', '\n', false],
      ['\\s', '\u00a0', true],
      ['', '', true],
    ];
    for (const [source, text, expected] of cases) {
      expect([source, text, compilePattern(source).test(text)]).toEqual([source, text, expected]);
      expect(new RegExp(source, 'u').test(text)).toBe(expected);
    }
  });

  it('answers a pathological pattern on its worst input, and the work grows linearly with the text', () => {
    const nested = compilePattern('(a+)+$');
    const bad = `${'a'.repeat(30)}b`;
    expect(nested.test(bad)).toBe(false);
    expect(nested.test('a'.repeat(30))).toBe(true);
    const work = (n: number): number => {
      const stats = { steps: 0 };
      nested.test(`${'a'.repeat(n)}b`, stats);
      return stats.steps;
    };
    // A backtracking matcher doubles its work with each extra "a"; this one adds a constant.
    expect(work(2_000) - work(1_000)).toBe(work(3_000) - work(2_000));
    expect(work(1_000)).toBeLessThanOrEqual(2 * nested.size * 1_002);
  });

  it('refuses what it does not support, saying what and where', () => {
    expect(refusal('^(?=.*\\d)')).toBe('2: lookahead "(?=" and "(?!" is not supported');
    expect(refusal('(?<=a)b')).toBe('1: lookbehind "(?<=" and "(?<!" is not supported');
    expect(refusal('(?<year>\\d{4})')).toBe('1: named groups "(?<name>" are not supported: use "(" or "(?:"');
    expect(refusal('(a)\\1')).toBe('4: backreferences ("\\1"…) are not supported');
    expect(refusal('\\bword')).toBe('1: word boundaries ("\\b", "\\B") are not supported');
    expect(refusal('a+?')).toBe('3: lazy quantifiers ("*?", "+?"…) are not supported: a check needs no laziness');
    expect(refusal('a**')).toBe('3: "*" follows another repetition: put the repeated part in a group');
    expect(refusal('*a')).toBe('1: "*" has nothing before it to repeat');
    expect(refusal('^*')).toBe('1: an anchor ("^" or "$") cannot be repeated');
    expect(refusal('a{3,2}')).toBe('2: in {3,2} the first number is greater than the second');
    expect(refusal('a{1000}')).toBe('2: a repetition may count at most 100');
    expect(refusal('a{,3}')).toBe('2: a repetition is written {n}, {n,} or {n,m}; write \\{ for the character "{"');
    expect(refusal('(ab')).toBe('1: "(" without a matching ")"');
    expect(refusal('ab)')).toBe('3: ")" without a matching "("');
    expect(refusal('[a-')).toBe('1: "[" without a matching "]"');
    expect(refusal('[z-a]')).toBe('3: a range must go from the smaller character to the larger');
    expect(refusal('[\\d-z]')).toBe('4: a range needs single characters at both ends, not a class such as \\d');
    expect(refusal('[]')).toBe('1: an empty class "[]" or "[^]" is not supported');
    expect(refusal('a]')).toBe('2: write \\] for the character "]"');
    expect(refusal('\\q')).toBe('1: "\\q" is not a supported escape');
    expect(refusal('a\\-b')).toBe('2: write "-" without "\\" outside [ ]');
    expect(refusal('ab\\')).toBe('3: the pattern ends with a lone "\\"');
    expect(refusal('(((a{100}){100}){100})')).toBe(`1: the pattern is too large once its repetitions are counted out (more than ${MAX_INSTRUCTIONS} steps): use smaller {n,m} bounds`);
    expect(refusal('x'.repeat(1001))).toBe('1: a pattern may have at most 1000 characters');
  });
});
