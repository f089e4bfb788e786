import type { ErrorTexts } from './en.js';

export const fr: ErrorTexts = {
  HOST_UNREACHABLE: 'Le service d’arrière-plan de l’application n’a pas répondu. Rien n’a été enregistré par cette demande ; l’application réessaie.',
  ANSWER_STALE:
    'Cette réponse a été modifiée dans une autre fenêtre ou un autre onglet ; rien n’a été enregistré depuis celle-ci, qui affiche maintenant la version de l’autre fenêtre.',
  UNKNOWN_CHANNEL: "L’application a demandé à son service d’arrière-plan une opération inconnue. Merci de le signaler.",
  INVALID_INPUT: "L’application a transmis à son service d’arrière-plan une demande qu’il ne peut accepter. Rien n’a été modifié.",
  PAYLOAD_TOO_LARGE: "C’est trop volumineux pour être envoyé en une fois. Rien n’a été modifié.",
  UNAUTHORIZED: "Cette page n’est pas celle que l’application a ouverte. Ouvrez l’adresse affichée au démarrage de l’application.",
  FORBIDDEN_SENDER: "Cette demande ne vient pas de la fenêtre de l’application : elle a été refusée.",
  NOT_FOUND: "Cet élément n’existe plus, ou il est dans la corbeille.",
  READ_ONLY: "Ceci ne peut plus être modifié : il a été finalisé. Modifiez-le par un amendement.",
  CONFLICT: "Ceci est en conflit avec ce qui existe déjà. Rien n’a été modifié.",
  VALIDATION_FAILED: "Des réponses manquent ou ne sont pas valides. La relecture les énumère une à une.",
  STORAGE_FAILED: "Le disque est plein, en lecture seule ou défaillant : rien n’a été écrit.",
  DATA_UNAVAILABLE: "L’application n’a pas pu ouvrir ses données au démarrage ; le bandeau en haut explique pourquoi.",
  BAD_FILE: "Ce fichier ne peut pas être utilisé : il est trop volumineux, d’un type non accepté ou illisible.",
  WRONG_PASSPHRASE: "La phrase secrète ne correspond pas à cette clé de signature. Saisissez-la à nouveau.",
  CANCELLED: "Annulé. Rien n’a été laissé en cours.",
  NOT_SUPPORTED: "Ce n’est pas possible dans cette version de l’application (la version navigateur ne peut pas ouvrir les fenêtres de l’ordinateur).",
  INTERNAL: "Une erreur interne s’est produite dans l’application. Rien de ce que vous avez saisi n’est perdu ; merci de la signaler.",
};
