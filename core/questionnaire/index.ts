/**
 * The questionnaire engine: the file format, loading with every error at once, and what
 * core derives from a questionnaire and a set of answers. See docs/questionnaire-format.md.
 */
export * from './schema.js';
export { loadQuestionnaire, formatPath, type LoadResult } from './load.js';
export type { LoadedQuestionnaire, LoadError, QuestionnaireNode, QuestionNode, SectionNode, GroupNode, NoteNode } from './loaded.js';
export { groupOf, isQuestionNode } from './loaded.js';
export { evaluate, questionPaths, type Evaluation, type EvaluateOptions, type Problem, type SectionProgress } from './evaluate.js';
export { isValidDate } from './evaluate-checks.js';
export { toggleChoice, exclusiveConflict, choicesShown, nodeAsShown, selectionOf } from './choices.js';
export { parseNumberText, formatNumberText, numberExample, asciiDigits, type NumberKind, type NumberTextIssue, type NumberTextResult } from './number-text.js';
export { compilePattern, PatternError, type Pattern } from './pattern/index.js';
export { toResponse, responseToAnswers, toFormValues, fromNested, groupQuestions, type NestedAnswers, type NestedRow } from './response.js';
export { buildSectionSchema, buildResponseSchema, formPath, type AnswersSchema, type SchemaOptions } from './zod-schema.js';
export { uiMessage, uiLanguage, formatBytes, MESSAGE_KEYS, type MessageKey, type UiLanguage } from './messages.js';
export { localize } from './localize.js';
export { BUILTIN_SCALES, BUILTIN_SCALE_IDS, BUILTIN_LANGUAGES } from './builtin-scales.js';
export { OTHER_CHOICE, allowsOther, choosesOther } from './question-info.js';
export { ExpressionError, isEmpty, parseExpression, printExpression, type Expr } from './expression/index.js';
export { summarize, outline, type QuestionnaireSummary } from './outline.js';
