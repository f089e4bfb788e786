export { en } from './en.js';
export { fr } from './fr.js';
export { es } from './es.js';
export { ar } from './ar.js';
