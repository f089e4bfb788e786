export { ar } from './ar.js';
export { en } from './en.js';
export { es } from './es.js';
export { fr } from './fr.js';
