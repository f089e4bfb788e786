import { describe, expect, it } from 'vitest';
import { collapseSpaces, foldForSearch, isSpace, searchable, searchTerms } from '../../../core/search/fold.js';

/**
 * The search folds text (lower case, no accents) only where it is not plain ASCII, line by line,
 * and the same way in every language of the app: these check it against the plain way.
 */

/** The plain way: the whole text decomposed, marks removed, lower-cased. */
const reference = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const SAMPLES = [
  'plain ASCII, Labour Mobility 2026',
  'Côte d’Ivoire',
  'CÔTE D’IVOIRE\nGhana\nTürkiye',
  'first line\nÉric Ñandú\n\nlast LINE',
  'الحوار بشأن الهجرة',
  'مُحَمَّدٌ وَالْهِجْرَةُ',
  'İstanbul and ISTANBUL',
  'ΣΊΣΥΦΟΣ ΟΔΟΣ',
  'e\u0301le\u0300ve',
  '\u0301 a mark after a line break\n\u0301',
  'ﬁnance ß Straße',
  'emoji 🙂 and 𝒜',
  '',
];

describe('folding for the search', () => {
  it('folds every text as the plain way does, with and without the cache of stripped lines', () => {
    const cache = new Map<string, string>();
    for (const text of SAMPLES) {
      expect(foldForSearch(text), text).toBe(reference(text));
      // With a cache, twice: the second time from it.
      expect(foldForSearch(text, cache)).toBe(reference(text));
      expect(foldForSearch(text, cache)).toBe(reference(text));
      expect(searchable(text)).toBe(collapseSpaces(reference(text)));
    }
    // Only lines that are not ASCII are kept, each once.
    expect(cache.size).toBeGreaterThan(0);
    expect([...cache.keys()].every((line) => /[^\x20-\x7e]/u.test(line))).toBe(true);
  });

  it('lower-cases in English, French, Spanish and Arabic exactly as the locale-free toLowerCase does, for every UTF-16 code unit', () => {
    // Why the written answers can be folded once at import, whatever language the analyst reads in.
    let all = '';
    for (let c = 0; c < 0x10000; c++) if (c < 0xd800 || c > 0xdfff) all += String.fromCharCode(c);
    for (const lang of ['en', 'fr', 'es', 'ar']) expect(all.toLocaleLowerCase(lang) === all.toLowerCase(), lang).toBe(true);
    // The check can fail: Turkish lower-cases "I" otherwise (and is not a language of the app).
    expect(all.toLocaleLowerCase('tr') === all.toLowerCase()).toBe(false);
  });

  it('makes a typed search into folded words without whitespace', () => {
    expect(searchTerms('  CÔTE\td’Ivoire\n\u00a0 الهِجْرَة ')).toEqual(['cote', 'd’ivoire', 'الهجرة']);
    expect(searchTerms(' \t ')).toEqual([]);
  });

  it('collapses spaces exactly as replace(/\\s+/g, " ") does, for every UTF-16 code unit and mixed runs', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
    const spaces = [' ', '  ', '\n', '\t \r\n', '\u00a0', '\u2003\u3000', '\ufeff', ' \u2028 '];
    const samples = ['', ' ', 'a', 'a b', ' lead', 'trail ', 'x', 'Côte d’Ivoire'];
    for (const a of samples)
      for (const gap of spaces)
        for (const b of samples) {
          const text = `${a}${gap}${b}${gap}${a}`;
          expect(collapseSpaces(text), JSON.stringify(text)).toBe(text.replace(/\s+/g, ' '));
        }
    expect(searchable('  Côte\n\nd’IVOIRE\t')).toBe(' cote d’ivoire ');
  });
});
