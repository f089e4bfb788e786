/**
 * Two windows or tabs on one draft (namespace `sync`): what a window says when another one
 * changed an answer it was saving, and what the user can do about it.
 */
export const en = {
  heading: 'Changed in another window',
  changed: '“{{question}}” was changed in another window; it now shows the other window’s version.',
  theirs: 'Now: {{value}}',
  mine: 'What you had entered here (not saved): {{value}}',
  empty: '(empty)',
  useMine: 'Use my version',
  dismiss: 'Dismiss',
};

export type SyncTexts = typeof en;
