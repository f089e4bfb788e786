import type { SyncTexts } from './en.js';

export const fr: SyncTexts = {
  heading: 'Modifié dans une autre fenêtre',
  changed: '« {{question}} » a été modifiée dans une autre fenêtre ; elle affiche maintenant la version de l’autre fenêtre.',
  theirs: 'Maintenant : {{value}}',
  mine: 'Ce que vous aviez saisi ici (non enregistré) : {{value}}',
  empty: '(vide)',
  useMine: 'Reprendre ma version',
  dismiss: 'Fermer',
};
