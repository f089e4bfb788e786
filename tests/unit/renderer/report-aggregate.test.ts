import { describe, expect, it } from 'vitest';
import { binsFor, groupsOf, medianOf, reportAll, reportQuestion, type ReportSubmission } from '../../../renderer/iom/analyst/report-aggregate.js';
import { realQuestionnaire } from '../import/response-kit.js';

const loaded = realQuestionnaire();
const node = (id: string) => {
  const found = loaded.questions.get(id);
  if (!found) throw new Error(`no question ${id}`);
  return found;
};
const sub = (group: string, responses: Record<string, unknown>, name = group): ReportSubmission => ({ group, responses, name });
const formality = (node('formality_level').choices ?? []).map((c) => c.value);
const themes = (node('thematic_areas').choices ?? []).map((c) => c.value);

describe('the reports’ aggregation', () => {
  it('counts a single choice per group in the list’s order, values the list lacks after it', () => {
    const [a, b] = formality;
    const report = reportQuestion(
      node('formality_level'),
      [sub('rcp', { formality_level: a }), sub('rcp', { formality_level: a }), sub('irf', { formality_level: b }), sub('irf', {}), sub('rcp', { formality_level: 'retired_code' })],
      ['rcp', 'irf'],
    );
    expect(report).toMatchObject({ kind: 'choice', multiple: false, scale: false });
    if (report.kind !== 'choice') return;
    expect(report.choices).toEqual([...formality, 'retired_code']);
    const rcp = report.groups[0];
    const irf = report.groups[1];
    expect(rcp).toMatchObject({ group: 'rcp', total: 3, answered: 3 });
    expect(rcp?.counts[0]).toBe(2);
    expect(rcp?.counts[formality.length]).toBe(1);
    expect(irf).toMatchObject({ group: 'irf', total: 2, answered: 1 });
    expect(irf?.counts[1]).toBe(1);
    expect(irf?.counts.reduce((x, y) => x + y, 0)).toBe(1);
  });

  it('counts a multiple choice once per submission and choice, out of the submissions that answered', () => {
    const [a, b] = themes;
    const report = reportQuestion(node('thematic_areas'), [sub('', { thematic_areas: [a, b] }), sub('', { thematic_areas: [a, a] }), sub('', { thematic_areas: [] }), sub('', {})], ['']);
    if (report.kind !== 'choice') throw new Error(report.kind);
    expect(report.multiple).toBe(true);
    expect(report.groups[0]).toMatchObject({ total: 4, answered: 2 });
    expect(report.groups[0]?.counts.slice(0, 2)).toEqual([2, 1]);
  });

  it('marks scales for stacked bars, and counts a matrix per row and scale point', () => {
    const scale = reportQuestion(node('structure_fit'), [sub('', { structure_fit: 'agree' })], ['']);
    expect(scale).toMatchObject({ kind: 'choice', scale: true });
    const m = node('sustainability_matrix');
    const rows = (m.rows ?? []).map((r) => r.value);
    const points = (m.choices ?? []).map((c) => c.value);
    const [r0 = '', r1 = ''] = rows;
    const report = reportQuestion(m, [sub('', { sustainability_matrix: { [r0]: points[0], [r1]: points[2] } }), sub('', { sustainability_matrix: { [r0]: points[0] } })], ['']);
    if (report.kind !== 'matrix') throw new Error(report.kind);
    expect(report.rows).toEqual(rows);
    expect(report.groups[0]?.counts[0]?.[0]).toBe(2);
    expect(report.groups[0]?.counts[1]?.[2]).toBe(1);
    expect(report.groups[0]?.answered).toBe(2);
  });

  it('summarises numbers: n, median (even and odd), min, max, and a histogram whose counts add up to n', () => {
    expect(medianOf([1, 2, 3])).toBe(2);
    expect(medianOf([1, 2, 3, 10])).toBe(2.5);
    expect(medianOf([])).toBeNull();
    const years = [3, 5, 5, 8, 1, 40, 12];
    const report = reportQuestion(node('years_active'), years.map((y) => sub('', { years_active: y })).concat(sub('', {})), ['']);
    if (report.kind !== 'number') throw new Error(report.kind);
    expect(report.groups[0]).toMatchObject({ total: 8, answered: 7, n: 7, median: 5, min: 1, max: 40 });
    expect(report.groups[0]?.counts.reduce((x, y) => x + y, 0)).toBe(7);
    expect(report.bins[0]?.from).toBeLessThanOrEqual(1);
    expect(report.bins[report.bins.length - 1]?.to).toBeGreaterThanOrEqual(40);
    // Few distinct whole numbers: one bin per value.
    expect(binsFor([2019, 2020, 2022])).toEqual({ unitBins: true, bins: [2019, 2020, 2021, 2022].map((v) => ({ from: v, to: v + 1 })) });
  });

  it('sorts numbers as a comparator does, -0 and 0 kept in the order they came (shown as "-0" and "0")', () => {
    const numbers = (values: unknown[]) => {
      const report = reportQuestion(node('years_active'), values.map((v) => sub('', { years_active: v })), ['']);
      if (report.kind !== 'number') throw new Error(report.kind);
      return report.groups[0];
    };
    const mixed = numbers([0, -0, 3, Number.NaN, 'x', -2.5]);
    expect(mixed).toMatchObject({ n: 4, median: 0, min: -2.5, max: 3 });
    const zeros = numbers([0, -0]);
    expect(Object.is(zeros?.min, 0) && Object.is(zeros?.max, -0)).toBe(true);
    const negativeFirst = numbers([-0, 0]);
    expect(Object.is(negativeFirst?.min, -0) && Object.is(negativeFirst?.max, 0)).toBe(true);
    expect(numbers([10, 9, 100, 1.5])).toMatchObject({ median: 9.5, min: 1.5, max: 100 });
  });

  it('counts a repeat group’s answers once per row', () => {
    const report = reportQuestion(
      node('achievement_year'),
      [sub('', { achievements: [{ _row: 'a', achievement_year: 2020 }, { _row: 'b', achievement_year: 2021 }] }), sub('', { achievements: [{ _row: 'c' }] })],
      [''],
    );
    if (report.kind !== 'number') throw new Error(report.kind);
    expect(report.groups[0]).toMatchObject({ total: 3, answered: 2, min: 2020, max: 2021 });
  });

  it('draws dates per month across gaps, or per year over more than three years', () => {
    const monthly = reportQuestion(node('founding_document_date'), ['2024-01-15', '2024-03-02', '2024-03-30'].map((d) => sub('', { founding_document_date: d })), ['']);
    expect(monthly).toMatchObject({ kind: 'date', byYear: false, periods: ['2024-01', '2024-02', '2024-03'] });
    if (monthly.kind === 'date') expect(monthly.groups[0]?.counts).toEqual([1, 0, 2]);
    const yearly = reportQuestion(node('founding_document_date'), ['1999-12-31', '2004-06-01'].map((d) => sub('', { founding_document_date: d })), ['']);
    expect(yearly).toMatchObject({ kind: 'date', byYear: true, periods: ['1999', '2000', '2001', '2002', '2003', '2004'] });
  });

  it('lists text answers with their submission, and covers every question of the real questionnaire', () => {
    const text = reportQuestion(node('mechanism_website'), [sub('g', { mechanism_website: 'https://a.example' }, 'MIDCOM, secretariat')], ['g']);
    expect(text).toEqual({ kind: 'text', questionId: 'mechanism_website', groups: [{ group: 'g', total: 1, answered: 1 }], answers: [{ group: 'g', name: 'MIDCOM, secretariat', text: 'https://a.example' }] });
    expect(reportAll(loaded, [], ['']).map((r) => r.questionId)).toEqual([...loaded.questions.keys()].filter((id) => loaded.documentOrder.includes(id)).sort((a, b) => loaded.documentOrder.indexOf(a) - loaded.documentOrder.indexOf(b)));
  });

  it('orders groups as their list, then others, not stated last', () => {
    expect(groupsOf(['irf', '', 'zz', 'rcp', 'irf'], ['rcp', 'irf', 'global'])).toEqual(['rcp', 'irf', 'zz', '']);
  });
});
