import os from 'node:os';
import { KEY_CARD_MAX_BYTES } from '../../main/services/files/limits.js';
import { readTextFile } from '../../main/services/files/regular-file.js';
import { guarded, openService, outcomeLine, parseCommandLine, readIdentity, requireOption, UsageError, type IomIo } from './import.js';

const USAGE = [
  'usage: iscm keys list --db FILE [--json]',
  '       iscm keys accept --db FILE --identity FILE --mechanism M --fingerprint SHA256:… [--by NAME]',
  '       iscm keys reject --db FILE --mechanism M --fingerprint SHA256:… [--by NAME]',
  '       iscm keys import-card CARD --db FILE [--mechanism M] [--by NAME]',
].join('\n');

const currentUser = (): string => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
};

/** `iscm keys`: the keys pinned per mechanism, and the decisions on new ones. */
export function runKeysCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const [sub, ...rest] = args;
    const { values, positionals } = parseCommandLine(rest, {
      db: { type: 'string' },
      identity: { type: 'string' },
      mechanism: { type: 'string' },
      fingerprint: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    const db = requireOption(values.db, 'db');
    const by = values.by ?? currentUser();
    if (sub === 'list') {
      const service = openService(db, values.questionnaires);
      try {
        const pinned = service.pinnedKeys();
        const held = service.heldKeys();
        if (values.json) {
          io.stdout(`${JSON.stringify({ pinned, held })}\n`);
          return 0;
        }
        for (const k of pinned) io.stdout(`pinned ${k.mechanism} ${k.fingerprint} ${k.signer_name} (${k.source}, ${k.pinned_at}, by ${k.pinned_by})\n`);
        for (const h of held)
          io.stdout(`HELD   ${h.mechanism} ${h.fingerprint} ${h.signerName}: ${h.packages.length} package(s); pinned key is ${h.pinnedFingerprint}\n`);
        if (pinned.length === 0 && held.length === 0) io.stdout('no keys yet\n');
        return 0;
      } finally {
        service.close();
      }
    }
    if (sub === 'accept' || sub === 'reject') {
      const mechanism = requireOption(values.mechanism, 'mechanism');
      const fingerprint = requireOption(values.fingerprint, 'fingerprint');
      const identity = sub === 'accept' ? await readIdentity(requireOption(values.identity, 'identity')) : undefined;
      const service = openService(db, values.questionnaires, identity);
      try {
        if (sub === 'reject') {
          const n = service.rejectKey(mechanism, fingerprint, by);
          io.stdout(`rejected ${fingerprint} for ${mechanism} (by ${by}); ${n} held package(s) moved to the quarantine\n`);
          return 0;
        }
        const outcomes = await service.acceptKey(mechanism, fingerprint, by);
        io.stdout(`accepted ${fingerprint} for ${mechanism} (by ${by}); held packages imported again:\n`);
        for (const o of outcomes) io.stdout(`${outcomeLine(o)}\n`);
        return outcomes.every((o) => o.kind !== 'rejected') ? 0 : 1;
      } finally {
        service.close();
      }
    }
    if (sub === 'import-card') {
      const [cardFile] = positionals;
      if (!cardFile) throw new UsageError('give the card file');
      const text = await readTextFile(cardFile, { what: 'The key card', maxBytes: KEY_CARD_MAX_BYTES });
      const service = openService(db, values.questionnaires, undefined, true);
      try {
        const result = service.importKeyCard(text, values.mechanism, by);
        io.stdout(`${result.changed ? 'pinned' : 'already pinned'} ${result.fingerprint} for ${result.mechanism}\n`);
        return 0;
      } finally {
        service.close();
      }
    }
    throw new UsageError(`unknown keys command: ${sub ?? '(none)'}`);
  });
}
