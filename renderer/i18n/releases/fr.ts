import type { TextTree } from '../namespaces.js';

export const fr = {
  install: {
    button: 'Installer un fichier de questionnaire…',
    help: 'Un fichier de questionnaire (.iscmq) fourni par l’OIM : une nouvelle version du questionnaire, ou celle de ce cycle d’évaluation.',
    checking: 'Vérification du fichier…',
    installed: 'La version {{version}} du questionnaire est installée. Les nouvelles évaluations l’utilisent.',
    alreadyInstalled: 'Ce fichier était déjà installé ; rien n’a changé.',
    refused: '{{file}} n’a pas été installé, et rien n’a été modifié.',
    support: 'Pour l’assistance : {{code}}, {{detail}}',
  },
  refusals: {
    RELEASE_NOT_A_RELEASE: 'Ce fichier n’est pas un fichier de questionnaire de l’OIM, ou il est endommagé.',
    RELEASE_TOO_LARGE: 'Ce fichier est bien plus volumineux qu’un fichier de questionnaire : il n’a pas été ouvert.',
    RELEASE_FORMAT_UNSUPPORTED:
      'Ce fichier de questionnaire a été créé pour une version plus récente de l’application. Installez d’abord la nouvelle application.',
    RELEASE_SIGNATURE_INVALID:
      'Ce fichier a été modifié après sa signature par l’OIM, ou sa signature manque. Demandez à nouveau le fichier à l’OIM.',
    RELEASE_PUBLISHER_UNKNOWN:
      'Ce fichier n’est pas signé par l’OIM : l’application ne fait pas confiance à la clé qui l’a signé.',
    RELEASE_QUESTIONNAIRE_INVALID:
      'Le questionnaire de ce fichier contient des erreurs et ne peut pas être utilisé. Prévenez l’OIM.',
    RELEASE_DOWNGRADE:
      'Une version plus récente de ce questionnaire est déjà installée ; une version plus ancienne ne peut pas la remplacer.',
    RELEASE_VERSION_CONFLICT:
      'Un autre fichier portant le même numéro de version est déjà installé. Demandez à l’OIM lequel est le bon.',
  },
  problems: {
    heading: 'Fichiers de questionnaire inutilisables ({{count}})',
    intro: 'Ces fichiers sont conservés tels quels, mais l’application ne les utilise pas. Les brouillons sur leurs versions ne peuvent pas être ouverts tant qu’une copie valable n’est pas installée.',
    unreadable: 'Le fichier ne peut pas être lu.',
  },
  preview: {
    heading: 'Installer la version {{version}} du questionnaire ?',
    headingInstalled: 'La version {{version}} est déjà installée',
    file: 'Fichier : {{file}}',
    kindNew: 'Un questionnaire que cette application n’a pas encore.',
    kindUpdate: 'Une version plus récente du questionnaire ; la version {{previous}} est installée actuellement.',
    kindInstalled: 'Ce fichier est déjà installé.',
    published: 'Publiée le {{date}} par {{publisher}}.',
    developmentPublisher: 'Signée avec la clé de développement publique : ce n’est pas une vraie publication de l’OIM.',
    developmentRecipient:
      'Les réponses exportées avec cette version sont scellées pour la clé de développement : ce ne sont pas de vraies réponses.',
    notes: 'Notes de version',
    contact: 'Où envoyer vos réponses',
    changes: 'Ce qui change, question par question',
    added: 'Questions ajoutées ({{count}})',
    removed: 'Questions supprimées ({{count}})',
    changed: 'Questions modifiées ({{count}})',
    noChanges: 'Aucune question ne change.',
    drafts:
      'Brouillons sur une version plus ancienne pouvant passer à celle-ci : {{count}}. Chaque brouillon ne change de version que si vous le décidez.',
    install: 'Installer',
    installing: 'Installation…',
    cancel: 'Annuler',
    close: 'Fermer',
  },
  change: {
    type: 'type de réponse',
    'choices-removed': 'options supprimées : {{list}}',
    'choices-added': 'options ajoutées : {{list}}',
    moved: 'déplacée dans un tableau ou hors d’un tableau',
    label: 'formulation',
    required: 'caractère obligatoire de la réponse',
    'shown-when': 'quand elle est posée',
    rule: 'limites ou contrôles',
    other: 'option « Autre (préciser) »',
  },
  notice: {
    heading: 'Une version plus récente du questionnaire est installée',
    intro: 'Ce brouillon utilise la version {{current}}. La version {{newer}} est installée.',
    newQuestions: 'Nouvelles questions à remplir ({{count}})',
    notCarried:
      'Réponses qui ne seront pas reprises ({{count}}) : elles restent sur ce brouillon, dans une liste à part, et dans l’historique de chaque question.',
    allCarry: 'Toutes les réponses sont reprises.',
    restored: 'Réponses mises de côté auparavant qui reviendront : {{count}}',
    move: 'Passer ce brouillon à la version {{version}}',
    moving: 'Changement de version…',
    moved:
      'Le brouillon utilise maintenant la version {{version}} : {{carried}} réponse(s) reprise(s), {{setAside}} non reprise(s).',
    undo: 'Annuler le passage à la version {{version}}',
    undone: 'Le changement a été annulé : le brouillon est revenu à la version {{version}}.',
    failed: 'Le brouillon n’a pas changé de version : {{message}}',
  },
  notCarried: {
    heading: 'Réponses non reprises ({{count}})',
    intro:
      'Ces réponses ne correspondent pas à la version {{version}} du questionnaire. Elles sont conservées ici et dans l’historique : rien n’a été supprimé.',
    question: 'Question',
    answer: 'Réponse',
    reason: 'Pourquoi',
    fromVersion: 'Donnée dans la version',
    unknownQuestion: 'une question de la version {{version}}',
    row: 'ligne {{row}}',
    reasons: {
      'not-an-answer': 'ce n’est pas une réponse de ce questionnaire',
      'question-removed': 'la question a été supprimée',
      'question-moved': 'la question a été déplacée dans un tableau ou hors d’un tableau',
      'type-changed': 'la question attend désormais un autre type de réponse',
      'choice-removed': 'l’option choisie a été supprimée',
      'other-removed': 'la question ne propose plus « Autre (préciser) »',
      'answered-again': 'la question a reçu une nouvelle réponse depuis',
    },
  },
  contact: {
    heading: 'Où envoyer ce fichier',
    email: 'Courriel : {{email}}',
  },
  development: {
    title: '{{title}} (version de développement : pas pour de vraies réponses)',
  },
  iom: {
    heading: 'Versions publiées du questionnaire',
    intro:
      'Les paquets sont acceptés pour les versions du questionnaire listées ici. Ajoutez le fichier (.iscmq) de chaque version publiée par l’OIM.',
    path: 'Fichier de version (.iscmq)',
    choose: 'Choisir un fichier…',
    add: 'Ajouter la version',
    adding: 'Vérification…',
    added: 'La version {{version}} est ajoutée : les paquets de cette version peuvent être importés.',
    alreadyKnown: 'La version {{version}} était déjà connue ; rien n’a changé.',
    caption: 'Versions connues',
    colVersion: 'Version',
    colPublished: 'Publiée',
    colPublisher: 'Éditeur',
    colAdded: 'Ajoutée',
    colSource: 'Comment',
    sourceBundled: 'avec l’application',
    sourceAdded: 'ajoutée par {{who}}',
    none: 'Aucune version n’est encore connue.',
  },
} as const satisfies TextTree;
