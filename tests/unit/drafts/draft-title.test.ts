import { describe, expect, it } from 'vitest';
import { withoutGeneratedSuffixes } from '../../../core/drafts/draft-title.js';

describe('a title without the suffixes the app added', () => {
  it('drops every trailing copy and revision suffix, in any of the four languages and in any order', () => {
    expect(withoutGeneratedSuffixes('Bali Process 2026 (revision 2) (copie)')).toBe('Bali Process 2026');
    expect(withoutGeneratedSuffixes('Bali Process 2026 (copy) (copy) (revision 3)')).toBe('Bali Process 2026');
    expect(withoutGeneratedSuffixes('Proceso de Puebla (copia 2)')).toBe('Proceso de Puebla');
    expect(withoutGeneratedSuffixes('Processus de Rabat (Révision 4)')).toBe('Processus de Rabat');
    expect(withoutGeneratedSuffixes('عملية الخرطوم (نسخة) (مراجعة 2)')).toBe('عملية الخرطوم');
  });

  it('keeps the user’s own words: a suffix in the middle, a bracket that is not the app’s, a revision without number', () => {
    expect(withoutGeneratedSuffixes('Copy (draft) 2026')).toBe('Copy (draft) 2026');
    expect(withoutGeneratedSuffixes('Bali (copy) Process')).toBe('Bali (copy) Process');
    expect(withoutGeneratedSuffixes('Budget review (revision)')).toBe('Budget review (revision)');
    expect(withoutGeneratedSuffixes('  Plain title  ')).toBe('Plain title');
  });

  it('a title that is nothing but suffixes becomes empty (the caller falls back to its default)', () => {
    expect(withoutGeneratedSuffixes('(copy) (revision 2)')).toBe('');
  });
});
