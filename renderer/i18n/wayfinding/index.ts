import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** The `wayfinding` namespace: the sticky draft header, progress, row titles, the mechanism search, input messages. */
export const wayfinding = { en, fr, es, ar } as const;
