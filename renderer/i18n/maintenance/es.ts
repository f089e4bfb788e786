import type { en } from './en.js';

/** The backups dialog and the start-up banner, in Spanish. */
export const es: typeof en = {
  navLink: 'Copias de seguridad',
  backups: {
    heading: 'Copias de seguridad',
    intro: 'La aplicación guarda las 7 últimas copias de sus datos: una al día al iniciarse y una antes de cada firma.',
    backUpNow: 'Hacer una copia ahora',
    backingUp: 'Copiando…',
    none: 'Aún no hay copias.',
    caption: 'Copias en este equipo, la más reciente primero',
    colDate: 'Fecha',
    colReason: 'Motivo',
    colSize: 'Tamaño',
    colAction: 'Acción',
    reason: { startup: 'Al iniciar', finalize: 'Antes de firmar', manual: 'Hecha por usted' },
    restore: 'Restaurar',
    restoreNamed: 'Restaurar la copia del {{date}}',
    confirm: '¿Restaurar la copia del {{date}}? Sus datos actuales se guardan aparte primero, nunca se borran.',
    confirmYes: 'Sí, restaurar',
    cancel: 'Cancelar',
    restoring: 'Restaurando…',
    restored: 'Restaurado. Sus datos anteriores se conservan en {{path}}.',
    close: 'Cerrar',
  },
  banner: {
    movedDamaged:
      'Su archivo de datos estaba dañado. Se movió, sin borrarlo, a {{path}}, y se creó un archivo nuevo vacío.',
    movedForeign:
      'El archivo de datos no era un archivo de ISCM Assessment (pertenece a otro programa). Se movió, sin borrarlo, a {{path}}, y se creó un archivo nuevo vacío.',
    recreated:
      'Su archivo de datos estaba vacío (0 bytes), quizá tras un cierre inesperado o un disco lleno. Se conservó en {{path}} y se creó un archivo nuevo.',
    orphanWal:
      'Se encontró un diario de sus datos sin su archivo de datos. Se conservó en {{path}} y se creó un archivo nuevo vacío. Si movió o cambió el nombre de su archivo de datos, cierre la aplicación, vuelva a ponerlo en {{file}} e iníciela de nuevo.',
    newer:
      'Su archivo de datos fue guardado por una versión más reciente de ISCM Assessment (versión de datos {{found}}; esta versión lee hasta la {{supported}}). No se ha tocado: {{file}}. Instale la versión más reciente para abrirlo.',
    lockedHost:
      'Sus datos ya están abiertos en {{app}} (proceso {{pid}}, desde {{time}}). No se han tocado. Ciérrelos allí y pulse «Reintentar». Si ya no responde, termine el proceso {{pid}}.',
    lockedOther:
      'Su archivo de datos está en uso por otro programa y no se ha tocado: {{file}}. Cierre ese programa y pulse «Reintentar».',
    readOnly:
      'La carpeta de sus datos es de solo lectura: no se podía guardar nada; no se ha cambiado nada: {{folder}}. Permita la escritura, o lleve los datos a un disco con escritura, y pulse «Reintentar».',
    readOnlyFile:
      'Su archivo de datos es de solo lectura: no se podía guardar ninguna respuesta; no se ha cambiado nada: {{file}}. Permita la escritura y pulse «Reintentar».',
    symlink:
      'Su archivo de datos {{file}} es un enlace a {{target}}, que no existe o no es un archivo (¿un disco desconectado?). No se ha cambiado nada. Conecte el disco o corrija el enlace y pulse «Reintentar».',
    unreadable:
      'Su archivo de datos no se pudo abrir y no se ha tocado: {{file}}. Revise los permisos de la carpeta y el disco, y pulse «Reintentar».',
    restarted:
      'ISCM Assessment tuvo un problema inesperado a las {{time}} y se reinició. Lo que había escrito se guardó antes.',
    host: {
      electron: 'la aplicación de escritorio ISCM Assessment',
      web: 'ISCM Assessment en un navegador',
      cli: 'el comando iscm',
    },
    unknownTarget: 'un lugar desconocido',
    restoreLatest: 'Restaurar la última copia ({{date}})',
    retry: 'Reintentar',
    retrying: 'Reintentando…',
    stillRefused: 'Aún no es posible. El mensaje de arriba dice qué lo impide.',
    dismiss: 'Cerrar',
  },
  stopped: 'Sus evaluaciones no se pueden mostrar ni guardar hasta que se resuelva el problema de arriba.',
};
