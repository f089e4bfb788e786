import type { LoadError } from './loaded.js';
import type { Group, Item, Leaf, Questionnaire, Section } from './schema.js';

/** One section, group, note or question, found by walking the file in order. */
export type Entry =
  | { readonly kind: 'section'; readonly id: string; readonly jsonPath: string; readonly sectionId: string; readonly section: Section }
  | (EntryBase & { readonly kind: 'group'; readonly item: Group })
  | (EntryBase & { readonly kind: 'leaf'; readonly item: Leaf });

interface EntryBase {
  readonly id: string;
  readonly jsonPath: string;
  readonly sectionId: string;
  readonly parentId: string;
  readonly repeatGroupId?: string;
}

/** Every entry of the file in document order. */
export function walkEntries(q: Questionnaire): Entry[] {
  const entries: Entry[] = [];
  q.sections.forEach((section, s) => {
    const sectionPath = `sections[${s}]`;
    entries.push({ kind: 'section', id: section.id, jsonPath: sectionPath, sectionId: section.id, section });
    section.items.forEach((item: Item, i) => {
      const itemPath = `${sectionPath}.items[${i}]`;
      if (item.type !== 'group') {
        entries.push({ kind: 'leaf', id: item.id, jsonPath: itemPath, sectionId: section.id, parentId: section.id, item });
        return;
      }
      entries.push({ kind: 'group', id: item.id, jsonPath: itemPath, sectionId: section.id, parentId: section.id, item });
      const repeatGroupId = item.repeat === true ? item.id : undefined;
      item.items.forEach((leaf, j) => {
        entries.push({
          kind: 'leaf',
          id: leaf.id,
          jsonPath: `${itemPath}.items[${j}]`,
          sectionId: section.id,
          parentId: item.id,
          ...(repeatGroupId === undefined ? {} : { repeatGroupId }),
          item: leaf,
        });
      });
    });
  });
  return entries;
}

/** Ids are unique across sections, groups, notes and questions. */
export function checkDuplicateIds(entries: readonly Entry[]): LoadError[] {
  const firstPath = new Map<string, string>();
  const errors: LoadError[] = [];
  for (const entry of entries) {
    const first = firstPath.get(entry.id);
    if (first === undefined) firstPath.set(entry.id, entry.jsonPath);
    else errors.push({ path: `${entry.jsonPath}.id`, message: `duplicate id "${entry.id}" (already used at ${first})` });
  }
  return errors;
}

/** "question", "note", "group" or "section": how error messages name an entry. */
export function entryWord(entry: Entry): string {
  if (entry.kind === 'section') return 'section';
  if (entry.kind === 'group') return 'group';
  return entry.item.type === 'note' ? 'note' : 'question';
}
