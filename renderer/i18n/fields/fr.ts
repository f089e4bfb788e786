import type { en } from './en.js';

/** Textes français de l’espace de noms `fields`. */
export const fr: typeof en = {
  currentValue: 'Valeur actuelle',
  earlierValues: 'Valeurs antérieures',
  matrixItem: 'Élément',
  matrixAgreement: 'Degré d’accord',
  matrixImpact: 'Impact',
  fileTooLarge: 'Non joint : {{name}} fait plus de {{limit}}, la taille maximale d’un fichier pour cette question.',
};
