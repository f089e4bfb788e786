import { describe, expect, it } from 'vitest';
import { collatorOrder, ranksOf } from '../../../renderer/iom/analyst/table-model.js';
import { seededRandom } from '../../helpers/seeded-random.js';

/**
 * A column's distinct texts are ordered by cheap keys and then checked pair by pair with the
 * collator: the ranks must always be the collator's own, whatever the text and the language.
 */

/** The plain way: every string sorted with the collator, equal neighbours sharing a rank. */
function referenceRanks(values: readonly (string | number | null)[], collator: Intl.Collator): number[] {
  const numbers = [...new Set(values.filter((v): v is number => typeof v === 'number'))].sort((a, b) => a - b);
  const strings = [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort(collator.compare);
  const rank = new Map<string | number, number>();
  numbers.forEach((n, i) => rank.set(n, i));
  let r = numbers.length - 1;
  strings.forEach((s, i) => {
    if (i === 0 || collator.compare(strings[i - 1] ?? '', s) !== 0) r++;
    rank.set(s, r);
  });
  return values.map((v) => (v === null ? -1 : (rank.get(v) ?? -1)));
}

/** Letters of both cases, accents precomposed and combining, digits with leading zeros, punctuation, spaces, expansions, Arabic, a Turkish dotless i, an emoji, a control. */
const PIECES = [
  'a',
  'A',
  'b',
  'c',
  'h',
  'ch',
  'e',
  'é',
  'e\u0301',
  'E',
  'i',
  'I',
  'ı',
  'İ',
  'o',
  'ö',
  'z',
  'æ',
  'ae',
  'ß',
  'ss',
  'aa',
  'å',
  'ñ',
  ' ',
  '  ',
  '-',
  '_',
  '.',
  ',',
  '’',
  "'",
  '(',
  '0',
  '00',
  '1',
  '2',
  '9',
  '10',
  '٣',
  'م',
  'ح',
  'مُ',
  'ا',
  'لا',
  'ﻻ',
  '🙂',
  '\u0007',
  'Signer ',
  'Côte d’Ivoire',
];

/** What names and answers are mostly made of: the keys hold for these. */
const PLAIN = [
  'a',
  'A',
  'b',
  'c',
  'h',
  'e',
  'é',
  'e\u0301',
  'E',
  'i',
  'o',
  'ö',
  'z',
  'ñ',
  ' ',
  '-',
  '.',
  ',',
  '’',
  '(',
  '0',
  '00',
  '1',
  '2',
  '9',
  '10',
  'م',
  'ح',
  'مُ',
  'ا',
  'Signer ',
  'Côte d’Ivoire',
];

function words(count: number, seed: number, pieces = PIECES): string[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + Math.floor(next() * 6) }, () => pieces[Math.floor(next() * pieces.length)] ?? '').join(''),
  );
}

describe('sort ranks of a column', () => {
  it('are the collator’s own for random texts, in the app’s languages and in locales with contractions (Danish aa, Czech ch, Turkish i)', () => {
    for (const lang of ['en', 'fr', 'es', 'ar', 'da', 'cs', 'tr', 'sv']) {
      const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
      for (const seed of [1, 2, 3]) {
        const values: (string | number | null)[] = [...words(400, seed), null, 3, 1.5, 3, ''];
        expect([...ranksOf(values, collator)], `${lang} ${String(seed)}`).toEqual(referenceRanks(values, collator));
      }
    }
  });

  it('are the collator’s for random plain texts ordered by the keys alone', () => {
    for (const lang of ['en', 'fr', 'es', 'ar']) {
      const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
      for (const seed of [4, 5, 6]) {
        const values = words(400, seed, PLAIN);
        expect(collatorOrder([...new Set(values)], collator).byKeys, `${lang} ${String(seed)}`).toBe(true);
        expect([...ranksOf(values, collator)], `${lang} ${String(seed)}`).toEqual(referenceRanks(values, collator));
      }
    }
  });

  it('are the collator’s for long texts told apart only after their key is cut, and for long numbers', () => {
    const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const long = 'x'.repeat(200);
    const values = [
      `${long}b`,
      `${long}a`,
      `${long}A`,
      long,
      `n ${'9'.repeat(300)}`,
      `n ${'9'.repeat(299)}8`,
      'n 1',
      `n 0001`,
      'n 2',
    ];
    expect([...ranksOf(values, collator)]).toEqual(referenceRanks(values, collator));
  });

  it('order a column of distinct names by the keys alone where they agree with the collator, and by the collator where they do not', () => {
    const en = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
    const signers = Array.from({ length: 500 }, (_, i) => `Signer ${String(499 - i)}`);
    const fast = collatorOrder(signers, en);
    expect(fast.byKeys).toBe(true);
    expect(fast.order).toEqual([...signers].sort(en.compare));
    expect(fast.order.slice(0, 3)).toEqual(['Signer 0', 'Signer 1', 'Signer 2']);
    const names = [
      'Éric Dupont',
      'eric dupont',
      'Aïcha Koné',
      'Zoé',
      'محمد',
      'أحمد',
      'Ólafur',
      'O’Brien',
      'Obi-Wan',
      'obi wan',
    ];
    const mixed = collatorOrder(names, en);
    expect(mixed.byKeys).toBe(true);
    expect(mixed.order).toEqual([...names].sort(en.compare));
    expect(
      mixed.startsRank[mixed.order.indexOf('eric dupont')] === false ||
        mixed.startsRank[mixed.order.indexOf('Éric Dupont')] === false,
    ).toBe(true);
    // Danish sorts "aa" as "å", after "z": a key made of single letters disagrees, and the collator decides.
    const da = new Intl.Collator('da', { numeric: true, sensitivity: 'base' });
    const danish = collatorOrder(['Aabenraa', 'Zealand', 'Abild'], da);
    expect(danish.byKeys).toBe(false);
    expect(danish.order).toEqual(['Abild', 'Zealand', 'Aabenraa']);
  });
});
