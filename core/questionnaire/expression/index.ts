export * from './ast.js';
export { ExpressionError } from './errors.js';
export { tokenize, MAX_EXPRESSION_LENGTH } from './tokenizer.js';
export { parseExpression, MAX_DEPTH } from './parser.js';
export { printExpression } from './printer.js';
export * from './types.js';
export { typeOf } from './typecheck.js';
export { evaluateExpression, evaluateCondition, isEmpty, type EvalEnv } from './interpreter.js';
