import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

/** The `draftLanguage` namespace: the questionnaire language shown and chosen in an open draft's header. */
export const draftLanguage = { en, fr, es, ar } as const;
