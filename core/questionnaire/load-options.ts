import { BUILTIN_LANGUAGES, BUILTIN_SCALE_IDS, BUILTIN_SCALES, scaleOf } from './builtin-scales.js';
import type { Entry } from './load-index.js';
import type { LoadError } from './loaded.js';
import { OTHER_CHOICE } from './question-info.js';
import type { Questionnaire } from './schema.js';

/** Options that contradict each other or name something that does not exist. */
export function checkOptions(q: Questionnaire, entries: readonly Entry[]): LoadError[] {
  const errors: LoadError[] = [];
  const add = (path: string, message: string): void => {
    errors.push({ path, message });
  };
  checkLanguages(q, add);
  checkChoiceLists(q, add);
  const usedScales = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === 'section') continue;
    const item = entry.item;
    const path = entry.jsonPath;
    const who = `"${entry.id}"`;
    if (item.type === 'group') {
      if (item.repeat !== true && (item.minRows !== undefined || item.maxRows !== undefined)) {
        add(path, `group ${who}: minRows and maxRows only apply to a repeat group ("repeat": true)`);
      }
      if (item.minRows !== undefined && item.maxRows !== undefined && item.minRows > item.maxRows) {
        add(`${path}.minRows`, `group ${who}: minRows (${item.minRows}) is greater than maxRows (${item.maxRows})`);
      }
      continue;
    }
    const scale = scaleOf(item.type, item.type === 'matrix' ? item.scale : undefined);
    if (scale) usedScales.add(scale);
    switch (item.type) {
      case 'integer':
      case 'decimal':
      case 'year':
      case 'date':
        if (item.min !== undefined && item.max !== undefined && item.min > item.max) {
          add(`${path}.min`, `question ${who}: min (${item.min}) is greater than max (${item.max})`);
        }
        break;
      case 'single_choice':
      case 'multiple_choice': {
        const list = q.choiceLists[item.choices];
        if (!list) {
          add(`${path}.choices`, `question ${who}: unknown choice list "${item.choices}"`);
          break;
        }
        if (item.other === true && list.some((c) => c.value === OTHER_CHOICE.value)) {
          add(`${path}.other`, `question ${who}: "other": true adds the value "other", but list "${item.choices}" already has it`);
        }
        if (item.type === 'multiple_choice') {
          const available = list.length + (item.other === true ? 1 : 0);
          const { minSelections: min, maxSelections: max } = item;
          if (min !== undefined && max !== undefined && min > max) {
            add(`${path}.minSelections`, `question ${who}: minSelections (${min}) is greater than maxSelections (${max})`);
          }
          if (min !== undefined && min > available) {
            add(`${path}.minSelections`, `question ${who}: minSelections (${min}) is more than the ${available} choices`);
          }
          const alone = list.find((c) => c.exclusive === true);
          if (alone && min !== undefined && min > 1) {
            add(`${path}.minSelections`, `question ${who}: minSelections (${min}) can never be met with choice "${alone.value}", which is exclusive (it stands alone)`);
          }
        }
        break;
      }
      case 'matrix':
        if (!q.choiceLists[item.rows]) add(`${path}.rows`, `question ${who}: unknown choice list "${item.rows}" for the rows`);
        break;
      default:
        break;
    }
  }
  checkScaleLabels(q, usedScales, add);
  return errors;
}

function checkLanguages(q: Questionnaire, add: (path: string, message: string) => void): void {
  q.languages.forEach((lang, i) => {
    if (q.languages.indexOf(lang) !== i) add(`languages[${i}]`, `language "${lang}" is listed twice`);
  });
  if (!q.languages.includes(q.defaultLanguage)) {
    add('defaultLanguage', `defaultLanguage "${q.defaultLanguage}" is not in languages`);
  }
}

function checkChoiceLists(q: Questionnaire, add: (path: string, message: string) => void): void {
  for (const [listId, choices] of Object.entries(q.choiceLists)) {
    const seen = new Set<string>();
    choices.forEach((choice, i) => {
      if (seen.has(choice.value)) add(`choiceLists.${listId}[${i}].value`, `choice list "${listId}": duplicate value "${choice.value}"`);
      seen.add(choice.value);
    });
    const builtin = (BUILTIN_SCALE_IDS as readonly string[]).includes(listId)
      ? BUILTIN_SCALES[listId as keyof typeof BUILTIN_SCALES]
      : undefined;
    if (builtin && builtin.map((c) => c.value).join(',') !== choices.map((c) => c.value).join(',')) {
      add(`choiceLists.${listId}`, `choice list "${listId}" replaces the labels of a built-in scale: its values must be exactly ${builtin.map((c) => c.value).join(', ')}`);
    }
  }
}

/** The built-in scales have labels in the app's four languages; any other language needs an override list. */
function checkScaleLabels(q: Questionnaire, used: ReadonlySet<string>, add: (path: string, message: string) => void): void {
  for (const scale of used) {
    if (q.choiceLists[scale]) continue;
    for (const lang of q.languages) {
      if (!BUILTIN_LANGUAGES.includes(lang)) {
        add('languages', `the built-in scale "${scale}" has no "${lang}" labels: add a choice list "${scale}" with its values and labels`);
      }
    }
  }
}
