/**
 * A draft's title without the suffixes the app itself once added: "(copy)" from Duplicate (in
 * any of the four languages, numbered or not) and "(revision N)" from amendments made before
 * revisions were shown as badges. Amending or duplicating starts from this base, so titles do
 * not pile up "(revision 2) (copie) (copie)". Only trailing suffixes go: a user's own words
 * in the middle of a title stay.
 */
const COPY_WORDS = ['copy', 'copie', 'copia', 'نسخة'];
const REVISION_WORDS = ['revision', 'révision', 'revisión', 'مراجعة'];

const GENERATED_SUFFIX = new RegExp(
  `\\s*\\((?:(?:${COPY_WORDS.join('|')})(?:\\s+\\d+)?|(?:${REVISION_WORDS.join('|')})\\s+\\d+)\\)$`,
  'iu',
);

export function withoutGeneratedSuffixes(title: string): string {
  let base = title.trim();
  for (let previous = ''; previous !== base; ) {
    previous = base;
    base = base.replace(GENERATED_SUFFIX, '').trimEnd();
  }
  return base;
}
