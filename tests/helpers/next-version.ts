import { loadQuestionnaire } from '../../core/questionnaire/index.js';
import { nextPatch } from './releases.js';

/**
 * A newer version of a questionnaire, derived at test time (so tests never hard-code which
 * version is the newest): the patch number bumped, one question removed, one added, one choice
 * dropped and one type changed. Each is chosen by a rule among the optional top-level questions
 * that nothing else refers to (first in the file), so the result always loads; the new question
 * goes at the end of the first section.
 */

type Json = Record<string, unknown>;
type Item = Json & {
  id: string;
  type: string;
  required?: unknown;
  relevant?: unknown;
  calculate?: unknown;
  choices?: string;
  maxLength?: unknown;
};

export interface NextVersion {
  readonly json: Json & { version: string };
  readonly version: string;
  readonly removed: string;
  readonly added: string;
  readonly retyped: string;
  readonly droppedChoice: { readonly question: string; readonly value: string };
}

export const ADDED_QUESTION = 'release_test_question';

export function nextVersionOf(source: Json & { version: string }): NextVersion {
  const json = structuredClone(source) as Json & {
    version: string;
    languages: string[];
    sections: (Json & { items: Item[] })[];
    choiceLists: Record<string, Json[]>;
  };
  const text = JSON.stringify(source);
  // Referred to only by its own definition: no expression, no other item names it.
  const unreferenced = (id: string): boolean => text.split(`"${id}"`).length === 2 && !text.includes(`\${${id}}`);
  const first = json.sections[0];
  if (!first) throw new Error('the questionnaire has no section');
  // Top-level questions, optional, not calculated, in the order of the file.
  const candidates = json.sections
    .flatMap((s) => s.items)
    .filter((i) => unreferenced(i.id) && i.required === undefined && i.calculate === undefined);
  const pick = (test: (i: Item) => boolean, what: string): Item => {
    const found = candidates.find((i) => test(i) && !chosen.has(i.id));
    if (!found) throw new Error(`no question to ${what}`);
    chosen.add(found.id);
    return found;
  };
  const chosen = new Set<string>();
  const removed = pick((i) => i.type === 'text', 'remove');
  const retyped = pick((i) => i.type === 'long_text', 'change the type of');
  const withChoices = pick((i) => i.type === 'single_choice' && typeof i.choices === 'string', 'drop a choice from');

  for (const section of json.sections) section.items = section.items.filter((i) => i.id !== removed.id);
  retyped.type = 'integer';
  delete retyped.maxLength;
  const list = json.choiceLists[withChoices.choices ?? ''] ?? [];
  const dropped = list.at(-1);
  if (!dropped || list.length < 2) throw new Error(`the list of ${withChoices.id} is too short`);
  // A list of its own, so no other question loses the choice.
  const listId = `${withChoices.choices ?? ''}_next`;
  json.choiceLists[listId] = list.slice(0, -1);
  withChoices.choices = listId;
  const label = Object.fromEntries(json.languages.map((l) => [l, `New question (${l})`]));
  first.items.push({ id: ADDED_QUESTION, type: 'text', label });
  json.version = nextPatch(source.version);

  const loaded = loadQuestionnaire(json);
  if (!loaded.ok) throw new Error(`the derived version does not load: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  return {
    json,
    version: json.version,
    removed: removed.id,
    added: ADDED_QUESTION,
    retyped: retyped.id,
    droppedChoice: { question: withChoices.id, value: String(dropped.value) },
  };
}
