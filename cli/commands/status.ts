import { guarded, openService, parseCommandLine, requireOption, type IomIo } from './import.js';

const USAGE = 'usage: iscm status --db FILE [--json] [--lang en|fr|es|ar] [--questionnaires DIR]';

/** `iscm status`: per mechanism of the questionnaire's list, what IOM has. */
export function runStatusCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { values } = parseCommandLine(args, {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
      questionnaires: { type: 'string' },
    });
    const service = openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      await service.syncBundled();
      const status = service.status(values.lang);
      if (values.json) {
        io.stdout(`${JSON.stringify({ mechanisms: status })}\n`);
        return 0;
      }
      for (const m of status) {
        const label = `${m.label} (${m.mechanism}${m.listed ? '' : ', not in the questionnaire list'})`;
        if (m.current.length === 0) {
          io.stdout(`${label}: no submission\n`);
          continue;
        }
        io.stdout(`${label}:\n`);
        for (const c of m.current)
          io.stdout(`  ${c.respondentKind} revision ${c.revision}, signed by ${c.signerName} ${c.fingerprint}, finalized ${c.finalizedAt}\n`);
      }
      const withData = status.filter((m) => m.current.length > 0).length;
      io.stdout(`${withData} of ${status.length} mechanisms have a submission.\n`);
      return 0;
    } finally {
      service.close();
    }
  });
}
