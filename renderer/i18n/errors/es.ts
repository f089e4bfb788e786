import type { ErrorTexts } from './en.js';

export const es: ErrorTexts = {
  HOST_UNREACHABLE: 'El servicio interno de la aplicación no respondió. No se guardó nada con esta solicitud; la aplicación vuelve a intentarlo.',
  ANSWER_STALE:
    'Esta respuesta se modificó en otra ventana o pestaña; no se guardó nada desde esta, que ahora muestra la versión de la otra ventana.',
  UNKNOWN_CHANNEL: "La aplicación pidió a su servicio interno una operación desconocida. Por favor, infórmelo.",
  INVALID_INPUT: "La aplicación envió a su servicio interno algo que no puede aceptar. No se cambió nada.",
  PAYLOAD_TOO_LARGE: "Es demasiado grande para enviarlo de una vez. No se cambió nada.",
  UNAUTHORIZED: "Esta página no es la que abrió la aplicación. Abra la dirección que mostró la aplicación al iniciarse.",
  FORBIDDEN_SENDER: "Esta solicitud no procede de la ventana de la aplicación, por lo que se rechazó.",
  NOT_FOUND: "Este elemento ya no existe o está en la papelera.",
  READ_ONLY: "Esto ya no se puede cambiar: se ha finalizado. Enmiéndelo para hacer cambios.",
  CONFLICT: "Esto entra en conflicto con lo que ya existe. No se cambió nada.",
  VALIDATION_FAILED: "Faltan respuestas o no son válidas. La revisión las enumera una por una.",
  STORAGE_FAILED: "El disco está lleno, es de solo lectura o falla: no se escribió nada.",
  DATA_UNAVAILABLE: "La aplicación no pudo abrir sus datos al iniciarse; el aviso de arriba explica por qué.",
  BAD_FILE: "Este archivo no se puede usar: es demasiado grande, de un tipo no aceptado o ilegible.",
  WRONG_PASSPHRASE: "La frase de contraseña no corresponde a esta clave de firma. Escríbala de nuevo.",
  CANCELLED: "Cancelado. No quedó nada a medias.",
  NOT_SUPPORTED: "No es posible en esta versión de la aplicación (la versión de navegador no puede abrir los diálogos del equipo).",
  INTERNAL: "Se produjo un error interno en la aplicación. No se perdió nada de lo que escribió; por favor, infórmelo.",
};
