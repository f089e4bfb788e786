import type { DraftLanguageTexts } from './en.js';

export const es: DraftLanguageTexts = {
  label: 'Cuestionario en',
  help: 'El idioma de las preguntas y respuestas de esta evaluación. El menú de arriba solo cambia el idioma de la aplicación.',
};
