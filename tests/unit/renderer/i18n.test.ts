import { describe, expect, it } from 'vitest';
import { ar } from '../../../renderer/i18n/ar.js';
import { en } from '../../../renderer/i18n/en.js';
import { es } from '../../../renderer/i18n/es.js';
import { fr } from '../../../renderer/i18n/fr.js';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

const reference = flatten(en);

describe.each([
  ['fr', fr],
  ['es', es],
  ['ar', ar],
] as const)('UI strings in %s', (_lang, strings) => {
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

describe('English UI strings', () => {
  it('are never empty', () => {
    for (const [key, text] of reference) expect(text.trim(), key).not.toBe('');
  });
});
