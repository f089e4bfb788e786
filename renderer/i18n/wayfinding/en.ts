/** English texts for finding one's way in a draft, and the app's own input messages (namespace `wayfinding`). */
export const en = {
  allSaved: 'All changes saved',
  overallLabel: 'Overall progress',
  overall: 'Overall: {{answered}} of {{total}} required',
  overallRows: 'Overall: {{answered}} of {{total}} required, rows included',
  sectionRows: '{{answered}} of {{total}} required, rows included',
  rowTitle: '{{n}}. {{title}}',
  otherKind: "Other mechanisms",
  mechanismHelp: "Type part of its name, or use the arrow keys to browse the list.",
  mechanismsFound: "Mechanisms found: {{count}}",
  noMechanism: "No mechanism has this name.",
  showMechanisms: "Show all mechanisms",
  mechanismList: "Mechanisms",
};

export type WayfindingTexts = typeof en;
