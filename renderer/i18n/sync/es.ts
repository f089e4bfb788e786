import type { SyncTexts } from './en.js';

export const es: SyncTexts = {
  heading: 'Modificado en otra ventana',
  changed: '«{{question}}» se modificó en otra ventana; ahora muestra la versión de la otra ventana.',
  theirs: 'Ahora: {{value}}',
  mine: 'Lo que había escrito aquí (no guardado): {{value}}',
  empty: '(vacío)',
  useMine: 'Usar mi versión',
  dismiss: 'Cerrar',
};
