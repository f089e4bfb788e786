import type { WayfindingTexts } from './en.js';

export const es: WayfindingTexts = {
  allSaved: 'Todos los cambios están guardados',
  overallLabel: 'Progreso general',
  overall: 'En total: {{answered}} de {{total}} obligatorias',
  overallRows: 'En total: {{answered}} de {{total}} obligatorias, filas incluidas',
  sectionRows: '{{answered}} de {{total}} obligatorias, filas incluidas',
  rowTitle: '{{n}}. {{title}}',
  otherKind: "Otros mecanismos",
  mechanismHelp: "Escriba parte de su nombre o recorra la lista con las flechas.",
  mechanismsFound: "Mecanismos encontrados: {{count}}",
  noMechanism: "Ningún mecanismo tiene este nombre.",
  showMechanisms: "Mostrar todos los mecanismos",
  mechanismList: "Mecanismos",
};
