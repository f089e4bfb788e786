import { describe, expect, it } from 'vitest';
import type { QuestionNode } from '../../../core/questionnaire/index.js';
import { binsFor, medianOf, reportAll, reportQuestion, type QuestionReport, type ReportSubmission } from '../../../renderer/iom/analyst/report-aggregate.js';
import { realQuestionnaire } from '../import/response-kit.js';
import { seededRandom } from '../../helpers/seeded-random.js';

/**
 * The reports read every submission once for all questions (for speed at 5,000 submissions).
 * This checks them against a plain reference written apart from them: each question on its own,
 * each submission's value looked up directly, each figure counted the obvious way, over a seeded
 * set of submissions with the awkward cases (missing, empty and null answers, duplicate and
 * unknown choices, repeat rows that are not objects, groups that are not asked for).
 */

const loaded = realQuestionnaire();
const SCALES = new Set(['yes_no_dont_know', 'agreement_scale', 'impact_scale']);

function seeded(count: number): ReportSubmission[] {
  const next = seededRandom(15);
  const pick = <T,>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
  const valueFor = (node: QuestionNode): unknown => {
    const r = next();
    if (r < 0.06) return undefined;
    if (r < 0.08) return null;
    if (r < 0.1) return '';
    const choices = (node.choices ?? []).map((c) => c.value);
    switch (node.question.type) {
      case 'integer':
      case 'year':
        return 1990 + Math.floor(next() * 40);
      case 'decimal':
        return Math.round(next() * 1000) / 10;
      case 'date':
        return next() < 0.05 ? 'not a date' : `20${String(18 + Math.floor(next() * 6))}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15`;
      case 'multiple_choice':
        // Duplicates, an unknown code, a non-string, or nothing chosen.
        return [...choices.filter(() => next() < 0.3), ...(next() < 0.2 ? [pick(choices), pick(choices)] : []), ...(next() < 0.05 ? ['retired_code', 7] : [])];
      case 'matrix':
        return Object.fromEntries([...(node.rows ?? []).map((row) => [row.value, pick(choices) ?? '']), ['unknown_row', pick(choices) ?? '']]);
      case 'attachment':
        return next() < 0.5 ? [{ name: 'a.pdf', size: 10 }] : [];
      case 'text':
      case 'long_text':
        return `answer ${String(Math.floor(next() * 50))}`;
      default:
        return next() < 0.03 ? 'retired_code' : pick(choices);
    }
  };
  const top = [...loaded.questions.values()].filter((n) => n.repeatGroupId === undefined);
  const repeats = new Map<string, QuestionNode[]>();
  for (const n of loaded.questions.values()) if (n.repeatGroupId !== undefined) repeats.set(n.repeatGroupId, [...(repeats.get(n.repeatGroupId) ?? []), n]);
  return Array.from({ length: count }, (_, i) => {
    const responses: Record<string, unknown> = {};
    for (const n of top) {
      const v = valueFor(n);
      if (v !== undefined) responses[n.id] = v;
    }
    for (const [groupId, members] of repeats) {
      if (next() < 0.1) continue;
      responses[groupId] =
        next() < 0.05
          ? 'not rows'
          : Array.from({ length: Math.floor(next() * 4) }, () => (next() < 0.05 ? null : Object.fromEntries(members.map((m): [string, unknown] => [m.id, valueFor(m)]).filter(([, v]) => v !== undefined))));
    }
    return { responses, group: pick(['rcp', 'irf', 'global', '', 'not asked for']) ?? '', name: `submission ${String(i)}` };
  });
}

const empty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** The reference: one question, one group, each submission's values looked up directly. */
function referenceGroup(node: QuestionNode, submissions: readonly ReportSubmission[], group: string) {
  let total = 0;
  const values: unknown[] = [];
  const names: string[] = [];
  for (const s of submissions) {
    if (s.group !== group) continue;
    let units: unknown[] = [s.responses[node.id]];
    if (node.repeatGroupId !== undefined) {
      const rows = s.responses[node.repeatGroupId];
      units = Array.isArray(rows) ? rows.map((row: unknown) => (typeof row === 'object' && row !== null ? (row as Record<string, unknown>)[node.id] : undefined)) : [];
    }
    for (const v of units) {
      total++;
      if (!empty(v)) {
        values.push(v);
        names.push(s.name);
      }
    }
  }
  return { total, values, names };
}

function expectMatchesReference(report: QuestionReport, node: QuestionNode, submissions: readonly ReportSubmission[], groups: readonly string[]): void {
  expect(report.questionId).toBe(node.id);
  expect(report.groups.map((g) => g.group)).toEqual(groups);
  const perGroup = groups.map((g) => referenceGroup(node, submissions, g));
  const type = node.question.type;
  report.groups.forEach((g, i) => expect(g.total, `${node.id} total`).toBe(perGroup[i]?.total));
  switch (report.kind) {
    case 'choice': {
      expect(type === 'single_choice' || type === 'multiple_choice' || SCALES.has(type)).toBe(true);
      const listed = (node.choices ?? []).map((c) => c.value);
      expect(report.choices.slice(0, listed.length)).toEqual(listed);
      report.groups.forEach((g, i) => {
        const values = perGroup[i]?.values ?? [];
        expect(g.answered).toBe(values.length);
        report.choices.forEach((choice, c) => {
          const expected = values.filter((v) => v === choice || (report.multiple && Array.isArray(v) && v.includes(choice))).length;
          expect(g.counts[c], `${node.id} ${choice}`).toBe(expected);
        });
      });
      // Values outside the list are listed after it, each once, in the order they were first met.
      const seen = perGroup.flatMap((g) => g.values.flatMap((v) => (typeof v === 'string' ? [v] : report.multiple && Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])));
      expect(report.choices.slice(listed.length)).toEqual([...new Set(seen.filter((v) => !listed.includes(v)))]);
      return;
    }
    case 'number': {
      const all = perGroup.flatMap((g) => g.values.filter((v): v is number => typeof v === 'number'));
      expect(report.bins).toEqual(binsFor(all).bins);
      report.groups.forEach((g, i) => {
        const numbers = (perGroup[i]?.values ?? []).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
        expect(g).toMatchObject({ answered: numbers.length, n: numbers.length, median: medianOf(numbers), min: numbers[0] ?? null, max: numbers.at(-1) ?? null });
        const last = report.bins.length - 1;
        expect(g.counts).toEqual(report.bins.map((b, k) => numbers.filter((v) => v >= b.from && (v < b.to || (k === last && v <= b.to))).length));
      });
      return;
    }
    case 'matrix':
      report.groups.forEach((g, i) => {
        const values = (perGroup[i]?.values ?? []) as Record<string, unknown>[];
        expect(g.answered).toBe(values.length);
        expect(g.counts).toEqual(report.rows.map((row) => report.choices.map((choice) => values.filter((v) => v[row] === choice).length)));
      });
      return;
    case 'date':
      report.groups.forEach((g, i) => {
        const dates = (perGroup[i]?.values ?? []).filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v));
        expect(g.answered).toBe(dates.length);
        expect(g.counts).toEqual(report.periods.map((p) => dates.filter((d) => d.startsWith(p)).length));
      });
      return;
    case 'files':
      report.groups.forEach((g, i) => {
        const values = perGroup[i]?.values ?? [];
        expect(g).toMatchObject({ answered: values.length, files: values.reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0) });
      });
      return;
    case 'text':
      expect(report.answers).toEqual(
        groups.flatMap((group, i) => (perGroup[i]?.values ?? []).map((v, k) => ({ group, name: perGroup[i]?.names[k] ?? '', text: typeof v === 'string' ? v : JSON.stringify(v) }))),
      );
      report.groups.forEach((g, i) => expect(g.answered).toBe(perGroup[i]?.values.length));
  }
}

describe('the reports against a plain reference', () => {
  const submissions = seeded(400);
  const groups = ['rcp', 'irf', 'global', ''];

  it('gives every question of the real questionnaire the reference’s figures, by group', () => {
    const reports = reportAll(loaded, submissions, groups);
    const nodes = loaded.documentOrder.flatMap((id) => {
      const n = loaded.questions.get(id);
      return n ? [n] : [];
    });
    expect(reports).toHaveLength(nodes.length);
    // Every kind of report is exercised.
    expect(new Set(reports.map((r) => r.kind))).toEqual(new Set(['choice', 'number', 'matrix', 'date', 'text', 'files']));
    reports.forEach((report, k) => {
      const node = nodes[k];
      if (!node) throw new Error('no node');
      expectMatchesReference(report, node, submissions, groups);
    });
  });

  it('gives one question alone the same report as within all of them, and one group of everything', () => {
    const all = reportAll(loaded, submissions, groups);
    for (const [k, id] of loaded.documentOrder.filter((id) => loaded.questions.has(id)).entries()) {
      const node = loaded.questions.get(id);
      if (!node) continue;
      expect(reportQuestion(node, submissions, groups)).toEqual(all[k]);
    }
    const together = submissions.map((s) => ({ ...s, group: '' }));
    for (const [k, report] of reportAll(loaded, together, ['']).entries()) {
      const node = loaded.questions.get(report.questionId);
      if (!node) throw new Error(report.questionId);
      expect(report.questionId).toBe(all[k]?.questionId);
      expectMatchesReference(report, node, together, ['']);
    }
  });
});
