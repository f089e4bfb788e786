/**
 * The submissions table's model, pure and in memory: every row's cells are computed once, each
 * column gets integer sort ranks the first time it is sorted (its distinct values ordered once
 * as an Intl.Collator orders them, so a sort of 5,000 rows compares integers, not strings), and
 * filtering is a pass over precomputed fields and each row's folded search texts (core/search).
 */
import { foldForSearch, searchTerms } from '../../../core/search/fold.js';

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

/**
 * Per collator, each character's primary weight: characters the collator finds equal alone share
 * a weight, in the collator's order; ignorable ones (controls, combining marks at base
 * sensitivity) weigh 0 and are left out of keys. Found with the collator itself, a few hundred
 * comparisons for the characters of a column.
 */
interface Weights {
  readonly byCode: Map<number, number>;
  readonly sortedChars: string[];
}
const weightsOf = new WeakMap<Intl.Collator, Weights>();

/** The primary weights of the characters of `strings`, adding the ones not seen before. */
function weigh(strings: readonly string[], collator: Intl.Collator): Weights {
  let weights = weightsOf.get(collator);
  if (!weights) {
    weights = { byCode: new Map(), sortedChars: [] };
    weightsOf.set(collator, weights);
  }
  const fresh = new Set<string>();
  for (const s of strings)
    for (let i = 0; i < s.length; i++) {
      const code = s.charCodeAt(i);
      if (!weights.byCode.has(code)) fresh.add(String.fromCharCode(code));
    }
  if (fresh.size === 0) return weights;
  const chars = [...weights.sortedChars, ...fresh].sort(collator.compare);
  const byCode = weights.byCode;
  byCode.clear();
  let weight = 1;
  let previous: string | undefined;
  const kept: string[] = [];
  for (const c of chars) {
    if (collator.compare(c, '') === 0) {
      byCode.set(c.charCodeAt(0), 0);
      continue;
    }
    if (previous !== undefined && collator.compare(previous, c) !== 0) weight++;
    byCode.set(c.charCodeAt(0), weight);
    kept.push(c);
    previous = c;
  }
  weights.sortedChars.splice(0, weights.sortedChars.length, ...kept);
  return weights;
}

const ZERO = 48;
const NINE = 57;
/** Longer keys add little: strings whose keys tie are told apart by the collator. */
const KEY_LENGTH = 64;

/**
 * A key that compares (as plain UTF-16 strings) in the collator's order for most text: each
 * character's primary weight, a run of ASCII digits as its number (its length, then its digits,
 * as `numeric: true` compares them). Keys may tie where the collator does not, and may disagree
 * with it (an expansion like "æ", a locale's contraction): `collatorOrder` checks. Cut at
 * KEY_LENGTH: a prefix of a key orders as the key does, or ties.
 */
function keyOf(s: string, weights: Weights): string {
  const byCode = weights.byCode;
  const digit = byCode.get(ZERO) ?? 0;
  const codes: number[] = [];
  for (let i = 0; i < s.length && codes.length < KEY_LENGTH; i++) {
    const code = s.charCodeAt(i);
    if (code >= ZERO && code <= NINE && digit !== 0) {
      let j = i;
      while (j < s.length && s.charCodeAt(j) >= ZERO && s.charCodeAt(j) <= NINE) j++;
      let from = i;
      while (from < j - 1 && s.charCodeAt(from) === ZERO) from++;
      codes.push(digit, 0xf000 + Math.min(j - from, 0xfff));
      for (let k = from; k < j; k++) codes.push(s.charCodeAt(k));
      i = j - 1;
      continue;
    }
    const weight = byCode.get(code) ?? 0;
    if (weight !== 0) codes.push(weight);
  }
  return String.fromCharCode(...codes.slice(0, KEY_LENGTH));
}

/**
 * Distinct strings in the collator's order, cheaply where it can be checked: ordered by their
 * keys (ties by the collator), then each neighbouring pair compared once with the collator,
 * which both checks the order and tells equal strings apart. Sorting 5,000 distinct texts (a
 * signer's name) with the collator took about `n log n` collator comparisons, most of a first
 * sort; this takes about `n`. Where a key disagreed with the collator the strings are sorted by the collator alone, so
 * the order is always the collator's. Returns, for each string in order, whether it starts a new
 * rank (is not equal to the one before), and whether the keys held (`byKeys`, for the tests).
 */
export function collatorOrder(
  strings: readonly string[],
  collator: Intl.Collator,
): { order: string[]; startsRank: boolean[]; byKeys: boolean } {
  const compare = collator.compare;
  const weights = weigh(strings, collator);
  const keyed = strings.map((s) => ({ s, key: keyOf(s, weights) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : compare(a.s, b.s)));
  let order = keyed.map((k) => k.s);
  let byKeys = true;
  const startsRank: boolean[] = [];
  for (let i = 0; i < order.length; i++) {
    const c = i === 0 ? 1 : compare(order[i - 1] ?? '', order[i] ?? '');
    if (c < 0 || i === 0) startsRank.push(true);
    else if (c === 0) startsRank.push(false);
    else {
      // A key disagreed with the collator: its order alone.
      byKeys = false;
      order = [...strings].sort(compare);
      startsRank.length = 0;
      for (let k = 0; k < order.length; k++)
        startsRank.push(k === 0 || compare(order[k - 1] ?? '', order[k] ?? '') !== 0);
      break;
    }
  }
  return { order, startsRank, byKeys };
}

/** Ranks of values such that ranks compare as the collator compares the values; numbers before strings; null (empty) is -1. */
export function ranksOf(values: readonly (string | number | null)[], collator: Intl.Collator): Int32Array {
  const numbers = [...new Set(values.filter((v): v is number => typeof v === 'number'))].sort((a, b) => a - b);
  const { order, startsRank } = collatorOrder(
    [...new Set(values.filter((v): v is string => typeof v === 'string'))],
    collator,
  );
  const rank = new Map<string | number, number>();
  numbers.forEach((n, i) => rank.set(n, i));
  // Strings equal for the collator (e.g. "a" and "A" at base sensitivity) share a rank, so ties keep their order.
  let r = numbers.length - 1;
  order.forEach((s, i) => {
    if (startsRank[i]) r++;
    rank.set(s, r);
  });
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

/**
 * The rows (indices) that pass every filter. Each word of the search must occur in one of the
 * row's texts (`texts[i]`, folded as core/search folds): a word never spans two texts, as it never
 * spans two lines of one.
 */
export function filterRows(facts: readonly RowFacts[], texts: readonly (readonly string[])[], filter: TableFilter): number[] {
  const terms = filter.search ? searchTerms(filter.search) : [];
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
      const row = texts[i] ?? [];
      if (!terms.every((term) => row.some((text) => text.includes(term)))) continue;
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
  /** The row's words as the table shows them (folded here, on the first search). */
  readonly searchText: (row: Row) => string;
  /** Text already folded as core/search folds (the written answers, folded at import). */
  readonly foldedText?: (row: Row) => string;
  readonly cell: (row: Row, column: string) => Cell;
  readonly lang: string;
}) {
  const { rows, lang } = options;
  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: 'base' });
  const facts = rows.map(options.facts);
  // Made on the first search, so the table opens without folding every row's words first.
  let searchTexts: (readonly string[])[] | undefined;
  const textsToSearch = (): (readonly string[])[] => {
    if (!searchTexts) {
      const stripped = new Map<string, string>();
      const { foldedText } = options;
      searchTexts = rows.map((row) => {
        const words = foldForSearch(options.searchText(row), stripped);
        return foldedText ? [words, foldedText(row)] : [words];
      });
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
      const kept = filterRows(facts, filter.search?.trim() ? textsToSearch() : [], filter);
      return sort ? sortByRanks(kept, ranks(sort.column), sort.direction) : kept;
    },
  };
}
export type TableModel<Row> = ReturnType<typeof createTableModel<Row>>;
