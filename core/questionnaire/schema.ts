import { z } from 'zod';

/**
 * The zod meta-schema of a questionnaire file (`iscm-questionnaire/1`), see
 * docs/questionnaire-format.md. Objects are strict: an unknown or misspelt key is an error,
 * never silently ignored. Checks that need the whole file (translations, ids, references,
 * expressions) are in `load.ts`.
 */
export const FORMAT = 'iscm-questionnaire/1';

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a language code such as "en" or "fr"');
/** One text per language; which languages must be present is checked at load. */
export const localizedTextSchema = z.record(z.string(), z.string());
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const itemId = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'an id of lowercase letters, digits and _ starting with a letter (at most 64)');
const expression = z.string().min(1, 'an expression').max(10_000);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const choiceValue = z.string().regex(/^[a-z0-9_-]{1,64}$/, 'a choice value of lowercase letters, digits, _ and -');

export const choiceSchema = z
  .object({
    value: choiceValue,
    label: localizedTextSchema,
    attributes: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string()).optional(),
    /** In a multiple choice, this answer stands alone ("None"): ticking it clears the others, and a combination is refused. */
    exclusive: z.boolean().optional(),
  })
  .strict();
export type Choice = z.infer<typeof choiceSchema>;
export type ChoiceList = readonly Choice[];

const constraintSchema = z.object({ expression, message: localizedTextSchema }).strict();

/** Keys every question has. */
const common = {
  id: itemId,
  label: localizedTextSchema,
  help: localizedTextSchema.optional(),
  required: z.union([z.boolean(), expression]).optional(),
  relevant: expression.optional(),
  constraint: constraintSchema.optional(),
};
const calculate = { calculate: expression.optional() };
const numberRange = { min: z.number().optional(), max: z.number().optional() };
const intRange = { min: z.number().int().optional(), max: z.number().int().optional() };

const textQuestion = z.object({ ...common, ...calculate, type: z.literal('text'), maxLength: z.number().int().positive().optional() }).strict();
const longTextQuestion = z.object({ ...common, ...calculate, type: z.literal('long_text'), maxLength: z.number().int().positive().optional() }).strict();
const integerQuestion = z.object({ ...common, ...calculate, type: z.literal('integer'), ...intRange }).strict();
const decimalQuestion = z.object({ ...common, ...calculate, type: z.literal('decimal'), ...numberRange, step: z.number().positive().optional() }).strict();
const yearQuestion = z.object({ ...common, ...calculate, type: z.literal('year'), ...intRange }).strict();
const dateQuestion = z.object({ ...common, ...calculate, type: z.literal('date'), min: isoDate.optional(), max: isoDate.optional() }).strict();
const singleChoiceQuestion = z
  .object({
    ...common,
    ...calculate,
    type: z.literal('single_choice'),
    choices: z.string().min(1),
    choiceFilter: expression.optional(),
    appearance: z.enum(['radio', 'dropdown']).optional(),
    other: z.boolean().optional(),
  })
  .strict();
const multipleChoiceQuestion = z
  .object({
    ...common,
    type: z.literal('multiple_choice'),
    choices: z.string().min(1),
    choiceFilter: expression.optional(),
    other: z.boolean().optional(),
    minSelections: z.number().int().nonnegative().optional(),
    maxSelections: z.number().int().positive().optional(),
  })
  .strict();
const yesNoQuestion = z.object({ ...common, ...calculate, type: z.literal('yes_no_dont_know') }).strict();
const agreementQuestion = z.object({ ...common, ...calculate, type: z.literal('agreement_scale') }).strict();
const impactQuestion = z.object({ ...common, ...calculate, type: z.literal('impact_scale') }).strict();
const matrixQuestion = z
  .object({ ...common, type: z.literal('matrix'), rows: z.string().min(1), scale: z.enum(['agreement', 'impact']) })
  .strict();
const attachmentQuestion = z
  .object({
    ...common,
    type: z.literal('attachment'),
    accept: z.array(z.string().regex(/^\.[a-z0-9]{1,10}$/, 'a lowercase file extension such as ".pdf"')).min(1).optional(),
    maxFileSize: z.number().int().positive().optional(),
    maxFiles: z.number().int().positive().max(100).optional(),
  })
  .strict();

export const questionSchema = z.discriminatedUnion('type', [
  textQuestion,
  longTextQuestion,
  integerQuestion,
  decimalQuestion,
  yearQuestion,
  dateQuestion,
  singleChoiceQuestion,
  multipleChoiceQuestion,
  yesNoQuestion,
  agreementQuestion,
  impactQuestion,
  matrixQuestion,
  attachmentQuestion,
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export const QUESTION_TYPES: readonly QuestionType[] = questionSchema.options.map((o) => o.shape.type.value);

export const noteSchema = z
  .object({ id: itemId, type: z.literal('note'), label: localizedTextSchema, help: localizedTextSchema.optional(), relevant: expression.optional() })
  .strict();
export type Note = z.infer<typeof noteSchema>;

const leafSchema = z.discriminatedUnion('type', [...questionSchema.options, noteSchema]);
export type Leaf = Question | Note;

export const groupSchema = z
  .object({
    id: itemId,
    type: z.literal('group'),
    repeat: z.boolean().optional(),
    minRows: z.number().int().nonnegative().optional(),
    maxRows: z.number().int().positive().max(1000).optional(),
    label: localizedTextSchema,
    help: localizedTextSchema.optional(),
    relevant: expression.optional(),
    items: z.array(leafSchema).min(1, 'a group needs at least one item'),
  })
  .strict();
export type Group = z.infer<typeof groupSchema>;

export const itemSchema = z.discriminatedUnion('type', [...questionSchema.options, noteSchema, groupSchema]);
export type Item = Question | Note | Group;

export const sectionSchema = z
  .object({
    id: itemId,
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    relevant: expression.optional(),
    items: z.array(itemSchema).min(1, 'a section needs at least one item'),
  })
  .strict();
export type Section = z.infer<typeof sectionSchema>;

export const questionnaireSchema = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(FORMAT),
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase letters, digits and -'),
    version: z.string().regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.0.0'),
    title: localizedTextSchema,
    description: localizedTextSchema.optional(),
    languages: z.array(languageCode).min(1),
    defaultLanguage: languageCode,
    choiceLists: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'a list id of lowercase letters, digits and _'), z.array(choiceSchema).min(1)),
    sections: z.array(sectionSchema).min(1),
  })
  .strict();
export type Questionnaire = z.infer<typeof questionnaireSchema>;
