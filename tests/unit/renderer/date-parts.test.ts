import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidDate } from '../../../core/questionnaire/evaluate-checks.js';
import { joinDate, monthNames, splitDate } from '../../../renderer/fields/date-parts.js';

describe('date boxes', () => {
  it('store a complete date as YYYY-MM-DD, padding a one-digit day', () => {
    expect(joinDate({ day: '5', month: '03', year: '2026' })).toBe('2026-03-05');
    expect(joinDate({ day: '31', month: '12', year: '1999' })).toBe('1999-12-31');
  });

  it('accept Arabic-Indic and Persian digits', () => {
    expect(joinDate({ day: '٥', month: '03', year: '٢٠٢٦' })).toBe('2026-03-05');
    expect(joinDate({ day: '۱۲', month: '01', year: '۲۰۲۰' })).toBe('2020-01-12');
  });

  it('store nothing when all three are empty', () => {
    expect(joinDate({ day: '', month: '', year: '' })).toBeNull();
  });

  it('keep a half-typed date, which the engine does not take for a valid one', () => {
    const partial = joinDate({ day: '15', month: '03', year: '' });
    expect(partial).toBe('-03-15');
    expect(isValidDate(partial ?? '')).toBe(false);
    expect(splitDate(partial)).toEqual({ day: '15', month: '03', year: '' });
    expect(isValidDate(joinDate({ day: '31', month: '02', year: '2026' }) ?? '')).toBe(false);
  });

  it('give back the boxes a stored value came from, for any parts', () => {
    const digits = (max: number) => fc.stringMatching(new RegExp(`^[0-9]{0,${String(max)}}$`));
    const month = fc.constantFrom('', ...Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0')));
    fc.assert(
      fc.property(digits(2), month, digits(4), (day, m, year) => {
        const stored = joinDate({ day, month: m, year });
        if (stored === null) return day === '' && m === '' && year === '';
        const back = splitDate(stored);
        return back.month === m && back.year === year && Number(back.day || '0') === Number(day || '0') && joinDate(back) === stored;
      }),
      { numRuns: 2000 },
    );
  });

  it('read something that is not a date into the year box rather than lose it', () => {
    expect(splitDate('2026')).toEqual({ day: '', month: '', year: '2026' });
    expect(splitDate(null)).toEqual({ day: '', month: '', year: '' });
  });

  it('name the months in the chosen language', () => {
    expect(monthNames('en')[2]).toEqual({ value: '03', name: 'March' });
    expect(monthNames('fr')[2]?.name).toBe('mars');
    expect(monthNames('es')[2]?.name).toBe('marzo');
    expect(monthNames('ar')[2]?.name).toBe('مارس');
  });
});
