import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Choice, choicesShown, exclusiveConflict, toggleChoice } from '../../../core/questionnaire/index.js';

const choice = (value: string, exclusive = false): Choice => ({ value, label: { en: value }, ...(exclusive ? { exclusive: true } : {}) });
const LIST: readonly Choice[] = [choice('gfmd'), choice('idm'), choice('imrf'), choice('no_links', true), choice('other')];

describe('toggleChoice', () => {
  it('keeps the order of the list, and gives null when nothing is left', () => {
    expect(toggleChoice(LIST, ['imrf'], 'gfmd', true)).toEqual(['gfmd', 'imrf']);
    expect(toggleChoice(LIST, ['gfmd', 'imrf'], 'gfmd', false)).toEqual(['imrf']);
    expect(toggleChoice(LIST, ['imrf'], 'imrf', false)).toBeNull();
  });

  it('an exclusive choice clears the others; another choice clears the exclusive one', () => {
    expect(toggleChoice(LIST, ['gfmd', 'idm', 'other'], 'no_links', true)).toEqual(['no_links']);
    expect(toggleChoice(LIST, ['no_links'], 'idm', true)).toEqual(['idm']);
  });

  it('never drops a stored value that the list does not show', () => {
    expect(toggleChoice(LIST, ['retired_value', 'idm'], 'gfmd', true)).toEqual(['gfmd', 'idm', 'retired_value']);
  });

  it('properties: the toggled value is in or out as asked, a click never leaves an exclusive choice combined, no duplicates', () => {
    const values = LIST.map((c) => c.value);
    fc.assert(
      fc.property(fc.subarray(values), fc.constantFrom(...values), fc.boolean(), (selected, value, on) => {
        const next = toggleChoice(LIST, selected, value, on) ?? [];
        expect(next.includes(value)).toBe(on);
        expect(new Set(next).size).toBe(next.length);
        // Ticking always leaves a valid combination; unticking never adds a conflict (an old one, from a file, stays visible).
        if (on || exclusiveConflict(LIST, selected) === undefined) expect(exclusiveConflict(LIST, next)).toBeUndefined();
        // Only what the click asks for changes, besides clearing the exclusive side.
        const exclusive = (v: string) => LIST.find((c) => c.value === v)?.exclusive === true;
        for (const v of selected) if (v !== value && !next.includes(v)) expect(on && (exclusive(value) || exclusive(v))).toBe(true);
      }),
    );
  });
});

describe('choicesShown', () => {
  it('shows what the filter offers, and what is still chosen, in the order of the list', () => {
    expect(choicesShown(LIST, undefined, null)).toBe(LIST);
    expect(choicesShown(LIST, new Set(['idm', 'imrf']), null).map((c) => c.value)).toEqual(['idm', 'imrf']);
    expect(choicesShown(LIST, new Set(['imrf']), ['gfmd']).map((c) => c.value)).toEqual(['gfmd', 'imrf']);
    expect(choicesShown(LIST, new Set([]), 'other').map((c) => c.value)).toEqual(['other']);
  });
});
