import type { z } from 'zod';
import { BUILTIN_SCALE_IDS } from './builtin-scales.js';
import { collectRefs, type RefInfo } from './expression/index.js';
import { checkCalculatedChoices } from './load-calculate.js';
import { compileExpressions, type CompiledExpressions } from './load-expressions.js';
import { checkDuplicateIds, entryWord, walkEntries, type Entry } from './load-index.js';
import { checkOptions } from './load-options.js';
import { dependencyOrder } from './load-order.js';
import { checkTranslations } from './load-texts.js';
import type { LoadedQuestionnaire, LoadError, QuestionNode, QuestionnaireNode } from './loaded.js';
import { choicesOf, refInfoOf, scaleChoices } from './question-info.js';
import { type Choice, type Questionnaire, questionnaireSchema } from './schema.js';

export type LoadResult = { ok: true; questionnaire: LoadedQuestionnaire } | { ok: false; errors: LoadError[] };

/**
 * Validates a parsed questionnaire file and prepares it for use. Returns every error at once,
 * each with its JSON path. Structure errors (the meta-schema) come first: when there are any,
 * the checks that need a well-formed file (translations, ids, expressions) are not run.
 */
export function loadQuestionnaire(json: unknown): LoadResult {
  const moved = movedKeyErrors(json);
  if (moved.length > 0) return { ok: false, errors: moved };
  const parsed = questionnaireSchema.safeParse(json);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map(schemaError) };
  const q = parsed.data;
  const entries = walkEntries(q);
  const errors: LoadError[] = [...checkDuplicateIds(entries), ...checkTranslations(q, entries), ...checkOptions(q, entries)];
  if (errors.some((e) => e.message.startsWith('duplicate id'))) return { ok: false, errors };
  const infos = new Map<string, RefInfo>();
  for (const entry of entries) {
    if (entry.kind === 'leaf' && entry.item.type !== 'note') infos.set(entry.id, refInfoOf(entry.item, choicesOf(q, entry.item)));
  }
  const expressions = compileExpressions(entries, infos);
  errors.push(...expressions.errors, ...checkCalculatedChoices(q, entries, expressions.compiled));
  const ids = entries.map((e) => e.id);
  const words = new Map(entries.map((e) => [e.id, entryWord(e)]));
  const { order, errors: cycleErrors } = dependencyOrder(ids, expressions.edges, words);
  errors.push(...cycleErrors);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, questionnaire: build(q, entries, expressions.compiled, infos, order) };
}

/**
 * Keys that files of an earlier layout had and that now live elsewhere: said plainly, rather
 * than as an unknown key, so whoever edits the file knows where the information went.
 */
function movedKeyErrors(json: unknown): LoadError[] {
  if (typeof json !== 'object' || json === null || !Object.hasOwn(json, 'recipients')) return [];
  return [
    {
      path: 'recipients',
      message:
        'recipients are no longer part of the questionnaire file: IOM names them when it publishes a release (iscm release create --recipient age1…); remove this key',
    },
  ];
}

function schemaError(issue: z.core.$ZodIssue): LoadError {
  const path = formatPath(issue.path);
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'type') {
    return { path, message: 'unknown item type: expected a question type, "note" or "group"' };
  }
  return { path: path === '' ? '$' : path, message: issue.message };
}

/** `['sections', 0, 'items', 2, 'label']` → `sections[0].items[2].label`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function build(
  q: Questionnaire,
  entries: readonly Entry[],
  compiled: ReadonlyMap<string, CompiledExpressions>,
  infos: ReadonlyMap<string, RefInfo>,
  order: readonly string[],
): LoadedQuestionnaire {
  const nodes = new Map<string, QuestionnaireNode>();
  const questions = new Map<string, QuestionNode>();
  for (const entry of entries) {
    const c = compiled.get(entry.id) ?? {};
    const relevant = c.relevant ? { relevant: c.relevant } : {};
    if (entry.kind === 'section') {
      nodes.set(entry.id, { kind: 'section', id: entry.id, sectionId: entry.id, jsonPath: entry.jsonPath, section: entry.section, ...relevant });
      continue;
    }
    const base = {
      id: entry.id,
      sectionId: entry.sectionId,
      parentId: entry.parentId,
      jsonPath: entry.jsonPath,
      ...(entry.kind === 'leaf' && entry.repeatGroupId !== undefined ? { repeatGroupId: entry.repeatGroupId } : {}),
      ...relevant,
    };
    if (entry.kind === 'group') {
      nodes.set(entry.id, { ...base, kind: 'group', group: entry.item });
    } else if (entry.item.type === 'note') {
      nodes.set(entry.id, { ...base, kind: 'note', note: entry.item });
    } else {
      const question = entry.item;
      const node: QuestionNode = {
        ...base,
        kind: 'question',
        question,
        required: c.required ?? question.required === true,
        ...(c.constraint ? { constraint: c.constraint } : {}),
        ...(c.calculate ? { calculate: c.calculate, calculateInputs: [...new Set(collectRefs(c.calculate).map((r) => r.id))] } : {}),
        ...(c.choiceFilter ? { choiceFilter: c.choiceFilter } : {}),
        ...choicesOf(q, question),
        info: infos.get(entry.id) ?? { type: 'null' },
      };
      nodes.set(entry.id, node);
      questions.set(entry.id, node);
    }
  }
  const choiceLists = new Map<string, readonly Choice[]>(Object.entries(q.choiceLists));
  for (const scale of BUILTIN_SCALE_IDS) choiceLists.set(scale, scaleChoices(q, scale));
  return {
    questionnaire: q,
    nodes,
    questions,
    documentOrder: entries.map((e) => e.id),
    evaluationOrder: order,
    calculateOrder: order.filter((id) => questions.get(id)?.calculate !== undefined),
    choiceLists,
  };
}
