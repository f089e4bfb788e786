/** Questionnaire releases (`.iscmq`): the format, its refusals, and moving answers between versions. */
export * from './format.js';
export * from './manifest.js';
export * from './refusals.js';
export * from './answer-fit.js';
export * from './move.js';
export * from './diff.js';
