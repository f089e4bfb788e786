/**
 * The submissions table's model, pure and in memory: every row's cells are computed once, each
 * column gets integer sort ranks the first time it is sorted (its distinct values ordered once
 * as an Intl.Collator orders them, so a sort of 5,000 rows compares integers, not strings), and
 * filtering is a pass over precomputed fields and one folded search text per row.
 */

/** A cell as shown, and what it sorts by (a number sorts numerically; null sorts last). */
export interface Cell {
  readonly text: string;
  readonly sort: string | number | null;
}

/** What a row is filtered by (codes, not words: the filter compares values). */
export interface RowFacts {
  readonly mechanism: string;
  readonly mechanismKind: string;
  readonly respondentKind: string;
  readonly questionnaireVersion: string;
  readonly status: string;
  /** `YYYY-MM-DD`, the day it was imported (UTC). */
  readonly importedOn: string;
  /** The review state, when the workspace knows review states ('' otherwise). */
  readonly reviewState: string;
}

export interface TableFilter {
  readonly mechanism?: string;
  readonly mechanismKind?: string;
  readonly respondentKind?: string;
  readonly questionnaireVersion?: string;
  readonly status?: string;
  readonly reviewState?: string;
  /** Inclusive bounds, `YYYY-MM-DD`. */
  readonly importedFrom?: string;
  readonly importedTo?: string;
  readonly search?: string;
}

export type SortDirection = 'ascending' | 'descending';

const EMPTY = -1;

/** Lower-case, without accents (NFD without combining marks), whitespace collapsed: "Côte" finds "cote". */
export function searchable(text: string, lang: string): string {
  return collapseSpaces(foldForSearch(text, lang));
}

/** Any UTF-16 code unit above ASCII (surrogates included). */
const NON_ASCII = /[\u0080-\uffff]/;

const withoutMarks = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '');

/**
 * What a search looks through: `text` lower-case and without accents, as `searchable` makes it
 * but with its whitespace kept as it is. The search's words never contain whitespace (they are
 * split on it), so they occur in this text exactly where they occur in its collapsed form, and
 * collapsing a row's hundreds of spaces was most of the first search's cost.
 * Decomposing and stripping marks is only done on the lines that are not plain ASCII (ASCII has
 * no marks and NFD leaves it as it is): the cost was most of the rest. A line break is a starter
 * that nothing combines with, so line by line gives what the whole text would. `cache` keeps the
 * lines already stripped (the words of a mechanism or a country come back on many rows).
 */
export function foldForSearch(text: string, lang: string, cache?: Map<string, string>): string {
  if (!NON_ASCII.test(text)) return text.toLocaleLowerCase(lang);
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
  return lines.join('\n').toLocaleLowerCase(lang);
}

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
 * replace, one match per space, was measured as most of the cost of the first search (about
 * five times this loop at 5,000 rows). Only runs other than one plain space are rewritten.
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

/** Ranks of values such that ranks compare as the collator compares the values; numbers before strings; null (empty) is -1. */
export function ranksOf(values: readonly (string | number | null)[], collator: Intl.Collator): Int32Array {
  const numbers = [...new Set(values.filter((v): v is number => typeof v === 'number'))].sort((a, b) => a - b);
  const strings = [...new Set(values.filter((v): v is string => typeof v === 'string'))].sort(collator.compare);
  const rank = new Map<string | number, number>();
  numbers.forEach((n, i) => rank.set(n, i));
  // Strings equal for the collator (e.g. "a" and "A" at base sensitivity) share a rank, so ties keep their order.
  let r = numbers.length - 1;
  let previous: string | undefined;
  for (const s of strings) {
    if (previous === undefined || collator.compare(previous, s) !== 0) r++;
    rank.set(s, r);
    previous = s;
  }
  return Int32Array.from(values, (v) => (v === null ? EMPTY : (rank.get(v) ?? EMPTY)));
}

/** Indices sorted by rank, stable (equal ranks keep the given order); descending keeps empty cells last. */
export function sortByRanks(indices: readonly number[], ranks: Int32Array, direction: SortDirection): number[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const key = (i: number): number => {
    const r = ranks[i] ?? EMPTY;
    return r === EMPTY ? Number.MAX_SAFE_INTEGER : sign * r;
  };
  const order = indices.map((i, position) => ({ i, k: key(i), position }));
  order.sort((a, b) => a.k - b.k || a.position - b.position);
  return order.map((o) => o.i);
}

/** The rows (indices) that pass every filter; all words of the search must occur in the row's search text. */
export function filterRows(
  facts: readonly RowFacts[],
  searchTexts: readonly string[],
  filter: TableFilter,
  lang: string,
): number[] {
  const terms = filter.search ? searchable(filter.search, lang).split(' ').filter(Boolean) : [];
  const out: number[] = [];
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    if (!f) continue;
    if (filter.mechanism && f.mechanism !== filter.mechanism) continue;
    if (filter.mechanismKind && f.mechanismKind !== filter.mechanismKind) continue;
    if (filter.respondentKind && f.respondentKind !== filter.respondentKind) continue;
    if (filter.questionnaireVersion && f.questionnaireVersion !== filter.questionnaireVersion) continue;
    if (filter.status && filter.status !== 'all' && f.status !== filter.status) continue;
    if (filter.reviewState && f.reviewState !== filter.reviewState) continue;
    if (filter.importedFrom && f.importedOn < filter.importedFrom) continue;
    if (filter.importedTo && f.importedOn > filter.importedTo) continue;
    if (terms.length > 0) {
      const text = searchTexts[i] ?? '';
      if (!terms.every((term) => text.includes(term))) continue;
    }
    out.push(i);
  }
  return out;
}

/**
 * The table over a fixed set of rows: `cells(column)` computes a column's cells once (they are
 * kept), `ranks(column)` its sort ranks once; `view` filters and sorts.
 */
export function createTableModel<Row>(options: {
  readonly rows: readonly Row[];
  readonly facts: (row: Row) => RowFacts;
  readonly searchText: (row: Row) => string;
  readonly cell: (row: Row, column: string) => Cell;
  readonly lang: string;
}) {
  const { rows, lang } = options;
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const facts = rows.map(options.facts);
  // Made on the first search, so the table opens without reading every written answer first.
  let searchTexts: string[] | undefined;
  const textsToSearch = (): string[] => {
    if (!searchTexts) {
      const stripped = new Map<string, string>();
      searchTexts = rows.map((row) => foldForSearch(options.searchText(row), lang, stripped));
    }
    return searchTexts;
  };
  const cellCache = new Map<string, Cell[]>();
  const rankCache = new Map<string, Int32Array>();
  const cells = (column: string): readonly Cell[] => {
    let found = cellCache.get(column);
    if (!found) {
      found = rows.map((row) => options.cell(row, column));
      cellCache.set(column, found);
    }
    return found;
  };
  const ranks = (column: string): Int32Array => {
    let found = rankCache.get(column);
    if (!found) {
      found = ranksOf(
        cells(column).map((c) => c.sort),
        collator,
      );
      rankCache.set(column, found);
    }
    return found;
  };
  return {
    rows,
    facts,
    cells,
    ranks,
    /** Row indices that pass the filter, in the sort's order (the import order when unsorted). */
    view: (filter: TableFilter, sort?: { readonly column: string; readonly direction: SortDirection }): number[] => {
      const kept = filterRows(facts, filter.search?.trim() ? textsToSearch() : [], filter, lang);
      return sort ? sortByRanks(kept, ranks(sort.column), sort.direction) : kept;
    },
  };
}
export type TableModel<Row> = ReturnType<typeof createTableModel<Row>>;
