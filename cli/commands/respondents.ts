import { AppError } from '../../core/contract/errors.js';
import { currentUser, respondentWords } from './keys.js';
import { guarded, openService, parseCommandLine, requireOption, UsageError, type IomIo } from './import.js';

const USAGE = [
  'usage: iscm respondents import FILE.csv|FILE.xlsx --db FILE [--by NAME]',
  '       iscm respondents list --db FILE [--json]',
  '  columns: mechanism, mechanism_name (for "other"), kind (secretariat|state|organisation),',
  '           state_or_organisation, key_card (file beside the list) or public_key, name',
].join('\n');

/** `iscm respondents`: IOM's list of expected respondents. */
export function runRespondentsCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const [sub, ...rest] = args;
    const { values, positionals } = parseCommandLine(rest, {
      db: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    const db = requireOption(values.db, 'db');
    if (sub === 'import') {
      const [file] = positionals;
      if (!file) throw new UsageError('give the list file (.csv or .xlsx)');
      const service = await openService(db, values.questionnaires, undefined, true);
      try {
        const result = await service.importRespondents(file, values.by ?? currentUser());
        io.stdout(
          `${result.expected} respondent(s) expected: ${result.added} added, ${result.removed} no longer expected; ${result.keys} key(s) registered\n`,
        );
        return 0;
      } catch (error) {
        // Every bad line, not only the first few that the message names.
        const problems = error instanceof AppError ? (error.details as { problems?: { line: number; message: string }[] } | undefined)?.problems : undefined;
        if (!problems) throw error;
        io.stderr(`error: ${problems.length} line(s) of ${file} cannot be used; nothing was changed.\n`);
        for (const p of problems) io.stderr(`  line ${p.line}: ${p.message}\n`);
        return 1;
      } finally {
        service.close();
      }
    }
    if (sub === 'list') {
      const service = await openService(db, values.questionnaires);
      try {
        const status = service.status();
        const expected = status.mechanisms.flatMap((m) =>
          [m.secretariat, ...m.states, ...m.organisations].filter((r) => r.expected).map((r) => ({ mechanism: m.mechanism, label: m.label, ...r })),
        );
        if (values.json) {
          io.stdout(`${JSON.stringify({ expected })}\n`);
          return 0;
        }
        for (const r of expected)
          io.stdout(`${r.label} (${r.mechanism}): ${respondentWords(r.kind, r.party)}: ${r.received ? 'received' : 'not received yet'}\n`);
        io.stdout(`${expected.length} respondent(s) expected\n`);
        return 0;
      } finally {
        service.close();
      }
    }
    throw new UsageError(`unknown respondents command: ${sub ?? '(none)'}`);
  });
}
