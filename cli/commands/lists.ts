import path from 'node:path';
import { heldLine } from './keys.js';
import { guarded, openService, parseCommandLine, requireOption, UsageError, type IomIo } from './import.js';

const HELD_USAGE = 'usage: iscm held list --db FILE [--json]';
const QUARANTINE_USAGE = 'usage: iscm quarantine list --db FILE [--json]';

/** `iscm held list`: packages waiting for a key decision, per key and respondent. */
export function runHeldCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, HELD_USAGE, async () => {
    const [sub, ...rest] = args;
    if (sub !== 'list') throw new UsageError(`unknown held command: ${sub ?? '(none)'}`);
    const { values } = parseCommandLine(rest, { db: { type: 'string' }, json: { type: 'boolean', default: false }, questionnaires: { type: 'string' } });
    const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      const held = service.heldKeys();
      if (values.json) {
        io.stdout(`${JSON.stringify({ held })}\n`);
        return 0;
      }
      for (const h of held) {
        io.stdout(`${heldLine(h)}\n`);
        for (const p of h.packages) io.stdout(`  ${p.fileName}: submission ${p.submissionId}, revision ${p.revision}, held ${p.heldAt}\n`);
      }
      io.stdout(held.length === 0 ? 'nothing is held\n' : `decide with: iscm keys accept|reject FINGERPRINT --db ${values.db ?? 'FILE'}\n`);
      return 0;
    } finally {
      service.close();
    }
  });
}

/** `iscm quarantine list`: every refused file, newest first, with its reason. */
export function runQuarantineCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, QUARANTINE_USAGE, async () => {
    const [sub, ...rest] = args;
    if (sub !== 'list') throw new UsageError(`unknown quarantine command: ${sub ?? '(none)'}`);
    const { values } = parseCommandLine(rest, { db: { type: 'string' }, json: { type: 'boolean', default: false }, questionnaires: { type: 'string' } });
    const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      const rows = service.quarantine();
      if (values.json) {
        io.stdout(`${JSON.stringify({ quarantine: rows })}\n`);
        return 0;
      }
      for (const q of rows)
        io.stdout(
          `${q.at} ${q.code.padEnd(22)} ${path.basename(q.file_name)} [${q.stage}]${q.mechanism ? ` ${q.mechanism}` : ''}: ${q.message}${q.detail ? ` (${q.detail})` : ''}\n`,
        );
      io.stdout(`${rows.length} file${rows.length === 1 ? '' : 's'} in the quarantine\n`);
      return 0;
    } finally {
      service.close();
    }
  });
}
