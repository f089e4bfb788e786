import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** The `analyst` namespace: IOM's submissions table, revision comparison and reports (renderer/iom/analyst/). */
export const analyst = { en, fr, es, ar } as const;
