import type { LoadedQuestionnaire, QuestionNode } from '../../../core/questionnaire/index.js';

/**
 * The reports' numbers, per question by its type, as KoboToolbox's Reports tab gives them:
 * counts per choice (multiple choice: share of the submissions that answered), a histogram and
 * n, median, min and max for numbers, counts per row and scale point for matrices and scales,
 * counts per month (or year) for dates, the answers themselves for text. Each is computed for
 * every group of a disaggregation (or one group of all). Pure: no chart, no words.
 * Answers inside a repeat group count once per row.
 */

export interface ReportSubmission {
  readonly responses: Readonly<Record<string, unknown>>;
  /** Its group's key ('' when the report is not disaggregated, or the grouping answer is missing). */
  readonly group: string;
  /** What the answers list shows it as (e.g. the mechanism and respondent). */
  readonly name: string;
}

export interface GroupBase {
  readonly group: string;
  /** Submissions of the group (or repeat rows, for a question inside a repeat group). */
  readonly total: number;
  /** Of them, how many answered. */
  readonly answered: number;
}

export interface ChoiceReport {
  readonly kind: 'choice';
  readonly questionId: string;
  readonly multiple: boolean;
  /** A scale (agreement, impact, yes/no/don't know): drawn as stacked bars. */
  readonly scale: boolean;
  /** Choice values in the list's order, then any value the list does not have. */
  readonly choices: readonly string[];
  readonly groups: readonly (GroupBase & { readonly counts: readonly number[] })[];
}

export interface Bin {
  readonly from: number;
  /** Exclusive, except for the last bin. */
  readonly to: number;
}
export interface NumberSummary {
  readonly n: number;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}
export interface NumberReport {
  readonly kind: 'number';
  readonly questionId: string;
  readonly bins: readonly Bin[];
  /** Bins of one value each (years, small counts): label them by the value. */
  readonly unitBins: boolean;
  readonly groups: readonly (GroupBase & NumberSummary & { readonly counts: readonly number[] })[];
}

export interface MatrixReport {
  readonly kind: 'matrix';
  readonly questionId: string;
  readonly rows: readonly string[];
  readonly choices: readonly string[];
  /** counts[row][choice], for each group. */
  readonly groups: readonly (GroupBase & { readonly counts: readonly (readonly number[])[] })[];
}

export interface DateReport {
  readonly kind: 'date';
  readonly questionId: string;
  /** `YYYY-MM` (by month) or `YYYY` (by year, when the dates span more than three years). */
  readonly periods: readonly string[];
  readonly byYear: boolean;
  readonly groups: readonly (GroupBase & { readonly counts: readonly number[] })[];
}

export interface TextReport {
  readonly kind: 'text';
  readonly questionId: string;
  readonly groups: readonly GroupBase[];
  readonly answers: readonly { readonly group: string; readonly name: string; readonly text: string }[];
}

/** Attachments: how many answered, and how many files. */
export interface FilesReport {
  readonly kind: 'files';
  readonly questionId: string;
  readonly groups: readonly (GroupBase & { readonly files: number })[];
}

export type QuestionReport = ChoiceReport | NumberReport | MatrixReport | DateReport | TextReport | FilesReport;

const SCALES = new Set(['yes_no_dont_know', 'agreement_scale', 'impact_scale']);
const NUMBERS = new Set(['integer', 'decimal', 'year']);

/** One question's answers for one group: its units (submissions or repeat rows), and the answered values in order. */
interface Collected {
  readonly group: string;
  total: number;
  readonly values: unknown[];
  /** The submission's name for each value (text questions only: only their answers are listed). */
  readonly names: string[];
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Per question, per group in the groups' order: the question's values. One pass over the
 * submissions reads all the questions of each (every submission's answers are read while they
 * are at hand, rather than 5,000 answer objects walked once per question); the values of each
 * question still come in the submissions' order, and a repeat group's rows in their order.
 */
function collectAll(nodes: readonly QuestionNode[], submissions: readonly ReportSubmission[], groups: readonly string[]): Collected[][] {
  const index = new Map(groups.map((g, i) => [g, i]));
  const out = nodes.map(() => groups.map((group): Collected => ({ group, total: 0, values: [], names: [] })));
  // Per group, what to read for each question: top-level questions from the submission, a repeat
  // group's questions from each of its rows.
  interface Slot {
    readonly id: string;
    readonly into: Collected;
    readonly named: boolean;
  }
  const slotOf = (k: number, g: number): Slot | undefined => {
    const node = nodes[k];
    const into = out[k]?.[g];
    return node && into ? { id: node.id, into, named: node.question.type === 'text' || node.question.type === 'long_text' } : undefined;
  };
  const repeatIds = [...new Set(nodes.flatMap((n) => (n.repeatGroupId === undefined ? [] : [n.repeatGroupId])))];
  const plans = groups.map((_, g) => ({
    top: nodes.flatMap((n, k) => (n.repeatGroupId === undefined ? [slotOf(k, g)].filter((x): x is Slot => x !== undefined) : [])),
    repeats: repeatIds.map((groupId) => ({
      groupId,
      members: nodes.flatMap((n, k) => (n.repeatGroupId === groupId ? [slotOf(k, g)].filter((x): x is Slot => x !== undefined) : [])),
    })),
  }));
  const add = (slot: Slot, v: unknown, name: string): void => {
    slot.into.total++;
    if (isEmpty(v)) return;
    slot.into.values.push(v);
    if (slot.named) slot.into.names.push(name);
  };
  for (const s of submissions) {
    const g = index.get(s.group);
    const plan = g === undefined ? undefined : plans[g];
    if (!plan) continue;
    const responses = s.responses;
    for (const slot of plan.top) add(slot, responses[slot.id], s.name);
    for (const { groupId, members } of plan.repeats) {
      const rows = responses[groupId];
      if (!Array.isArray(rows)) continue;
      for (const r of rows as unknown[]) {
        const row = typeof r === 'object' && r !== null ? (r as Record<string, unknown>) : undefined;
        for (const slot of members) add(slot, row?.[slot.id], s.name);
      }
    }
  }
  return out;
}

/** What a report is built from, per group. */
type CollectedGroups = readonly { readonly group: string; readonly total: number; readonly answered: number; readonly values: readonly unknown[]; readonly names: readonly string[] }[];
const withAnswered = (collected: readonly Collected[]): CollectedGroups => collected.map((c) => ({ ...c, answered: c.values.length }));

function choiceReport(node: QuestionNode, collected: CollectedGroups): ChoiceReport {
  const multiple = node.question.type === 'multiple_choice';
  const choices = (node.choices ?? []).map((c) => c.value);
  const extra: string[] = [];
  const position = new Map(choices.map((c, i) => [c, i]));
  const slot = (value: string): number => {
    let at = position.get(value);
    if (at === undefined) {
      at = choices.length + extra.length;
      extra.push(value);
      position.set(value, at);
    }
    return at;
  };
  // The last value (its index among all values) that counted each slot: a multiple choice counts
  // each chosen value once per submission, without making a set per answer.
  const countedBy: number[] = [];
  let answer = 0;
  const raw = collected.map((c) => {
    const counts: number[] = [];
    for (const v of c.values) {
      answer++;
      if (typeof v === 'string') {
        const at = slot(v);
        counts[at] = (counts[at] ?? 0) + 1;
      } else if (multiple && Array.isArray(v)) {
        for (const x of v as unknown[]) {
          if (typeof x !== 'string') continue;
          const at = slot(x);
          if (countedBy[at] === answer) continue;
          countedBy[at] = answer;
          counts[at] = (counts[at] ?? 0) + 1;
        }
      }
    }
    return { group: c.group, total: c.total, answered: c.answered, counts };
  });
  const all = [...choices, ...extra];
  return {
    kind: 'choice',
    questionId: node.id,
    multiple,
    scale: SCALES.has(node.question.type),
    choices: all,
    groups: raw.map((g) => ({ ...g, counts: all.map((_, i) => g.counts[i] ?? 0) })),
  };
}

/** A step of 1, 2 or 5 times a power of ten, about `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

export function medianOf(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Histogram bins over all values: one per value for up to 12 distinct whole numbers, else about Sturges' count of round-width bins. */
export function binsFor(values: readonly number[]): { bins: Bin[]; unitBins: boolean } {
  if (values.length === 0) return { bins: [], unitBins: false };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const whole = values.every(Number.isInteger);
  if (whole && max - min < 12) {
    const bins: Bin[] = [];
    for (let v = min; v <= max; v++) bins.push({ from: v, to: v + 1 });
    return { bins, unitBins: true };
  }
  const count = Math.min(12, Math.ceil(Math.log2(values.length) + 1));
  const width = niceStep((max - min) / count);
  const start = Math.floor(min / width) * width;
  const bins: Bin[] = [];
  for (let from = start; from <= max; from += width) bins.push({ from, to: from + width });
  return { bins, unitBins: false };
}

function binOf(bins: readonly Bin[], v: number): number {
  // The last bin includes its upper bound.
  for (let i = 0; i < bins.length; i++) if (v < (bins[i]?.to ?? 0) || i === bins.length - 1) return i;
  return bins.length - 1;
}

function numberReport(node: QuestionNode, collected: CollectedGroups): NumberReport {
  const perGroup = collected.map((c) => c.values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b));
  const { bins, unitBins } = binsFor(perGroup.flat());
  return {
    kind: 'number',
    questionId: node.id,
    bins,
    unitBins,
    groups: collected.map((c, g) => {
      const sorted = perGroup[g] ?? [];
      const counts = bins.map(() => 0);
      for (const v of sorted) {
        const at = binOf(bins, v);
        counts[at] = (counts[at] ?? 0) + 1;
      }
      return {
        group: c.group,
        total: c.total,
        answered: sorted.length,
        n: sorted.length,
        median: medianOf(sorted),
        min: sorted[0] ?? null,
        max: sorted[sorted.length - 1] ?? null,
        counts,
      };
    }),
  };
}

function matrixReport(node: QuestionNode, collected: CollectedGroups): MatrixReport {
  const rows = (node.rows ?? []).map((r) => r.value);
  const choices = (node.choices ?? []).map((c) => c.value);
  const rowAt = new Map(rows.map((r, i) => [r, i]));
  const choiceAt = new Map(choices.map((c, i) => [c, i]));
  return {
    kind: 'matrix',
    questionId: node.id,
    rows,
    choices,
    groups: collected.map((c) => {
      const counts = rows.map(() => choices.map(() => 0));
      for (const v of c.values) {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) continue;
        for (const [row, answer] of Object.entries(v as Record<string, unknown>)) {
          const r = rowAt.get(row);
          const a = typeof answer === 'string' ? choiceAt.get(answer) : undefined;
          const line = r === undefined ? undefined : counts[r];
          if (line && a !== undefined) line[a] = (line[a] ?? 0) + 1;
        }
      }
      return { group: c.group, total: c.total, answered: c.answered, counts };
    }),
  };
}

const monthAfter = (ym: string): string => {
  const [y, m] = ym.split('-').map(Number);
  const next = (m ?? 1) === 12 ? `${String((y ?? 0) + 1)}-01` : `${String(y)}-${String((m ?? 0) + 1).padStart(2, '0')}`;
  return next.padStart(7, '0');
};

function dateReport(node: QuestionNode, collected: CollectedGroups): DateReport {
  const perGroup = collected.map((c) => c.values.filter((v): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)));
  const all = perGroup.flat().sort();
  const first = all[0];
  const last = all[all.length - 1];
  let periods: string[] = [];
  let byYear = false;
  if (first && last) {
    const years = Number(last.slice(0, 4)) - Number(first.slice(0, 4));
    byYear = years > 3;
    if (byYear) for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) periods.push(String(y).padStart(4, '0'));
    else for (let p = first.slice(0, 7); p <= last.slice(0, 7); p = monthAfter(p)) periods.push(p);
  }
  const at = new Map(periods.map((p, i) => [p, i]));
  periods = [...periods];
  return {
    kind: 'date',
    questionId: node.id,
    periods,
    byYear,
    groups: collected.map((c, g) => {
      const counts = periods.map(() => 0);
      for (const v of perGroup[g] ?? []) {
        const i = at.get(byYear ? v.slice(0, 4) : v.slice(0, 7));
        if (i !== undefined) counts[i] = (counts[i] ?? 0) + 1;
      }
      return { group: c.group, total: c.total, answered: perGroup[g]?.length ?? 0, counts };
    }),
  };
}

function textReport(node: QuestionNode, collected: CollectedGroups): TextReport {
  return {
    kind: 'text',
    questionId: node.id,
    groups: collected.map(({ group, total, answered }) => ({ group, total, answered })),
    answers: collected.flatMap((c) => c.values.map((v, i) => ({ group: c.group, name: c.names[i] ?? '', text: typeof v === 'string' ? v : JSON.stringify(v) }))),
  };
}

function filesReport(node: QuestionNode, collected: CollectedGroups): FilesReport {
  return {
    kind: 'files',
    questionId: node.id,
    groups: collected.map(({ group, total, answered, values }) => ({ group, total, answered, files: values.reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0) })),
  };
}

function reportOf(node: QuestionNode, collected: CollectedGroups): QuestionReport {
  const type = node.question.type;
  if (type === 'matrix') return matrixReport(node, collected);
  if (type === 'single_choice' || type === 'multiple_choice' || SCALES.has(type)) return choiceReport(node, collected);
  if (NUMBERS.has(type)) return numberReport(node, collected);
  if (type === 'date') return dateReport(node, collected);
  if (type === 'attachment') return filesReport(node, collected);
  return textReport(node, collected);
}

/** One question's report. */
export function reportQuestion(node: QuestionNode, submissions: readonly ReportSubmission[], groups: readonly string[]): QuestionReport {
  return reportOf(node, withAnswered(collectAll([node], submissions, groups)[0] ?? []));
}

/** Every question of the questionnaire, in its order (the submissions are read in one pass for all of them). */
export function reportAll(loaded: LoadedQuestionnaire, submissions: readonly ReportSubmission[], groups: readonly string[]): QuestionReport[] {
  const nodes: QuestionNode[] = [];
  for (const id of loaded.documentOrder) {
    const node = loaded.questions.get(id);
    if (node) nodes.push(node);
  }
  const collected = collectAll(nodes, submissions, groups);
  return nodes.map((node, k) => reportOf(node, withAnswered(collected[k] ?? [])));
}

/** The groups of a disaggregation, in the order of `known` (e.g. the choice list), then any other key, '' (not stated) last. */
export function groupsOf(keys: readonly string[], known: readonly string[]): string[] {
  const present = new Set(keys);
  const ordered = known.filter((k) => present.has(k));
  const others = [...present].filter((k) => k !== '' && !known.includes(k)).sort();
  return [...ordered, ...others, ...(present.has('') ? [''] : [])];
}
