export * from './format.js';
export * from './canonical-json.js';
export * from './manifest.js';
export * from './safe-json.js';
export * from './verify-codes.js';
export * from './zip-names.js';
