import { z } from 'zod';
import { parseAnswerPath } from '../answers/path.js';
import { attachmentRefSchema, ROW_ID_PATTERN, type AnswerMap } from '../answers/value.js';
import { evaluate } from './evaluate.js';
import { computeValues } from './evaluate-values.js';
import type { LoadedQuestionnaire, QuestionNode } from './loaded.js';
import { type MessageKey, uiMessage } from './messages.js';
import { numberExample } from './number-text.js';
import { fromNested, groupQuestions, type NestedAnswers } from './response.js';
import type { Question } from './schema.js';

/**
 * zod schemas for answers in the nested shape of `response.ts`:
 * `{ [questionId]: value, _other: { [questionId]: text }, [repeatGroupId]: [{ _row, [questionId]: value, _other }] }`.
 *
 * Two layers, so that every problem shows at once with the engine's own rules:
 * 1. the shape: each relevant question's value type (irrelevant questions are left out);
 * 2. when the shape is right, a refinement runs the evaluator on the values being validated
 *    (merged over the other answers) and reports each problem of these sections (required,
 *    ranges, choices, constraints, "Other", selections, files, rows) at its field, with
 *    messages in `lang`. Relevance and required-ness are thus those of the values validated.
 *
 * Use with react-hook-form: `useForm({ resolver: zodResolver(buildSectionSchema(...)),
 * defaultValues: toFormValues(loaded, answers, [sectionId]) })`; field names are
 * `q`, `_other.q`, `group.0.q`, `group.0._other.q`.
 */
export interface SchemaOptions {
  /** Language of the messages (default: the questionnaire's default language). */
  readonly lang?: string;
  /** Today's date `YYYY-MM-DD` for `today()` (default: the current UTC date). */
  readonly today?: string;
}

export type AnswersSchema = z.ZodType<NestedAnswers, NestedAnswers>;

/**
 * The shape of one value. A number question also takes a text: the number box keeps what
 * cannot be read as a number as typed, and the engine then says what is wrong with it
 * ("Letters are not allowed here", "Type a number, e.g. 1250000").
 */
function valueType(question: Question, lang: string): z.ZodType {
  const err = (key: MessageKey, params?: Readonly<Record<string, string>>) => ({ error: uiMessage(key, lang, params) });
  switch (question.type) {
    case 'integer':
    case 'decimal':
    case 'year':
      return z.union([z.number(), z.string()], err('number_format', { example: numberExample(lang, question.type) }));
    case 'multiple_choice':
      return z.array(z.string(err('invalid_choice')), err('invalid_choice'));
    case 'matrix':
      return z.record(z.string(), z.string(err('invalid_choice')), err('invalid_choice'));
    case 'attachment':
      return z.array(attachmentRefSchema, err('invalid_file'));
    case 'date':
      return z.string(err('invalid_date'));
    case 'text':
    case 'long_text':
      return z.string(err('text_expected'));
    default:
      return z.string(err('invalid_choice'));
  }
}

const otherTexts = z.record(z.string(), z.string().nullable()).optional();
const ignored = z.unknown().optional();

/** Repeat groups' row schemas, built once per questionnaire and language. */
const fieldCache = new WeakMap<LoadedQuestionnaire, Map<string, Map<string, z.ZodType>>>();

function cachedField(loaded: LoadedQuestionnaire, lang: string, key: string, make: () => z.ZodType): z.ZodType {
  let byLang = fieldCache.get(loaded);
  if (!byLang) {
    byLang = new Map();
    fieldCache.set(loaded, byLang);
  }
  let fields = byLang.get(lang);
  if (!fields) {
    fields = new Map();
    byLang.set(lang, fields);
  }
  let schema = fields.get(key);
  if (!schema) {
    schema = make();
    fields.set(key, schema);
  }
  return schema;
}

/** The schema of one section's form values. */
export function buildSectionSchema(loaded: LoadedQuestionnaire, answers: AnswerMap, sectionId: string, options: SchemaOptions = {}): AnswersSchema {
  return buildSchema(loaded, answers, [sectionId], false, options);
}

/**
 * The schema of a whole response (responses.json, or `toFormValues` of every section).
 * Unknown keys are refused.
 */
export function buildResponseSchema(loaded: LoadedQuestionnaire, answers: AnswerMap, options: SchemaOptions = {}): AnswersSchema {
  return buildSchema(loaded, answers, loaded.questionnaire.sections.map((s) => s.id), true, options);
}

/** A value's schema depends only on its type and the language: a handful, shared by all questions. */
const valueFields = new Map<string, z.ZodType>();

function valueField(question: Question, lang: string): z.ZodType {
  const key = `${question.type}|${lang}`;
  let schema = valueFields.get(key);
  if (!schema) {
    schema = valueType(question, lang).nullable().optional();
    valueFields.set(key, schema);
  }
  return schema;
}

/**
 * The shape part of the schema, reused while the same questions are relevant: rebuilding it
 * (and having zod compile it again) on every keystroke would cost more than the validation.
 */
const baseCache = new WeakMap<LoadedQuestionnaire, Map<string, z.ZodType>>();
const BASE_CACHE_SIZE = 16;

function baseSchema(loaded: LoadedQuestionnaire, sectionIds: readonly string[], strict: boolean, lang: string, relevance: ReadonlyMap<string, boolean>): z.ZodType {
  const sections = new Set(sectionIds);
  const top = loaded.documentOrder.filter((id) => {
    const node = loaded.nodes.get(id);
    return node !== undefined && sections.has(node.sectionId) && node.repeatGroupId === undefined && (node.kind === 'question' || (node.kind === 'group' && node.group.repeat === true));
  });
  const key = `${lang}|${strict ? 'strict' : 'loose'}|${sectionIds.join(',')}|${top.map((id) => (relevance.get(id) === true ? '1' : '0')).join('')}`;
  let cache = baseCache.get(loaded);
  if (!cache) {
    cache = new Map();
    baseCache.set(loaded, cache);
  }
  const cached = cache.get(key);
  if (cached) return cached;
  const invalid = uiMessage('invalid_rows', lang);
  const field = (node: QuestionNode): z.ZodType => valueField(node.question, lang);
  const shape: Record<string, z.ZodType> = { _other: otherTexts };
  for (const id of top) {
    const node = loaded.nodes.get(id);
    const relevant = relevance.get(id) === true;
    if (node?.kind === 'question') shape[id] = relevant ? field(node) : ignored;
    if (node?.kind === 'group') {
      shape[id] = relevant
        ? cachedField(loaded, lang, id, () => {
            const rowShape: Record<string, z.ZodType> = { _row: z.string().regex(ROW_ID_PATTERN, invalid), _other: otherTexts };
            for (const member of groupQuestions(loaded, id)) rowShape[member.id] = field(member);
            return z.array(z.looseObject(rowShape), { error: invalid }).nullable().optional();
          })
        : ignored;
    }
  }
  const schema = strict ? z.strictObject(shape) : z.looseObject(shape);
  if (cache.size >= BASE_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, schema);
  return schema;
}

function buildSchema(loaded: LoadedQuestionnaire, answers: AnswerMap, sectionIds: readonly string[], strict: boolean, options: SchemaOptions): AnswersSchema {
  const lang = options.lang ?? loaded.questionnaire.defaultLanguage;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const sections = new Set(sectionIds);
  const relevance = computeValues(loaded, answers, today).relevant;
  const base = baseSchema(loaded, sectionIds, strict, lang, relevance);
  // A pipe, not `base.superRefine`: refining would clone the cached object schema, and zod
  // would compile the clone again on every build. The refinement runs only when the shape is right.
  const refinement = z.unknown().superRefine((values, ctx) => {
    // The base schema is an object schema: the values are a nested answers object.
    const nested = values as NestedAnswers;
    const merged = { ...answers, ...fromNested(loaded, nested, sectionIds) };
    for (const problem of evaluate(loaded, merged, { lang, today }).problems) {
      if (!sections.has(problem.sectionId)) continue;
      ctx.addIssue({ code: 'custom', message: problem.message, path: formPath(problem.path, nested) });
    }
  });
  return base.pipe(refinement) as unknown as AnswersSchema;
}

/** `q` → [q]; `q.other` → [_other, q]; `g[r].q` → [g, index of row r, q]; `g[r].q.other` → [g, i, _other, q]. */
export function formPath(answerPath: string, values: NestedAnswers): (string | number)[] {
  const parsed = parseAnswerPath(answerPath);
  if (!parsed) return [answerPath];
  const { row, questionId, other } = parsed;
  if (!row) return other ? ['_other', questionId] : [questionId];
  const rows = values[row.group];
  const index = Array.isArray(rows) ? (rows as unknown[]).findIndex((r) => (r as { _row?: unknown } | null)?._row === row.rowId) : -1;
  const rowKey = index < 0 ? row.rowId : index;
  return other ? [row.group, rowKey, '_other', questionId] : [row.group, rowKey, questionId];
}
