/** English texts for finding one's way in a draft, and the app's own input messages (namespace `wayfinding`). */
export const en = {
  allSaved: 'All changes saved',
  overallLabel: 'Overall progress',
  overall: 'Overall: {{answered}} of {{total}} required',
  overallRows: 'Overall: {{answered}} of {{total}} required, rows included',
  sectionRows: '{{answered}} of {{total}} required, rows included',
  rowTitle: '{{n}}. {{title}}',
};

export type WayfindingTexts = typeof en;
