import type { ErrorTexts } from './en.js';

export const es: ErrorTexts = {
  HOST_UNREACHABLE: 'El servicio interno de la aplicación no respondió. No se guardó nada con esta solicitud; la aplicación vuelve a intentarlo.',
  ANSWER_STALE:
    'Esta respuesta se modificó en otra ventana o pestaña; no se guardó nada desde esta, que ahora muestra la versión de la otra ventana.',
};
