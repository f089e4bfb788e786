import type { WayfindingTexts } from './en.js';

export const fr: WayfindingTexts = {
  allSaved: 'Toutes les modifications sont enregistrées',
  overallLabel: 'Avancement général',
  overall: 'Ensemble : {{answered}} sur {{total}} obligatoires',
  overallRows: 'Ensemble : {{answered}} sur {{total}} obligatoires, lignes comprises',
  sectionRows: '{{answered}} sur {{total}} obligatoires, lignes comprises',
  rowTitle: '{{n}}. {{title}}',
  otherKind: "Autres mécanismes",
  mechanismHelp: "Tapez une partie de son nom, ou parcourez la liste avec les flèches.",
  mechanismsFound: "Mécanismes trouvés : {{count}}",
  noMechanism: "Aucun mécanisme ne porte ce nom.",
  showMechanisms: "Afficher tous les mécanismes",
  mechanismList: "Mécanismes",
};
