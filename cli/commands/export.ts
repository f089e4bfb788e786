import path from 'node:path';
import { requireFolder } from '../../main/services/files/folder.js';
import { guarded, openService, parseCommandLine, requireOption, UsageError, type IomIo } from './import.js';

const USAGE =
  'usage: iscm export --db FILE --format csv|xlsx --out DIR [--lang en|fr|es|ar] [--all-revisions] [--questionnaires DIR]';
const LANGS = ['en', 'fr', 'es', 'ar'];

/** `iscm export`: the consolidated dataset in ODK Central's layout. */
export function runExportCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { values } = parseCommandLine(args, {
      db: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      lang: { type: 'string', default: 'en' },
      'all-revisions': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    const format = requireOption(values.format, 'format');
    if (format !== 'csv' && format !== 'xlsx') throw new UsageError('--format is csv or xlsx');
    if (!LANGS.includes(values.lang)) throw new UsageError(`--lang is one of ${LANGS.join(', ')}`);
    const outDir = path.resolve(requireOption(values.out, 'out'));
    // A folder where a folder is asked for: a file or a pipe there is refused before anything is written.
    await requireFolder(outDir, { what: 'The export folder', create: true });
    const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      const result = await service.export({ format, outDir, lang: values.lang, allRevisions: values['all-revisions'] });
      if (values.json) io.stdout(`${JSON.stringify(result)}\n`);
      else {
        for (const f of result.files) io.stdout(`wrote ${f}\n`);
        io.stdout(`${result.submissions} submission${result.submissions === 1 ? '' : 's'}, ${result.media} attachment file${result.media === 1 ? '' : 's'} copied to ${path.join(outDir, 'media')}\n`);
      }
      return 0;
    } finally {
      service.close();
    }
  });
}
