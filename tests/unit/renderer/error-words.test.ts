import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../core/contract/errors.js';
import { errorMessage } from '../../../renderer/api/errors.js';
import { NAMESPACES } from '../../../renderer/i18n/namespaces.js';

const HOST_MESSAGE = 'host message in English';

describe('every error code that can reach a person has words in the four languages', () => {
  it.each(['en', 'fr', 'es', 'ar'] as const)('%s', async (lang) => {
    await i18next.init({
      lng: lang,
      resources: { [lang]: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, texts]) => [ns, texts[lang]])) },
      ns: Object.keys(NAMESPACES),
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
    });
    for (const code of ERROR_CODES) {
      const words = errorMessage({ code, message: HOST_MESSAGE });
      // English may keep the host's own, more particular sentence; no other language shows it.
      if (lang !== 'en') expect(words, code).not.toBe(HOST_MESSAGE);
      expect(words.trim().length, code).toBeGreaterThan(10);
    }
    expect(errorMessage({ code: 'WRONG_PASSPHRASE', message: HOST_MESSAGE })).not.toBe(HOST_MESSAGE);
  });
});
