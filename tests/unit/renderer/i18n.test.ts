import { describe, expect, it } from 'vitest';
import { NAMESPACES, type TextTree } from '../../../renderer/i18n/namespaces.js';

function flatten(tree: TextTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe.each(Object.entries(NAMESPACES))('UI strings of the %s namespace', (_namespace, texts) => {
  const reference = flatten(texts.en);

  it('are never empty in English', () => {
    expect(reference.size).toBeGreaterThan(0);
    for (const [key, text] of reference) expect(text.trim(), key).not.toBe('');
  });

  describe.each([
    ['fr', texts.fr],
    ['es', texts.es],
    ['ar', texts.ar],
  ] as const)('in %s', (_lang, strings) => {
    const flat = flatten(strings);

    it('have every key of English, and no other', () => {
      expect([...flat.keys()].sort()).toEqual([...reference.keys()].sort());
    });

    it('are never empty and keep every placeholder', () => {
      for (const [key, text] of reference) {
        const translated = flat.get(key) ?? '';
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    });
  });
});
