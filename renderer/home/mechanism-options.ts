import type { Language } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { textIn } from '../questionnaire/labels.js';

/** One mechanism as the list shows it. */
export interface MechanismOption {
  readonly value: string;
  readonly label: string;
}

/** Mechanisms of one kind (regional consultative processes, interregional forums, global processes). */
export interface MechanismGroup {
  readonly kind: string;
  readonly label: string;
  readonly options: readonly MechanismOption[];
}

/** The questionnaire's list naming each kind; a mechanism's kind is its `kind` attribute. */
const KIND_LIST = 'mechanism_kinds';

/**
 * The mechanisms grouped by kind (in the order of the questionnaire's list of kinds, a mechanism
 * of no known kind last under `otherLabel`) and sorted within each kind by the UI language's own
 * collation: "Ó" sorts with "O" in Spanish, Arabic names in Arabic order.
 */
export function groupMechanisms(loaded: LoadedQuestionnaire, listId: string, lang: Language, otherLabel: string): MechanismGroup[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const kinds = loaded.choiceLists.get(KIND_LIST) ?? [];
  const byKind = new Map<string, MechanismOption[]>(kinds.map((k) => [k.value, []]));
  const other: MechanismOption[] = [];
  for (const choice of loaded.choiceLists.get(listId) ?? []) {
    const option = { value: choice.value, label: textIn(loaded, choice.label, lang) };
    const kind = choice.attributes?.['kind'];
    const bucket = typeof kind === 'string' ? byKind.get(kind) : undefined;
    (bucket ?? other).push(option);
  }
  const groups: MechanismGroup[] = kinds.map((k) => ({ kind: k.value, label: textIn(loaded, k.label, lang), options: byKind.get(k.value) ?? [] }));
  if (other.length > 0) groups.push({ kind: '', label: otherLabel, options: other });
  for (const g of groups) (g.options as MechanismOption[]).sort((a, b) => collator.compare(a.label, b.label));
  return groups.filter((g) => g.options.length > 0);
}

/** Lower case without accents, so "prague" finds "Prague" and "proceso" finds "Procéso". */
function folded(text: string, lang: Language): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(lang);
}

/** The groups keeping only mechanisms whose name contains every word typed (any order, accents ignored). */
export function filterMechanisms(groups: readonly MechanismGroup[], query: string, lang: Language): MechanismGroup[] {
  const words = folded(query, lang).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  return groups
    .map((g) => ({ ...g, options: g.options.filter((o) => { const name = folded(o.label, lang); return words.every((w) => name.includes(w)); }) }))
    .filter((g) => g.options.length > 0);
}
