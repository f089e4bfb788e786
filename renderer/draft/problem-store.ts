import type { Problem } from '../../core/questionnaire/index.js';
import { createKeyListeners } from './key-listeners.js';

const said = (problems: readonly Problem[] | undefined): string => (problems ?? []).map((p) => `${p.code}\u0000${p.message}`).join('\u0001');

/**
 * The engine's problems of the open draft, by answer path: what every field message reads.
 * Each evaluation publishes its whole list; only the paths whose problems changed are told,
 * so a thousand-question section re-renders the fields whose message changed, no others.
 */
export function createProblemStore() {
  let byPath = new Map<string, readonly Problem[]>();
  const listeners = createKeyListeners();
  return {
    /** The problems at `path` (a question, its "Other" text, or a repeat group), or undefined. */
    get: (path: string): readonly Problem[] | undefined => byPath.get(path),
    subscribe: listeners.subscribe,
    publish(problems: readonly Problem[]): void {
      const grouped = new Map<string, Problem[]>();
      for (const p of problems) grouped.set(p.path, [...(grouped.get(p.path) ?? []), p]);
      const previous = byPath;
      const next = new Map<string, readonly Problem[]>();
      // An unchanged list keeps its identity, so its readers do not render again.
      for (const [path, list] of grouped) next.set(path, said(previous.get(path)) === said(list) ? (previous.get(path) ?? list) : list);
      byPath = next;
      for (const path of new Set([...previous.keys(), ...next.keys()])) if (previous.get(path) !== next.get(path)) listeners.notify(path);
    },
    /** Forgets one path's problems while its answer is being changed (the next evaluation says again). */
    clear(path: string): void {
      if (byPath.delete(path)) listeners.notify(path);
    },
  };
}
export type ProblemStore = ReturnType<typeof createProblemStore>;
