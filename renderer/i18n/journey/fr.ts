import type { JourneyTexts } from './en.js';

export const fr: JourneyTexts = {
  finalizedBanner: 'Finalisée, révision {{revision}}, le {{date}}',
  exportedBanner: 'Finalisée et exportée, révision {{revision}}, le {{date}}',
  readOnlyHelp:
    'Cette évaluation est signée et ne peut plus être modifiée. Pour la corriger ou la compléter, modifiez-la : un nouveau brouillon s’ouvre avec ces réponses.',
  openRevision: 'Ouvrir la révision signée',
  amend: 'Modifier (commencer la révision {{revision}})',
  continueAmend: 'Poursuivre la modification',
  supersededBy: 'Remplacée par la révision {{revision}}',
  openNewer: 'Ouvrir la révision {{revision}}',
  readOnlyFields: 'Réponses (lecture seule)',
  readyHeading: 'Votre fichier est prêt',
  readyName: 'Nom du fichier',
  readyFolder: 'Dossier',
  showInFolder: 'Afficher dans le dossier',
  copyPath: 'Copier le chemin',
  copied: 'Chemin copié dans le presse-papiers.',
  copyFailed: 'Le chemin n’a pas pu être copié. Sélectionnez-le et copiez-le à la main.',
  download: 'Télécharger {{file}}',
  downloadHelp: 'Votre navigateur l’enregistre dans son dossier de téléchargements.',
  sendHeading: 'À qui l’envoyer',
  sendFallback: 'Envoyez ce fichier au contact de l’OIM qui vous a transmis le questionnaire.',
  emailHeading: 'Si la messagerie refuse la pièce jointe',
  emailHelp:
    'Certains serveurs de messagerie refusent les fichiers .iscm ou ceux de plus de 10 à 25 Mo. Placez le fichier dans une archive zip et joignez le zip, ou déposez-le sur le service de partage de fichiers de votre organisation et envoyez le lien. Sans aucune connexion, copiez-le sur une clé USB. Le fichier est signé et chiffré : seule l’OIM peut l’ouvrir, et toute modification est détectée.',
  emailHelpCard:
    'La carte de clé est un petit fichier texte. Si le courriel la refuse, mettez-la dans une archive zip et joignez le zip, ou collez son texte dans le message. Elle ne contient que votre clé publique : chacun peut la voir, et l’OIM s’en sert pour vérifier vos signatures.',
  emailHelpSummary:
    'Le résumé est une copie lisible de vos réponses, pour vos archives ; il n’est ni signé ni chiffré : ne l’envoyez qu’à des personnes autorisées à lire les réponses. Si le courriel le refuse, mettez-le dans une archive zip et joignez le zip.',
  refusedNotSaved:
    'L’application ne peut afficher ou télécharger que les fichiers qu’elle a enregistrés depuis son démarrage. Enregistrez à nouveau le fichier.',
  refusedGone:
    'Le fichier n’est plus là où l’application l’a enregistré : il a été déplacé, renommé ou supprimé. Enregistrez-le à nouveau.',
  refusedChanged: 'Le fichier a été modifié depuis que l’application l’a enregistré. Enregistrez-le à nouveau.',
  refusedOutside: 'Cet hôte ne sert que les fichiers de son dossier d’exports. Enregistrez à nouveau le fichier.',
  readyFrom: 'Exporté le {{date}}',
  finalizeAndExport: 'Finaliser, signer et exporter',
  finalizeAndExporting: 'Finalisation et export…',
  finalizeOnly: 'Finaliser sans exporter',
  onePassphrase:
    'Votre phrase secrète déverrouille votre clé une seule fois, pour les deux étapes ; elle n’est pas conservée.',
  exportAfterFinalizeFailed:
    'L’évaluation est finalisée (révision {{revision}}), mais le fichier n’a pas été écrit : {{reason}} Exportez-le depuis la révision signée.',
  revisionBadge: 'Révision {{revision}}',
  supersededBadge: 'Remplacée par la révision {{revision}}',
  exportedFileLink: 'Fichier exporté : {{file}}',
  sameHeading: 'S’agit-il d’une correction ?',
  sameQuestion:
    'Vous avez déjà envoyé une évaluation pour {{mechanism}} en tant que {{respondent}} (révision {{revision}}, {{date}}). S’agit-il d’une correction de celle-ci (une modification) ou d’un envoi distinct ?',
  sameCorrection: 'Une correction : en faire la révision {{revision}} de l’évaluation précédente',
  sameSeparate: 'Un envoi distinct',
  sameContinue: 'Continuer',
  sameTurned: 'Ce brouillon modifie désormais la révision {{revision}} : le finaliser crée la révision {{next}}.',
  sameOpenAmendment: 'Une modification de celle-ci est déjà ouverte : poursuivez plutôt ce brouillon',
  secretariat: 'le secrétariat',
};
