import type { en } from './en.js';

/** The backups dialog and the start-up banner, in French. */
export const fr: typeof en = {
  navLink: 'Sauvegardes',
  backups: {
    heading: 'Sauvegardes',
    intro:
      'L’application garde les 7 dernières sauvegardes de vos données : une par jour au démarrage, et une avant chaque signature.',
    backUpNow: 'Sauvegarder maintenant',
    backingUp: 'Sauvegarde…',
    none: 'Aucune sauvegarde pour l’instant.',
    caption: 'Sauvegardes sur cet ordinateur, la plus récente d’abord',
    colDate: 'Date',
    colReason: 'Motif',
    colSize: 'Taille',
    colAction: 'Action',
    reason: { startup: 'Au démarrage', finalize: 'Avant signature', manual: 'Faite par vous' },
    restore: 'Restaurer',
    restoreNamed: 'Restaurer la sauvegarde du {{date}}',
    confirm:
      'Restaurer la sauvegarde du {{date}} ? Vos données actuelles sont d’abord mises de côté, jamais supprimées.',
    confirmYes: 'Oui, restaurer',
    cancel: 'Annuler',
    restoring: 'Restauration…',
    restored: 'Restauré. Vos données d’avant sont conservées dans {{path}}.',
    close: 'Fermer',
  },
  banner: {
    movedDamaged:
      'Votre fichier de données était endommagé. Il a été déplacé, non supprimé, vers {{path}}, et un nouveau fichier vide a été créé.',
    movedForeign:
      'Le fichier de données n’était pas un fichier ISCM Assessment (il appartient à un autre programme). Il a été déplacé, non supprimé, vers {{path}}, et un nouveau fichier vide a été créé.',
    recreated:
      'Votre fichier de données était vide (0 octet), peut-être après un arrêt brutal ou un disque plein. Il a été conservé dans {{path}}, et un nouveau fichier a été créé.',
    orphanWal:
      'Un journal de vos données a été trouvé sans son fichier de données. Il a été conservé dans {{path}}, et un nouveau fichier vide a été créé. Si vous avez déplacé ou renommé votre fichier de données, fermez l’application, remettez-le à {{file}}, puis redémarrez.',
    newer:
      'Votre fichier de données a été enregistré par une version plus récente d’ISCM Assessment (version des données {{found}} ; cette version lit jusqu’à {{supported}}). Il n’a pas été modifié : {{file}}. Installez la version plus récente pour l’ouvrir.',
    lockedHost:
      'Vos données sont déjà ouvertes dans {{app}} (processus {{pid}}, depuis {{time}}). Elles n’ont pas été modifiées. Fermez-les là-bas, puis appuyez sur « Réessayer ». Si cela ne répond plus, arrêtez le processus {{pid}}.',
    lockedOther:
      'Votre fichier de données est utilisé par un autre programme ; il n’a pas été modifié : {{file}}. Fermez ce programme, puis appuyez sur « Réessayer ».',
    readOnly:
      'Le dossier de vos données est en lecture seule : rien ne pouvait être enregistré ; rien n’a été modifié : {{folder}}. Rendez-le modifiable, ou placez les données sur un disque modifiable, puis appuyez sur « Réessayer ».',
    readOnlyFile:
      'Votre fichier de données est en lecture seule : aucune réponse ne pouvait être enregistrée ; rien n’a été modifié : {{file}}. Rendez-le modifiable, puis appuyez sur « Réessayer ».',
    symlink:
      'Votre fichier de données {{file}} est un lien vers {{target}}, qui n’existe pas ou n’est pas un fichier (un disque non branché ?). Rien n’a été modifié. Branchez le disque ou corrigez le lien, puis appuyez sur « Réessayer ».',
    unreadable:
      'Votre fichier de données n’a pas pu être ouvert ; il n’a pas été modifié : {{file}}. Vérifiez les droits du dossier et le disque, puis appuyez sur « Réessayer ».',
    restarted:
      'ISCM Assessment a rencontré un problème inattendu à {{time}} et a redémarré. Ce que vous aviez saisi a d’abord été enregistré.',
    host: {
      electron: 'l’application de bureau ISCM Assessment',
      web: 'ISCM Assessment dans un navigateur',
      cli: 'la commande iscm',
    },
    unknownTarget: 'un emplacement inconnu',
    restoreLatest: 'Restaurer la dernière sauvegarde ({{date}})',
    retry: 'Réessayer',
    retrying: 'Nouvel essai…',
    stillRefused: 'Toujours impossible. Le message ci-dessus dit ce qui bloque.',
    dismiss: 'Fermer',
  },
  stopped:
    'Vos évaluations ne peuvent être ni affichées ni enregistrées tant que le problème ci-dessus n’est pas résolu.',
};
