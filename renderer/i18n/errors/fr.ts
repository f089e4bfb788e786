import type { ErrorTexts } from './en.js';

export const fr: ErrorTexts = {
  HOST_UNREACHABLE: 'Le service d’arrière-plan de l’application n’a pas répondu. Rien n’a été enregistré par cette demande ; l’application réessaie.',
};
