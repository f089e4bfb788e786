import type { CompiledExpressions } from './load-expressions.js';
import type { Entry } from './load-index.js';
import type { LoadError } from './loaded.js';
import { choicesOf } from './question-info.js';
import type { Questionnaire } from './schema.js';

/**
 * A calculated choice question must only ever be given one of its own values: a value from
 * `choice-attr()` or a text literal that is not a choice would leave the respondent with an
 * invalid answer they cannot change.
 */
export function checkCalculatedChoices(q: Questionnaire, entries: readonly Entry[], compiled: ReadonlyMap<string, CompiledExpressions>): LoadError[] {
  const errors: LoadError[] = [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const entry of entries) {
    if (entry.kind !== 'leaf' || entry.item.type === 'note') continue;
    const calc = compiled.get(entry.id)?.calculate;
    const own = choicesOf(q, entry.item).choices;
    if (!calc || !own || entry.item.type === 'matrix') continue;
    const allowed = new Set(own.map((c) => c.value));
    const path = `${entry.jsonPath}.calculate`;
    const who = `question "${entry.id}", calculate`;
    const results: { value: string; origin: string }[] = [];
    const visit = (node: typeof calc): void => {
      if (node.kind === 'literal' && typeof node.value === 'string') results.push({ value: node.value, origin: `the text '${node.value}'` });
      if (node.kind === 'call' && node.name === 'if') node.args.slice(1).forEach(visit);
      if (node.kind === 'call' && node.name === 'coalesce') node.args.forEach(visit);
      if (node.kind === 'call' && node.name === 'choice-attr') {
        const [source, name] = node.args;
        const target = source?.kind === 'ref' ? byId.get(source.id) : undefined;
        if (target?.kind !== 'leaf' || target.item.type === 'note' || name?.kind !== 'literal' || typeof name.value !== 'string') return;
        for (const choice of choicesOf(q, target.item).choices ?? []) {
          const value = choice.attributes?.[name.value];
          if (value !== undefined) results.push({ value, origin: `choice "${choice.value}" of "${target.id}" (${name.value})` });
        }
      }
    };
    visit(calc);
    for (const { value, origin } of results) {
      if (!allowed.has(value)) errors.push({ path, message: `${who}: ${origin} gives "${value}", which is not one of this question's choice values` });
    }
  }
  return errors;
}
