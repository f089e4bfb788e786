import { currentUser } from './keys.js';
import { guarded, openService, parseCommandLine, requireOption, UsageError, type IomIo } from './import.js';

const USAGE = ['usage: iscm duplicates list --db FILE [--json]', '       iscm duplicates choose ROOT_ID --db FILE [--by NAME]'].join('\n');

/** `iscm duplicates`: respondents with two or more counted submissions, and IOM's choice of the one that counts. */
export function runDuplicatesCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const [sub, ...rest] = args;
    const { values, positionals } = parseCommandLine(rest, {
      db: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      if (sub === 'list') {
        const groups = [...service.duplicates()].map(([respondentKey, roots]) => ({
          respondentKey,
          submissions: roots.map((rootId) => {
            const head = service.listSubmissions({ status: 'current' }).find((s) => s.root_id === rootId);
            return { rootId, submissionId: head?.submission_id ?? null, revision: head?.revision ?? null, signer: head?.signer_name ?? null, finalizedAt: head?.finalized_at ?? null };
          }),
        }));
        if (values.json) {
          io.stdout(`${JSON.stringify({ duplicates: groups })}\n`);
          return 0;
        }
        for (const g of groups) {
          io.stdout(`POSSIBLE DUPLICATE ${g.respondentKey}:\n`);
          for (const s of g.submissions)
            io.stdout(`  ${s.rootId} revision ${s.revision ?? '?'}, signed by ${s.signer ?? '?'}, finalized ${s.finalizedAt ?? '?'}\n`);
        }
        io.stdout(groups.length === 0 ? 'no possible duplicate\n' : 'choose the one that counts: iscm duplicates choose ROOT_ID --db FILE\n');
        return 0;
      }
      if (sub === 'choose') {
        const [rootId] = positionals;
        if (!rootId) throw new UsageError('give the root id of the submission that counts');
        const result = service.chooseChain(rootId, values.by ?? currentUser());
        io.stdout(`${rootId} counts for ${result.respondentKey}; withdrawn (kept): ${result.withdrawn.length > 0 ? result.withdrawn.join(', ') : 'none'}\n`);
        return 0;
      }
      throw new UsageError(`unknown duplicates command: ${sub ?? '(none)'}`);
    } finally {
      service.close();
    }
  });
}
