import type { ErrorTexts } from './en.js';

export const fr: ErrorTexts = {
  HOST_UNREACHABLE: 'Le service d’arrière-plan de l’application n’a pas répondu. Rien n’a été enregistré par cette demande ; l’application réessaie.',
  ANSWER_STALE:
    'Cette réponse a été modifiée dans une autre fenêtre ou un autre onglet ; rien n’a été enregistré depuis celle-ci, qui affiche maintenant la version de l’autre fenêtre.',
};
