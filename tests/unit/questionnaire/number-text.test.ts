import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumberText, type NumberKind, parseNumberText } from '../../../core/questionnaire/index.js';

const LANGS = ['en', 'fr', 'es', 'ar'] as const;
const KINDS: readonly NumberKind[] = ['integer', 'decimal', 'year'];
const read = (text: string, lang: string, kind: NumberKind = 'decimal'): number | string | null => {
  const result = parseNumberText(text, lang, kind);
  return result.kind === 'number' ? result.value : result.kind === 'empty' ? null : result.issue;
};

describe('numbers as people type them', () => {
  it("read the language's separators: French spaces and decimal comma, English commas, Spanish dots", () => {
    expect(read('1 250 000', 'fr')).toBe(1_250_000);
    expect(read('1\u202f250\u202f000', 'fr')).toBe(1_250_000);
    expect(read('1\u00a0250\u00a0000,75', 'fr')).toBe(1_250_000.75);
    expect(read('0,5', 'fr')).toBe(0.5);
    expect(read('1,250,000', 'en')).toBe(1_250_000);
    expect(read('1,250,000.5', 'en')).toBe(1_250_000.5);
    expect(read('0.5', 'en')).toBe(0.5);
    expect(read('1.250.000,5', 'es')).toBe(1_250_000.5);
    expect(read("1'250'000", 'en')).toBe(1_250_000);
    expect(read('-12,5', 'fr')).toBe(-12.5);
    expect(read('\u221212', 'en')).toBe(-12);
    expect(read('+7', 'en')).toBe(7);
    expect(read('  45  ', 'en', 'integer')).toBe(45);
    expect(read('', 'en')).toBeNull();
    expect(read('   ', 'fr')).toBeNull();
  });

  it('read Arabic-Indic and Persian digits, and the Arabic decimal and thousands marks', () => {
    expect(read('١٢٥٠٠٠٠', 'ar', 'integer')).toBe(1_250_000);
    expect(read('١٬٢٥٠٬٠٠٠', 'ar', 'integer')).toBe(1_250_000);
    expect(read('٣٫٥', 'ar')).toBe(3.5);
    expect(read('۱۹۹۸', 'ar', 'year')).toBe(1998);
    expect(read('٣٫٥', 'en')).toBe(3.5);
  });

  it('settle "1,250" and "1.250" by the question, then by the language', () => {
    for (const lang of LANGS) {
      expect(read('1,250', lang, 'integer')).toBe(1250);
      expect(read('1.250', lang, 'year')).toBe(1250);
    }
    expect(LANGS.map((lang) => read('1,250', lang))).toEqual([1250, 1.25, 1.25, 1250]);
    expect(LANGS.map((lang) => read('1.250', lang))).toEqual([1.25, 1.25, 1250, 1.25]);
    // A mark that cannot separate thousands is a decimal mark in every language.
    expect(LANGS.map((lang) => read('2,5', lang))).toEqual([2.5, 2.5, 2.5, 2.5]);
    expect(LANGS.map((lang) => read('0,125', lang))).toEqual([0.125, 0.125, 0.125, 0.125]);
    expect(read('2,5', 'en', 'integer')).toBe(2.5);
  });

  it('say what is wrong with a text that is not a number', () => {
    expect(read('12a', 'en')).toBe('number_letters');
    expect(read('much', 'fr')).toBe('number_letters');
    expect(read('1e5', 'en')).toBe('number_letters');
    expect(read('مئة', 'ar')).toBe('number_letters');
    expect(read('1 25', 'fr')).toBe('number_grouping');
    expect(read('12,50,000', 'en')).toBe('number_grouping');
    expect(read('1.2.3', 'en')).toBe('number_grouping');
    expect(read('1,000.5.5', 'en')).toBe('number_format');
    expect(read('$45', 'en')).toBe('number_format');
    expect(read('50%', 'fr')).toBe('number_format');
    expect(read('-', 'en')).toBe('number_format');
    expect(read('.', 'en')).toBe('number_format');
    expect(read('--5', 'en')).toBe('number_format');
  });

  it('write a stored number the way the language reads it back', () => {
    expect(LANGS.map((lang) => formatNumberText(1_250_000.5, lang, 'decimal'))).toEqual(['1,250,000.5', '1\u202f250\u202f000,5', '1.250.000,5', '1,250,000.5']);
    expect(LANGS.map((lang) => formatNumberText(2002, lang, 'year'))).toEqual(['2002', '2002', '2002', '2002']);
    expect(formatNumberText(45, 'fr', 'integer')).toBe('45');
    expect(formatNumberText(-0.5, 'fr', 'decimal')).toBe('-0,5');
    expect(formatNumberText(1e-7, 'en', 'decimal')).toBe('0.0000001');
  });
});

describe('number properties', () => {
  const lang = fc.constantFrom(...LANGS);
  const kind = fc.constantFrom(...KINDS);

  it('any stored number, written for the box and read back, is the same number', () => {
    const decimal = fc.double({ noNaN: true, noDefaultInfinity: true });
    const integer = fc.oneof(fc.integer(), fc.maxSafeInteger().map((n) => -n), fc.maxSafeInteger());
    fc.assert(
      fc.property(lang, fc.oneof(decimal.map((v) => ['decimal', v] as const), integer.map((v) => ['integer', v] as const), integer.map((v) => ['year', v] as const)), (l, [k, v]) => {
        const text = formatNumberText(v, l, k);
        expect([text, read(text, l, k)]).toEqual([text, v === 0 ? 0 : v]);
      }),
      { numRuns: 5000 },
    );
  });

  it('a number written with Intl in the language is read back as that number', () => {
    fc.assert(
      fc.property(lang, fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (l, n, places) => {
        const value = n / 10 ** places;
        const text = new Intl.NumberFormat(l, { minimumFractionDigits: places, maximumFractionDigits: places }).format(value);
        // A single mark followed by exactly three digits is read as thousands in a whole-number question only.
        expect([text, read(text, l, 'decimal')]).toEqual([text, value === 0 ? 0 : value]);
      }),
      { numRuns: 3000 },
    );
  });

  it('any text gives a number, empty, or one of the three issues, never an exception', () => {
    const noisy = fc.array(fc.constantFrom(...'0123456789 ,.\u202f\u00a0٫٬-+\u2212e$a١٢'.split('')), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(noisy, fc.string({ maxLength: 20 })), lang, kind, (text, l, k) => {
        const result = parseNumberText(text, l, k);
        if (result.kind === 'number') expect(Number.isFinite(result.value)).toBe(true);
        if (result.kind === 'invalid') expect(['number_letters', 'number_grouping', 'number_format']).toContain(result.issue);
      }),
      { numRuns: 5000 },
    );
  });
});
