import { describe, expect, it } from 'vitest';
import { ar } from '../../../renderer/signing/texts-ar.js';
import { en } from '../../../renderer/signing/texts-en.js';
import { es } from '../../../renderer/signing/texts-es.js';
import { fr } from '../../../renderer/signing/texts-fr.js';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '').sort();

describe('signing screen texts', () => {
  it.each([
    ['fr', fr],
    ['es', es],
    ['ar', ar],
  ])('%s has every English key, non-empty, with the same placeholders', (_lang, texts) => {
    expect(Object.keys(texts).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const translated = texts[key as keyof typeof en];
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });
});
