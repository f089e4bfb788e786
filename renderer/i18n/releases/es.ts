import type { TextTree } from '../namespaces.js';

export const es = {
  install: {
    button: 'Instalar un archivo de cuestionario…',
    help: 'Un archivo de cuestionario (.iscmq) de la OIM: una nueva versión del cuestionario o la de esta ronda de evaluación.',
    checking: 'Comprobando el archivo…',
    installed: 'La versión {{version}} del cuestionario está instalada. Las nuevas evaluaciones la utilizan.',
    alreadyInstalled: 'Este archivo ya estaba instalado; no ha cambiado nada.',
    refused: '{{file}} no se ha instalado y no se ha cambiado nada.',
    support: 'Para el servicio de ayuda: {{code}}, {{detail}}',
  },
  refusals: {
    RELEASE_NOT_A_RELEASE: 'Este archivo no es un archivo de cuestionario de la OIM, o está dañado.',
    RELEASE_TOO_LARGE: 'Este archivo es mucho más grande que un archivo de cuestionario, así que no se ha abierto.',
    RELEASE_FORMAT_UNSUPPORTED:
      'Este archivo de cuestionario se creó para una versión más reciente de la aplicación. Instale primero la aplicación más reciente.',
    RELEASE_SIGNATURE_INVALID:
      'Este archivo se modificó después de que la OIM lo firmara, o le falta la firma. Pida de nuevo el archivo a la OIM.',
    RELEASE_PUBLISHER_UNKNOWN:
      'Este archivo no está firmado por la OIM: la aplicación no confía en la clave que lo firmó.',
    RELEASE_QUESTIONNAIRE_INVALID:
      'El cuestionario de este archivo tiene errores, así que no se puede utilizar. Avise a la OIM.',
    RELEASE_DOWNGRADE:
      'Ya hay instalada una versión más reciente de este cuestionario; una más antigua no puede sustituirla.',
    RELEASE_VERSION_CONFLICT:
      'Ya hay instalado otro archivo con el mismo número de versión. Pregunte a la OIM cuál es el correcto.',
  },
  problems: {
    heading: 'Archivos de cuestionario que no se pueden usar ({{count}})',
    intro: 'Estos archivos se conservan tal cual, pero la aplicación no los utiliza. Los borradores en sus versiones no se pueden abrir hasta que se instale una copia válida.',
    unreadable: 'El archivo no se puede leer.',
  },
  preview: {
    heading: '¿Instalar la versión {{version}} del cuestionario?',
    headingInstalled: 'La versión {{version}} ya está instalada',
    file: 'Archivo: {{file}}',
    kindNew: 'Un cuestionario que esta aplicación todavía no tiene.',
    kindUpdate: 'Una versión más reciente del cuestionario; ahora está instalada la versión {{previous}}.',
    kindInstalled: 'Este mismo archivo ya está instalado.',
    published: 'Publicada el {{date}} por {{publisher}}.',
    developmentPublisher: 'Firmada con la clave de desarrollo pública: no es una publicación real de la OIM.',
    developmentRecipient:
      'Las respuestas exportadas con esta versión se sellan para la clave de desarrollo: no son envíos reales.',
    notes: 'Notas de la versión',
    contact: 'Adónde enviar sus respuestas',
    changes: 'Qué cambia, pregunta por pregunta',
    added: 'Preguntas añadidas ({{count}})',
    removed: 'Preguntas eliminadas ({{count}})',
    changed: 'Preguntas modificadas ({{count}})',
    noChanges: 'No cambia ninguna pregunta.',
    drafts:
      'Borradores en una versión más antigua que pueden pasar a esta: {{count}}. Cada borrador cambia de versión solo cuando usted lo decida.',
    install: 'Instalar',
    installing: 'Instalando…',
    cancel: 'Cancelar',
    close: 'Cerrar',
  },
  change: {
    type: 'tipo de respuesta',
    'choices-removed': 'opciones eliminadas: {{list}}',
    'choices-added': 'opciones añadidas: {{list}}',
    moved: 'trasladada dentro o fuera de una tabla',
    label: 'redacción',
    required: 'si la respuesta es obligatoria',
    'shown-when': 'cuándo se pregunta',
    rule: 'límites o comprobaciones',
    other: 'opción «Otro (especifique)»',
  },
  notice: {
    heading: 'Hay instalada una versión más reciente del cuestionario',
    intro: 'Este borrador usa la versión {{current}}. La versión {{newer}} está instalada.',
    newQuestions: 'Preguntas nuevas que responder ({{count}})',
    notCarried:
      'Respuestas que no se trasladarán ({{count}}): se quedan en este borrador, en una lista aparte, y en el historial de cada pregunta.',
    allCarry: 'Se trasladan todas las respuestas.',
    restored: 'Respuestas apartadas antes que volverán: {{count}}',
    move: 'Pasar este borrador a la versión {{version}}',
    moving: 'Cambiando de versión…',
    moved:
      'El borrador usa ahora la versión {{version}}: {{carried}} respuesta(s) trasladada(s), {{setAside}} no trasladada(s).',
    undo: 'Deshacer el paso a la versión {{version}}',
    undone: 'Se deshizo el cambio: el borrador ha vuelto a la versión {{version}}.',
    failed: 'El borrador no ha cambiado de versión: {{message}}',
  },
  notCarried: {
    heading: 'Respuestas no trasladadas ({{count}})',
    intro:
      'Estas respuestas no corresponden a la versión {{version}} del cuestionario. Se conservan aquí y en el historial: no se ha borrado nada.',
    question: 'Pregunta',
    answer: 'Respuesta',
    reason: 'Motivo',
    fromVersion: 'Dada en la versión',
    unknownQuestion: 'una pregunta de la versión {{version}}',
    row: 'fila {{row}}',
    reasons: {
      'not-an-answer': 'no es una respuesta de este cuestionario',
      'question-removed': 'la pregunta se eliminó',
      'question-moved': 'la pregunta se trasladó dentro o fuera de una tabla',
      'type-changed': 'la pregunta espera ahora otro tipo de respuesta',
      'choice-removed': 'la opción elegida se eliminó',
      'other-removed': 'la pregunta ya no ofrece «Otro (especifique)»',
      'answered-again': 'la pregunta ha recibido otra respuesta desde entonces',
    },
  },
  contact: {
    heading: 'Adónde enviar este archivo',
    email: 'Correo electrónico: {{email}}',
  },
  development: {
    title: '{{title}} (versión de desarrollo: no apta para envíos reales)',
  },
  iom: {
    heading: 'Versiones publicadas del cuestionario',
    intro:
      'Se aceptan paquetes de las versiones del cuestionario que figuran aquí. Añada el archivo (.iscmq) de cada versión que publique la OIM.',
    path: 'Archivo de versión (.iscmq)',
    choose: 'Elegir archivo…',
    add: 'Añadir la versión',
    adding: 'Comprobando…',
    added: 'Se ha añadido la versión {{version}}: se pueden importar los paquetes de esa versión.',
    alreadyKnown: 'La versión {{version}} ya era conocida; no ha cambiado nada.',
    caption: 'Versiones conocidas',
    colVersion: 'Versión',
    colPublished: 'Publicada',
    colPublisher: 'Editor',
    colAdded: 'Añadida',
    colSource: 'Cómo',
    sourceBundled: 'con la aplicación',
    sourceAdded: 'añadida por {{who}}',
    none: 'Todavía no se conoce ninguna versión.',
  },
} as const satisfies TextTree;
