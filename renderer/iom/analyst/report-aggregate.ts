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

const isChoice = (node: QuestionNode): boolean => {
  const type = node.question.type;
  return type === 'single_choice' || type === 'multiple_choice' || SCALES.has(type);
};

/** One choice question's counts for one group, kept as the submissions are read. */
interface ChoiceGroup {
  readonly group: string;
  total: number;
  answered: number;
  /** By the choice's position in the list. */
  readonly counts: number[];
  /** Values the list does not have, in the order first met in this group. */
  readonly extras: Map<string, number>;
}

/** One choice question's counts for every group: no answer is kept, each is counted as it is read. */
interface ChoiceTally {
  readonly multiple: boolean;
  readonly choices: readonly string[];
  readonly position: ReadonlyMap<string, number>;
  /** The last answer (its number among all answers) that counted each choice: a multiple choice counts each chosen value once. */
  readonly countedBy: number[];
  readonly extraCountedBy: Map<string, number>;
  answer: number;
  readonly groups: ChoiceGroup[];
}

function choiceTally(node: QuestionNode, groups: readonly string[]): ChoiceTally {
  const choices = (node.choices ?? []).map((c) => c.value);
  return {
    multiple: node.question.type === 'multiple_choice',
    choices,
    position: new Map(choices.map((c, i) => [c, i])),
    countedBy: [],
    extraCountedBy: new Map(),
    answer: 0,
    groups: groups.map((group) => ({ group, total: 0, answered: 0, counts: choices.map(() => 0), extras: new Map() })),
  };
}

function countChoice(tally: ChoiceTally, into: ChoiceGroup, value: string): void {
  const at = tally.position.get(value);
  if (at !== undefined) {
    if (tally.countedBy[at] === tally.answer) return;
    tally.countedBy[at] = tally.answer;
    into.counts[at] = (into.counts[at] ?? 0) + 1;
  } else {
    if (tally.extraCountedBy.get(value) === tally.answer) return;
    tally.extraCountedBy.set(value, tally.answer);
    into.extras.set(value, (into.extras.get(value) ?? 0) + 1);
  }
}

/** One answer of a choice question (not empty). */
function tallyAnswer(tally: ChoiceTally, into: ChoiceGroup, v: unknown): void {
  into.answered++;
  tally.answer++;
  if (typeof v === 'string') countChoice(tally, into, v);
  else if (tally.multiple && Array.isArray(v))
    for (const x of v as unknown[]) if (typeof x === 'string') countChoice(tally, into, x);
}

/** A question's answers as read: kept for the report (numbers, dates, texts…), or counted (choices). */
type Read = { readonly collected: Collected[] } | { readonly tally: ChoiceTally };

/**
 * Per question, per group in the groups' order: the question's values, or for a choice
 * question its counts. One pass over the submissions reads all the questions of each (every
 * submission's answers are read while they are at hand, rather than 5,000 answer objects walked
 * once per question); the values of each question still come in the submissions' order, and a
 * repeat group's rows in their order. Choice questions (most of the questionnaire) are counted
 * as they are read rather than kept and read a second time.
 */
function collectAll(
  nodes: readonly QuestionNode[],
  submissions: readonly ReportSubmission[],
  groups: readonly string[],
): Read[] {
  const index = new Map(groups.map((g, i) => [g, i]));
  const out: Read[] = nodes.map((node) =>
    isChoice(node)
      ? { tally: choiceTally(node, groups) }
      : { collected: groups.map((group): Collected => ({ group, total: 0, values: [], names: [] })) },
  );
  // Per group, what to read for each question: top-level questions from the submission, a repeat
  // group's questions from each of its rows.
  interface Slot {
    readonly id: string;
    readonly into?: Collected;
    readonly tally?: ChoiceTally;
    readonly counts?: ChoiceGroup;
    readonly named: boolean;
  }
  const slotOf = (k: number, g: number): Slot | undefined => {
    const node = nodes[k];
    const read = out[k];
    if (!node || !read) return undefined;
    if ('tally' in read) {
      const counts = read.tally.groups[g];
      return counts ? { id: node.id, tally: read.tally, counts, named: false } : undefined;
    }
    const into = read.collected[g];
    return into
      ? { id: node.id, into, named: node.question.type === 'text' || node.question.type === 'long_text' }
      : undefined;
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
    const { tally, counts, into } = slot;
    if (tally && counts) {
      counts.total++;
      if (!isEmpty(v)) tallyAnswer(tally, counts, v);
      return;
    }
    if (!into) return;
    into.total++;
    if (isEmpty(v)) return;
    into.values.push(v);
    if (slot.named) into.names.push(name);
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

function choiceReport(node: QuestionNode, tally: ChoiceTally): ChoiceReport {
  const { choices } = tally;
  // Values outside the list, in the order first met group by group (as reading the groups one after the other meets them).
  const extra: string[] = [];
  const listed = new Set<string>();
  for (const g of tally.groups)
    for (const value of g.extras.keys())
      if (!listed.has(value)) {
        listed.add(value);
        extra.push(value);
      }
  const all = [...choices, ...extra];
  return {
    kind: 'choice',
    questionId: node.id,
    multiple: tally.multiple,
    scale: SCALES.has(node.question.type),
    choices: all,
    groups: tally.groups.map((g) => ({
      group: g.group,
      total: g.total,
      answered: g.answered,
      counts: all.map((value, i) => (i < choices.length ? (g.counts[i] ?? 0) : (g.extras.get(value) ?? 0))),
    })),
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

/**
 * The finite numbers among `values`, ascending. Sorted as a Float64Array (a native numeric sort,
 * several times faster than a comparator over 5,000 answers), unless a -0 is among them: that
 * sort puts -0 before 0 where the comparator keeps their order, and -0 is shown as "-0".
 */
function sortedNumbers(values: readonly unknown[]): number[] {
  const numbers: number[] = [];
  let negativeZero = false;
  for (const v of values)
    if (typeof v === 'number' && Number.isFinite(v)) {
      numbers.push(v);
      if (Object.is(v, -0)) negativeZero = true;
    }
  return negativeZero ? numbers.sort((a, b) => a - b) : Array.from(Float64Array.from(numbers).sort());
}

function numberReport(node: QuestionNode, collected: CollectedGroups): NumberReport {
  const perGroup = collected.map((c) => sortedNumbers(c.values));
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
        // for…in, not Object.entries: no pair allocated per row of 5,000 answers.
        const answers = v as Record<string, unknown>;
        for (const row in answers) {
          if (!Object.hasOwn(answers, row)) continue;
          const r = rowAt.get(row);
          const answer = answers[row];
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
  // Only the first and last dates are needed (ISO dates order as strings): no sort of them all.
  let first: string | undefined;
  let last: string | undefined;
  for (const dates of perGroup)
    for (const d of dates) {
      if (first === undefined || d < first) first = d;
      if (last === undefined || d > last) last = d;
    }
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

/** The answers listed, group by group, each in the submissions' order (one loop, no array per group). */
function answersOf(collected: CollectedGroups): TextReport['answers'] {
  const out: { group: string; name: string; text: string }[] = [];
  for (const c of collected) {
    const { group, values, names } = c;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out.push({ group, name: names[i] ?? '', text: typeof v === 'string' ? v : JSON.stringify(v) });
    }
  }
  return out;
}

function textReport(node: QuestionNode, collected: CollectedGroups): TextReport {
  return {
    kind: 'text',
    questionId: node.id,
    groups: collected.map(({ group, total, answered }) => ({ group, total, answered })),
    answers: answersOf(collected),
  };
}

function filesReport(node: QuestionNode, collected: CollectedGroups): FilesReport {
  return {
    kind: 'files',
    questionId: node.id,
    groups: collected.map(({ group, total, answered, values }) => ({ group, total, answered, files: values.reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : 0), 0) })),
  };
}

function reportOf(node: QuestionNode, read: Read | undefined): QuestionReport {
  if (read && 'tally' in read) return choiceReport(node, read.tally);
  if (isChoice(node)) return choiceReport(node, choiceTally(node, []));
  const collected = withAnswered(read?.collected ?? []);
  const type = node.question.type;
  if (type === 'matrix') return matrixReport(node, collected);
  if (NUMBERS.has(type)) return numberReport(node, collected);
  if (type === 'date') return dateReport(node, collected);
  if (type === 'attachment') return filesReport(node, collected);
  return textReport(node, collected);
}

/** One question's report. */
export function reportQuestion(node: QuestionNode, submissions: readonly ReportSubmission[], groups: readonly string[]): QuestionReport {
  return reportOf(node, collectAll([node], submissions, groups)[0]);
}

/** Every question of the questionnaire, in its order (the submissions are read in one pass for all of them). */
export function reportAll(loaded: LoadedQuestionnaire, submissions: readonly ReportSubmission[], groups: readonly string[]): QuestionReport[] {
  const nodes: QuestionNode[] = [];
  for (const id of loaded.documentOrder) {
    const node = loaded.questions.get(id);
    if (node) nodes.push(node);
  }
  const collected = collectAll(nodes, submissions, groups);
  return nodes.map((node, k) => reportOf(node, collected[k]));
}

/** The groups of a disaggregation, in the order of `known` (e.g. the choice list), then any other key, '' (not stated) last. */
export function groupsOf(keys: readonly string[], known: readonly string[]): string[] {
  const present = new Set(keys);
  const ordered = known.filter((k) => present.has(k));
  const others = [...present].filter((k) => k !== '' && !known.includes(k)).sort();
  return [...ordered, ...others, ...(present.has('') ? [''] : [])];
}
