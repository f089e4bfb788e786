import { entryWord, type Entry } from './load-index.js';
import type { LoadError } from './loaded.js';
import type { LocalizedText, Questionnaire } from './schema.js';

/**
 * Every text (title, description, label, help, choice label, constraint message) must have a
 * non-empty text for each language in `languages`, and no other language.
 */
export function checkTranslations(q: Questionnaire, entries: readonly Entry[]): LoadError[] {
  const errors: LoadError[] = [];
  const check = (text: LocalizedText | undefined, path: string, what: string): void => {
    if (text === undefined) return;
    for (const lang of q.languages) {
      const value = text[lang];
      if (value === undefined) errors.push({ path, message: `${what} has no "${lang}" text` });
      else if (value.trim() === '') errors.push({ path: `${path}.${lang}`, message: `${what} has an empty "${lang}" text` });
    }
    for (const lang of Object.keys(text)) {
      if (!q.languages.includes(lang)) {
        errors.push({ path: `${path}.${lang}`, message: `${what} has a "${lang}" text, but "${lang}" is not in languages` });
      }
    }
  };
  check(q.title, 'title', 'the title');
  check(q.description, 'description', 'the description');
  for (const [listId, choices] of Object.entries(q.choiceLists)) {
    choices.forEach((choice, i) => {
      check(choice.label, `choiceLists.${listId}[${i}].label`, `the label of choice "${choice.value}" in list "${listId}"`);
    });
  }
  for (const entry of entries) {
    const who = `${entryWord(entry)} "${entry.id}"`;
    if (entry.kind === 'section') {
      check(entry.section.title, `${entry.jsonPath}.title`, `the title of ${who}`);
      check(entry.section.description, `${entry.jsonPath}.description`, `the description of ${who}`);
      continue;
    }
    const item = entry.item;
    check(item.label, `${entry.jsonPath}.label`, `the label of ${who}`);
    check(item.help, `${entry.jsonPath}.help`, `the help of ${who}`);
    if (item.type !== 'group' && item.type !== 'note' && item.constraint) {
      check(item.constraint.message, `${entry.jsonPath}.constraint.message`, `the constraint message of ${who}`);
    }
  }
  return errors;
}
