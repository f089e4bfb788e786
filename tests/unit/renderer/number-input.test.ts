import { describe, expect, it } from 'vitest';
import { numberInputText, parseNumberInput } from '../../../renderer/fields/number-input.js';

describe('number fields', () => {
  it('store numbers as numbers, and empty as null', () => {
    expect(parseNumberInput('45', 'en', 'integer')).toBe(45);
    expect(parseNumberInput(' -3 ', 'en', 'integer')).toBe(-3);
    expect(parseNumberInput('2.5', 'en', 'decimal')).toBe(2.5);
    expect(parseNumberInput('', 'fr', 'decimal')).toBeNull();
    expect(parseNumberInput('   ', 'en', 'integer')).toBeNull();
  });

  it("read the language's separators and Arabic-Indic or Persian digits", () => {
    expect(parseNumberInput('1 250 000', 'fr', 'integer')).toBe(1_250_000);
    expect(parseNumberInput('0,5', 'fr', 'decimal')).toBe(0.5);
    expect(parseNumberInput('1,250,000', 'en', 'integer')).toBe(1_250_000);
    expect(parseNumberInput('٤٥', 'ar', 'integer')).toBe(45);
    expect(parseNumberInput('۱۹۹۸', 'ar', 'year')).toBe(1998);
    expect(parseNumberInput('٣٫٥', 'ar', 'decimal')).toBe(3.5);
  });

  it('keep text that is not (yet) a number, so nothing typed is lost', () => {
    expect(parseNumberInput('12a', 'en', 'integer')).toBe('12a');
    expect(parseNumberInput('1e5', 'en', 'decimal')).toBe('1e5');
    expect(parseNumberInput('1 25', 'fr', 'integer')).toBe('1 25');
  });

  it("show a stored value as text, the language's way", () => {
    expect(numberInputText(45, 'en', 'integer')).toBe('45');
    expect(numberInputText(1_250_000, 'fr', 'integer')).toBe('1\u202f250\u202f000');
    expect(numberInputText(0.5, 'fr', 'decimal')).toBe('0,5');
    expect(numberInputText(2002, 'en', 'year')).toBe('2002');
    expect(numberInputText('12a', 'en', 'integer')).toBe('12a');
    expect(numberInputText(null, 'en', 'integer')).toBe('');
  });
});
