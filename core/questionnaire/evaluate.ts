import { otherPath } from '../answers/path.js';
import type { AnswerMap } from '../answers/value.js';
import { checkValue, matrixComplete } from './evaluate-checks.js';
import { computeValues, type RowContext, rowPath, safeCondition, type ValuePass } from './evaluate-values.js';
import { isEmpty } from './expression/index.js';
import type { LoadedQuestionnaire, QuestionNode } from './loaded.js';
import { localize } from './localize.js';
import { type MessageKey, uiMessage } from './messages.js';
import type { LocalizedText } from './schema.js';

export interface EvaluateOptions {
  /** Language of the problem messages (default: the questionnaire's default language). */
  readonly lang?: string;
  /** Today's date `YYYY-MM-DD` for `today()` (default: the current UTC date). */
  readonly today?: string;
}

/** Something that keeps the response from being complete and valid. */
export interface Problem {
  /** The answer path to show it at: `q`, `q.other`, `group[row].q`, or `group` for a row count. */
  readonly path: string;
  readonly sectionId: string;
  /** The question (or repeat group) concerned. */
  readonly questionId: string;
  readonly code: MessageKey;
  readonly message: string;
}

export interface SectionProgress {
  readonly sectionId: string;
  readonly relevant: boolean;
  /** Required and relevant questions (each repeat row's counted apart) that have an answer. */
  readonly answered: number;
  /** Required and relevant questions. A repeat group with `minRows` counts as one (answered when it has enough rows). */
  readonly total: number;
}

export interface Evaluation extends Pick<ValuePass, 'values' | 'calculated' | 'rows' | 'offered' | 'withheld'> {
  /** Node id or row path → relevant (a question in an irrelevant group or section is irrelevant). */
  readonly relevant: ReadonlyMap<string, boolean>;
  /** Answer path of each relevant question → required. */
  readonly required: ReadonlyMap<string, boolean>;
  /** Answer path of each answered relevant question with a constraint → whether it holds. */
  readonly constraints: ReadonlyMap<string, boolean>;
  readonly progress: readonly SectionProgress[];
  readonly problems: readonly Problem[];
  isRelevant(path: string): boolean;
}

/** Every answer path of a question: one, or one per row of its repeat group. */
export function questionPaths(node: QuestionNode, rows: ReadonlyMap<string, readonly string[]>): { path: string; row?: RowContext }[] {
  if (node.repeatGroupId === undefined) return [{ path: node.id }];
  const group = node.repeatGroupId;
  return (rows.get(group) ?? []).map((rowId) => ({ path: rowPath({ group, rowId }, node.id), row: { group, rowId } }));
}

export function evaluate(loaded: LoadedQuestionnaire, answers: AnswerMap, options: EvaluateOptions = {}): Evaluation {
  const q = loaded.questionnaire;
  const lang = options.lang ?? q.defaultLanguage;
  const pass = computeValues(loaded, answers, options.today ?? new Date().toISOString().slice(0, 10));
  const required = new Map<string, boolean>();
  const constraints = new Map<string, boolean>();
  const problems: Problem[] = [];
  const counts = new Map(q.sections.map((s) => [s.id, { answered: 0, total: 0 }]));
  const context = { lang, text: (text: LocalizedText) => localize(text, lang, q.defaultLanguage) };
  const problem = (path: string, node: { id: string; sectionId: string }, code: MessageKey, message?: string, params = {}): void => {
    problems.push({ path, sectionId: node.sectionId, questionId: node.id, code, message: message ?? uiMessage(code, lang, params) });
  };
  for (const id of loaded.documentOrder) {
    const node = loaded.nodes.get(id);
    if (node?.kind === 'group' && node.group.repeat === true && pass.relevant.get(id) === true) {
      const count = pass.rows.get(id)?.length ?? 0;
      const { minRows, maxRows } = node.group;
      if (minRows !== undefined && minRows > 0) {
        const c = counts.get(node.sectionId);
        if (c) {
          c.total += 1;
          if (count >= minRows) c.answered += 1;
        }
      }
      if (minRows !== undefined && count < minRows) problem(id, node, 'min_rows', undefined, { min: minRows });
      if (maxRows !== undefined && count > maxRows) problem(id, node, 'max_rows', undefined, { max: maxRows });
    }
    if (node?.kind !== 'question') continue;
    for (const { path, row } of questionPaths(node, pass.rows)) {
      // A withheld calculation has nothing to check: the problem is the invalid answer it reads.
      if (pass.relevant.get(path) !== true || pass.withheld.has(path)) continue;
      const value = pass.values.get(path) ?? null;
      const isRequired = typeof node.required === 'boolean' ? node.required : safeCondition(node.required, pass.env(row));
      required.set(path, isRequired);
      const answered = node.question.type === 'matrix' && isRequired ? matrixComplete(node, value) : !isEmpty(value);
      if (isRequired) {
        const c = counts.get(node.sectionId);
        if (c) {
          c.total += 1;
          if (answered) c.answered += 1;
        }
      }
      if (isEmpty(value)) {
        if (isRequired) problem(path, node, 'required');
        continue;
      }
      const offered = pass.offered.get(path);
      const issues = checkValue(node, value, answers[otherPath(path)], offered ? { ...context, offered } : context);
      for (const issue of issues) problem(issue.other === true ? otherPath(path) : path, node, issue.code, undefined, issue.params);
      if (isRequired && !answered) problem(path, node, 'matrix_incomplete');
      if (node.constraint && issues.length === 0) {
        const ok = safeCondition(node.constraint, pass.env(row, { id: node.id, value }));
        constraints.set(path, ok);
        const custom = node.question.constraint?.message;
        if (!ok) problem(path, node, 'constraint', custom ? localize(custom, lang, q.defaultLanguage) : undefined);
      }
    }
  }
  const progress = q.sections.map((s) => ({
    sectionId: s.id,
    relevant: pass.relevant.get(s.id) === true,
    ...(counts.get(s.id) ?? { answered: 0, total: 0 }),
  }));
  return {
    values: pass.values,
    calculated: pass.calculated,
    rows: pass.rows,
    offered: pass.offered,
    withheld: pass.withheld,
    relevant: pass.relevant,
    required,
    constraints,
    progress,
    problems,
    isRelevant: (path: string) => pass.relevant.get(path) === true,
  };
}

