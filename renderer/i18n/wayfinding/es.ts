import type { WayfindingTexts } from './en.js';

export const es: WayfindingTexts = {
  allSaved: 'Todos los cambios están guardados',
  overallLabel: 'Progreso general',
  overall: 'En total: {{answered}} de {{total}} obligatorias',
  overallRows: 'En total: {{answered}} de {{total}} obligatorias, filas incluidas',
  sectionRows: '{{answered}} de {{total}} obligatorias, filas incluidas',
  rowTitle: '{{n}}. {{title}}',
};
