import type { JourneyTexts } from './en.js';

export const es: JourneyTexts = {
  finalizedBanner: 'Finalizada, revisión {{revision}}, el {{date}}',
  exportedBanner: 'Finalizada y exportada, revisión {{revision}}, el {{date}}',
  readOnlyHelp:
    'Esta evaluación está firmada y ya no se puede cambiar. Para corregirla o completarla, enmiéndela: se abre un nuevo borrador con estas respuestas.',
  openRevision: 'Abrir la revisión firmada',
  amend: 'Enmendar (comenzar la revisión {{revision}})',
  continueAmend: 'Continuar la enmienda',
  supersededBy: 'Reemplazada por la revisión {{revision}}',
  openNewer: 'Abrir la revisión {{revision}}',
  readOnlyFields: 'Respuestas (solo lectura)',
  readyHeading: 'Su archivo está listo',
  readyName: 'Nombre del archivo',
  readyFolder: 'Carpeta',
  showInFolder: 'Mostrar en la carpeta',
  copyPath: 'Copiar la ruta',
  copied: 'Ruta copiada al portapapeles.',
  copyFailed: 'No se pudo copiar la ruta. Selecciónela y cópiela a mano.',
  download: 'Descargar {{file}}',
  downloadHelp: 'Su navegador lo guarda en su carpeta de descargas.',
  sendHeading: 'A quién enviarlo',
  sendFallback: 'Envíe este archivo al contacto de la OIM que le envió el cuestionario.',
  emailHeading: 'Si el correo rechaza el adjunto',
  emailHelp:
    'Algunos servidores de correo rechazan los archivos .iscm o los de más de 10 a 25 MB. Ponga el archivo en un archivo zip y adjunte el zip, o súbalo al servicio para compartir archivos de su organización y envíe el enlace. Sin ninguna conexión, cópielo en una memoria USB. El archivo está firmado y cifrado: solo la OIM puede abrirlo, y cualquier cambio se detecta.',
  emailHelpCard:
    'La tarjeta de clave es un pequeño archivo de texto. Si el correo la rechaza, póngala en un archivo zip y adjunte el zip, o pegue su texto en el mensaje. Solo contiene su clave pública: cualquiera puede verla, y la OIM la usa para verificar sus firmas.',
  emailHelpSummary:
    'El resumen es una copia legible de sus respuestas, para sus archivos; no está firmado ni cifrado: envíelo solo a personas que puedan leer las respuestas. Si el correo lo rechaza, póngalo en un archivo zip y adjunte el zip.',
  refusedNotSaved:
    'La aplicación solo puede mostrar o descargar los archivos que guardó desde que se inició. Guarde el archivo de nuevo.',
  refusedGone:
    'El archivo ya no está donde la aplicación lo guardó: se movió, se cambió de nombre o se eliminó. Guárdelo de nuevo.',
  refusedChanged: 'El archivo cambió desde que la aplicación lo guardó. Guárdelo de nuevo.',
  refusedOutside: 'Este servidor solo sirve los archivos de su carpeta de exportaciones. Guarde el archivo de nuevo.',
  readyFrom: 'Exportado el {{date}}',
  finalizeAndExport: 'Finalizar, firmar y exportar',
  finalizeAndExporting: 'Finalizando y exportando…',
  finalizeOnly: 'Finalizar sin exportar',
  onePassphrase: 'Su frase de contraseña desbloquea su clave una sola vez, para ambos pasos; no se conserva.',
  exportAfterFinalizeFailed:
    'La evaluación está finalizada (revisión {{revision}}), pero el archivo no se escribió: {{reason}} Expórtelo desde la revisión firmada.',
  revisionBadge: 'Revisión {{revision}}',
  supersededBadge: 'Reemplazada por la revisión {{revision}}',
  exportedFileLink: 'Archivo exportado: {{file}}',
  sameHeading: '¿Es una corrección?',
  sameQuestion:
    'Ya envió una evaluación de {{mechanism}} como {{respondent}} (revisión {{revision}}, {{date}}). ¿Es una corrección de esa evaluación (una enmienda) o un envío distinto?',
  sameCorrection: 'Una corrección: convertirla en la revisión {{revision}} de la evaluación anterior',
  sameSeparate: 'Un envío distinto',
  sameContinue: 'Continuar',
  sameTurned: 'Este borrador ahora enmienda la revisión {{revision}}: al finalizarlo se crea la revisión {{next}}.',
  sameOpenAmendment: 'Ya hay una enmienda abierta: continúe ese borrador',
  secretariat: 'la secretaría',
};
