import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** The `maintenance` namespace: the backups dialog and the start-up banner (renderer/maintenance/). */
export const maintenance = { en, fr, es, ar } as const;
