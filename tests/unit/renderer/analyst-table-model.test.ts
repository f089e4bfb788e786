import { describe, expect, it } from 'vitest';
import { searchable } from '../../../core/search/fold.js';
import { createTableModel, filterRows, ranksOf, sortByRanks, type RowFacts } from '../../../renderer/iom/analyst/table-model.js';

const facts = (over: Partial<RowFacts> = {}): RowFacts => ({
  mechanism: 'midcom',
  mechanismKind: 'rcp',
  respondentKind: 'secretariat',
  questionnaireVersion: '1.1.0',
  status: 'current',
  importedOn: '2026-11-20',
  reviewState: '',
  ...over,
});

describe('the submissions table model', () => {
  it('ranks strings as the collator orders them (numbers inside text, accents, case), numbers before strings, empty as -1', () => {
    const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });
    const ranks = ranksOf(['item 10', 'Item 2', 'élan', 'Elan', null, 'zèbre', 3, 1], collator);
    // 1 < 3 < "élan" = "Elan" < "item 2" < "item 10" < "zèbre"
    expect([...ranks]).toEqual([4, 3, 2, 2, -1, 5, 1, 0]);
  });

  it('sorts stably, both ways, with empty cells last either way', () => {
    const ranks = Int32Array.from([2, -1, 0, 2, 1]);
    expect(sortByRanks([0, 1, 2, 3, 4], ranks, 'ascending')).toEqual([2, 4, 0, 3, 1]);
    expect(sortByRanks([0, 1, 2, 3, 4], ranks, 'descending')).toEqual([0, 3, 4, 2, 1]);
    expect(sortByRanks([3, 0], ranks, 'ascending')).toEqual([3, 0]);
  });

  it('filters by every field, by import dates inclusive, and by all words of a search without accents or case', () => {
    const rows = [
      facts(),
      facts({ mechanismKind: 'irf', respondentKind: 'state', importedOn: '2026-11-21' }),
      facts({ status: 'superseded', questionnaireVersion: '1.0.0', importedOn: '2026-11-19' }),
      facts({ mechanism: 'other', respondentKind: 'organisation', importedOn: '2026-11-22' }),
    ];
    const texts = ['Côte d’Ivoire secretariat', 'Ghana ministry', 'Côte ministry', 'UNHCR'].map((s) => [searchable(s)]);
    expect(filterRows(rows, texts, {})).toEqual([0, 1, 2, 3]);
    expect(filterRows(rows, texts, { status: 'current' })).toEqual([0, 1, 3]);
    expect(filterRows(rows, texts, { status: 'all' })).toEqual([0, 1, 2, 3]);
    expect(filterRows(rows, texts, { mechanismKind: 'irf' })).toEqual([1]);
    expect(filterRows(rows, texts, { mechanism: 'other' })).toEqual([3]);
    expect(filterRows(rows, texts, { respondentKind: 'secretariat' })).toEqual([0, 2]);
    expect(filterRows(rows, texts, { questionnaireVersion: '1.0.0' })).toEqual([2]);
    expect(filterRows(rows, texts, { importedFrom: '2026-11-20', importedTo: '2026-11-21' })).toEqual([0, 1]);
    expect(filterRows(rows, texts, { search: 'COTE' })).toEqual([0, 2]);
    expect(filterRows(rows, texts, { search: '  cote   MINISTRY ' })).toEqual([2]);
    expect(filterRows(rows, texts, { search: 'nowhere' })).toEqual([]);
    expect(filterRows(rows, texts, { reviewState: 'approved' })).toEqual([]);
  });

  it('computes a column once, then filters and sorts over it', () => {
    let computed = 0;
    const rows = [
      { name: 'Zambia', n: 10 },
      { name: 'angola', n: 2 },
      { name: 'Bénin', n: null },
    ];
    const model = createTableModel({
      rows,
      lang: 'en',
      facts: (r) => facts({ respondentKind: r.name === 'angola' ? 'state' : 'secretariat' }),
      searchText: (r) => r.name,
      cell: (r, column) => {
        computed++;
        return column === 'n' ? { text: String(r.n ?? ''), sort: r.n } : { text: r.name, sort: r.name };
      },
    });
    expect(model.view({}, { column: 'name', direction: 'ascending' })).toEqual([1, 2, 0]);
    expect(model.view({}, { column: 'name', direction: 'descending' })).toEqual([0, 2, 1]);
    expect(model.view({}, { column: 'n', direction: 'descending' })).toEqual([0, 1, 2]);
    expect(model.view({ respondentKind: 'secretariat' }, { column: 'n', direction: 'ascending' })).toEqual([0, 2]);
    expect(model.view({ search: 'benin' })).toEqual([2]);
    expect(computed).toBe(6);
  });
});
