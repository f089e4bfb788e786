import type { en } from './en.js';

/** Textos en español del espacio de nombres `fields`. */
export const es: typeof en = {
  currentValue: 'Valor actual',
  earlierValues: 'Valores anteriores',
  matrixItem: 'Elemento',
  matrixAgreement: 'Grado de acuerdo',
  matrixImpact: 'Impacto',
  fileTooLarge: 'No adjuntado: {{name}} ocupa más de {{limit}}, el tamaño máximo de archivo para esta pregunta.',
};
