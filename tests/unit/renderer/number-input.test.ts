import { describe, expect, it } from 'vitest';
import { numberInputText, parseNumberInput } from '../../../renderer/fields/number-input.js';

describe('number fields', () => {
  it('store numbers as numbers, and empty as null', () => {
    expect(parseNumberInput('45', true)).toBe(45);
    expect(parseNumberInput(' -3 ', true)).toBe(-3);
    expect(parseNumberInput('2.5', false)).toBe(2.5);
    expect(parseNumberInput('', false)).toBeNull();
    expect(parseNumberInput('   ', true)).toBeNull();
  });

  it('accept a decimal comma and Arabic-Indic or Persian digits', () => {
    expect(parseNumberInput('2,5', false)).toBe(2.5);
    expect(parseNumberInput('٤٥', true)).toBe(45);
    expect(parseNumberInput('۱۹۹۸', true)).toBe(1998);
    expect(parseNumberInput('٣٫٥', false)).toBe(3.5);
  });

  it('keep text that is not (yet) a number, so nothing typed is lost', () => {
    expect(parseNumberInput('12a', true)).toBe('12a');
    expect(parseNumberInput('2.5', true)).toBe('2.5');
    expect(parseNumberInput('1e5', false)).toBe('1e5');
  });

  it('show a stored value as text', () => {
    expect(numberInputText(45)).toBe('45');
    expect(numberInputText('12a')).toBe('12a');
    expect(numberInputText(null)).toBe('');
  });
});
