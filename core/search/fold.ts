/**
 * How the analyst's search compares text: lower case and without accents, so "cote" finds
 * "Côte d’Ivoire" and an Arabic word is found with or without its vowel marks.
 *
 * The folding is the same in every language: the written answers are folded once, when a
 * package is imported (main/services/import/search-texts.ts), not in the reader's language.
 * Lower-casing in English, French, Spanish or Arabic is the locale-independent `toLowerCase()`
 * (checked for every UTF-16 code unit in tests/unit/search/fold.test.ts); the languages whose
 * lower case differs (Turkish, Azeri, Lithuanian) are not languages of the app.
 */

/** Any UTF-16 code unit above ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

const withoutMarks = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * `text` lower-case and without accents (NFD without combining marks), its whitespace kept as it
 * is. A search's words never contain whitespace (they are split on it), so they occur in this
 * text exactly where they occur in its collapsed form, and collapsing a row's hundreds of spaces
 * was most of the cost of a first search.
 * Decomposing and stripping marks is only done on the lines that are not plain ASCII (ASCII has
 * no marks and NFD leaves it as it is). A line break is a starter that nothing combines with, so
 * line by line gives what the whole text would. `cache` keeps the lines already stripped (the
 * words of a mechanism or a country come back on many rows).
 */
export function foldForSearch(text: string, cache?: Map<string, string>): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!NON_ASCII.test(line)) continue;
    let stripped = cache?.get(line);
    if (stripped === undefined) {
      stripped = withoutMarks(line);
      cache?.set(line, stripped);
    }
    lines[i] = stripped;
  }
  return lines.join('\n').toLowerCase();
}

/** Folded as `foldForSearch` does, whitespace collapsed: what a typed search is made into. */
export function searchable(text: string): string {
  return collapseSpaces(foldForSearch(text));
}

/** The words of a typed search, folded; none contains whitespace. */
export const searchTerms = (search: string): string[] => searchable(search).split(' ').filter(Boolean);

/** What `\s` matches (checked against it for every UTF-16 code unit in the unit tests). */
export const isSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  (c >= 0xa0 &&
    (c === 0xa0 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f ||
      c === 0x3000 ||
      c === 0xfeff));

/**
 * `text.replace(/\s+/g, ' ')`, by hand: a row's search text has hundreds of words, and that
 * replace, one match per space, was measured at about five times this loop at 5,000 rows. Only
 * runs other than one plain space are rewritten.
 */
export function collapseSpaces(text: string): string {
  let out = '';
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c)) continue;
    let j = i + 1;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (c !== 32 || j > i + 1) {
      out += text.slice(from, i) + ' ';
      from = j;
    }
    i = j - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}
