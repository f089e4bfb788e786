import i18next from 'i18next';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, type ContractError } from '../../../core/contract/errors.js';
import { makeExportFolder } from '../../../main/services/import/export/export-folder.js';
import { NAMESPACES } from '../../../renderer/i18n/namespaces.js';
import { folderRefusal } from '../../../renderer/iom/export-refusal.js';

/** The error the service really throws for a folder, as the contract carries it to the screen. */
async function refusalOf(chosen: string | undefined, at = new Date('2026-12-03T04:15:02Z')): Promise<ContractError> {
  try {
    await makeExportFolder(chosen, at);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message, details: error.details };
  }
  throw new Error(`the folder ${String(chosen)} was not refused`);
}

describe('the export panel says why a folder was refused, in the four languages', () => {
  it.each(['en', 'fr', 'es', 'ar'] as const)('%s', async (lang) => {
    await i18next.init({
      lng: lang,
      resources: { [lang]: Object.fromEntries(Object.entries(NAMESPACES).map(([ns, texts]) => [ns, texts[lang]])) },
      ns: Object.keys(NAMESPACES),
      defaultNS: 'translation',
      interpolation: { escapeValue: false },
    });
    const t = i18next.getFixedT(lang, 'analyst');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-refusal-'));
    const file = path.join(root, 'a-file.txt');
    fs.writeFileSync(file, 'not a folder');
    const missing = path.join(root, 'nowhere');
    const at = new Date('2026-12-03T04:15:02Z');
    await makeExportFolder(root, at); // the first export of that second
    const cases: [string | undefined, string, string][] = [
      ['', 'INVALID_INPUT', t('exportOptions.refused.missing')],
      ['exports/here', 'INVALID_INPUT', t('exportOptions.refused.relative', { folder: 'exports/here' })],
      [missing, 'BAD_FILE', t('exportOptions.refused.absent', { folder: missing })],
      [file, 'BAD_FILE', t('exportOptions.refused.notFolder', { folder: file })],
      [root, 'CONFLICT', t('exportOptions.refused.exists')],
    ];
    const seen = new Set<string>();
    for (const [chosen, code, words] of cases) {
      const error = await refusalOf(chosen, at);
      expect(error.code, String(chosen)).toBe(code);
      const said = folderRefusal(t, error, chosen ?? '');
      expect(said, String(chosen)).toBe(`${words} (${code})`);
      seen.add(words);
    }
    // Five different sentences, none of them the host's English one outside English.
    expect(seen.size).toBe(5);
    if (lang !== 'en') expect(folderRefusal(t, await refusalOf('exports/here'), 'exports/here')).not.toContain('must be a full path');
    // Any other failure keeps its own words.
    expect(folderRefusal(t, { code: 'STORAGE_FAILED', message: 'disk full' }, root)).toBeUndefined();
    expect(folderRefusal(t, { code: 'BAD_FILE', message: 'x', details: { cause: 'EACCES' } }, root)).toBeUndefined();
  });
});
