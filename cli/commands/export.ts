import path from 'node:path';
import { requireFolder } from '../../main/services/files/folder.js';
import { guarded, openService, parseCommandLine, UsageError, type IomIo } from './import.js';

const USAGE =
  'usage: iscm export --db FILE --format csv|xlsx --out DIR [--lang en|fr|es|ar] [--labels] [--split-choices] [--all-revisions] [--json] [--questionnaires DIR]';
const LANGS = ['en', 'fr', 'es', 'ar'];

/**
 * `iscm export`: the consolidated dataset in ODK Central's layout, written to a new folder named
 * by the time inside --out (an existing folder, given as an absolute path).
 */
export function runExportCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { values } = parseCommandLine(args, {
      db: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      labels: { type: 'boolean', default: false },
      'split-choices': { type: 'boolean', default: false },
      'all-revisions': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    const format = values.format;
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is csv or xlsx');
    if (!LANGS.includes(values.lang)) throw new UsageError(`--lang is one of ${LANGS.join(', ')}`);
    const outDir = values.out;
    if (outDir === undefined || outDir === '') throw new UsageError('--out is required: the folder (a full path) the export folder is made in');
    if (!path.isAbsolute(outDir))
      throw new UsageError(`--out must be a full path (such as ${path.resolve(outDir)}), not the relative "${outDir}"`);
    if (values.db === undefined || values.db === '') throw new UsageError('--db is required');
    // The chosen folder first: a typo, a file or a pipe there is refused before the database is opened.
    await requireFolder(outDir, { what: 'The export folder', create: false });
    const service = await openService(values.db, values.questionnaires);
    try {
      const result = await service.export({
        format,
        outDir,
        lang: values.lang,
        allRevisions: values['all-revisions'],
        labels: values.labels,
        splitChoices: values['split-choices'],
      });
      if (values.json) io.stdout(`${JSON.stringify(result)}\n`);
      else {
        io.stdout(`export folder: ${result.folder}\n`);
        for (const f of result.files) io.stdout(`wrote ${f}\n`);
        io.stdout(`${result.submissions} submission${result.submissions === 1 ? '' : 's'}, ${result.media} attachment file${result.media === 1 ? '' : 's'} copied to ${path.join(result.folder, 'media')}\n`);
      }
      return 0;
    } finally {
      service.close();
    }
  });
}
