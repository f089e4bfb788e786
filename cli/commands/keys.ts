import os from 'node:os';
import type { HeldKey } from '../../main/services/import/held-keys.js';
import type { RegisteredSigner } from '../../main/services/import/signer-registry.js';
import { KEY_CARD_MAX_BYTES } from '../../main/services/files/limits.js';
import { readTextFile } from '../../main/services/files/regular-file.js';
import {
  guarded,
  openService,
  outcomeLine,
  parseCommandLine,
  readIdentity,
  requireOption,
  UsageError,
  type IomIo,
} from './import.js';

const USAGE = [
  'usage: iscm keys list --db FILE [--json]',
  '       iscm keys accept FINGERPRINT --db FILE --identity FILE [--respondent KEY] [--by NAME]',
  '       iscm keys reject FINGERPRINT --db FILE [--respondent KEY] [--by NAME]',
  '       iscm keys import-card CARD --db FILE --kind secretariat|state|organisation',
  '                             [--mechanism M] [--mechanism-name NAME] [--state NAME | --organisation NAME] [--by NAME]',
].join('\n');

export const currentUser = (): string => {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
};

/** "secretariat", "State Ghana", "organisation UNHCR": a respondent in words. */
export const respondentWords = (kind: string, party: string): string =>
  kind === 'secretariat' ? 'secretariat' : `${kind === 'state' ? 'State' : kind} ${party || '(unnamed)'}`;

const SOURCES: Readonly<Record<RegisteredSigner['source'], string>> = {
  package: 'new signer: recorded from its first package',
  card: 'key card',
  list: 'list of expected respondents',
  accepted: 'accepted after a hold',
  migrated: 'pinned before respondents were registered',
};

export function heldLine(h: HeldKey): string {
  const who = h.respondent.respondentKey || `${h.respondent.mechanism} (respondent read again on accept)`;
  const why =
    h.reason === 'key_change'
      ? `key change; registered: ${h.registeredFingerprints.join(', ')}`
      : 'not registered (strict mode)';
  return `HELD ${h.fingerprint} ${h.signerName} for ${who}: ${why}; ${h.packages.length} package(s)`;
}

function listText(io: IomIo, signers: readonly RegisteredSigner[], held: readonly HeldKey[]): void {
  let mechanism = '';
  for (const k of signers) {
    if (k.mechanism !== mechanism) {
      mechanism = k.mechanism;
      io.stdout(`${k.mechanism_label} (${k.mechanism}):\n`);
    }
    io.stdout(
      `  ${respondentWords(k.kind, k.party)}: ${k.fingerprint} ${k.name} (${SOURCES[k.source]}, ${k.registered_at}, by ${k.registered_by}); ${k.chains} submission(s)\n`,
    );
  }
  for (const h of held) io.stdout(`${heldLine(h)}\n`);
  if (signers.length === 0 && held.length === 0) io.stdout('no keys yet\n');
}

/** `iscm keys`: the key registry per mechanism and respondent, and the decisions on held keys. */
export function runKeysCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const [sub, ...rest] = args;
    const { values, positionals } = parseCommandLine(rest, {
      db: { type: 'string' },
      identity: { type: 'string' },
      fingerprint: { type: 'string' },
      respondent: { type: 'string' },
      mechanism: { type: 'string' },
      'mechanism-name': { type: 'string' },
      kind: { type: 'string' },
      state: { type: 'string' },
      organisation: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean', default: false },
      questionnaires: { type: 'string' },
    });
    const db = requireOption(values.db, 'db');
    const by = values.by ?? currentUser();
    if (sub === 'list') {
      const service = await openService(db, values.questionnaires);
      try {
        const signers = service.signers();
        const held = service.heldKeys();
        if (values.json) io.stdout(`${JSON.stringify({ signers, held })}\n`);
        else listText(io, signers, held);
        return 0;
      } finally {
        service.close();
      }
    }
    if (sub === 'accept' || sub === 'reject') {
      const fingerprint = values.fingerprint ?? positionals[0];
      if (!fingerprint) throw new UsageError('give the fingerprint of the held key (SHA256:…)');
      const identity = sub === 'accept' ? await readIdentity(requireOption(values.identity, 'identity')) : undefined;
      const service = await openService(db, values.questionnaires, identity);
      try {
        if (sub === 'reject') {
          const n = service.rejectKey(fingerprint, values.respondent, by);
          io.stdout(`rejected ${fingerprint} (by ${by}); ${n} held package(s) moved to the quarantine\n`);
          return 0;
        }
        const outcomes = await service.acceptKey(fingerprint, values.respondent, by);
        io.stdout(`accepted ${fingerprint} (by ${by}); held packages imported again:\n`);
        for (const o of outcomes) io.stdout(`${outcomeLine(o)}\n`);
        return outcomes.every((o) => o.kind !== 'rejected') ? 0 : 1;
      } finally {
        service.close();
      }
    }
    if (sub === 'import-card') {
      const [cardFile] = positionals;
      if (!cardFile) throw new UsageError('give the card file');
      if (values.state !== undefined && values.organisation !== undefined)
        throw new UsageError('give --state or --organisation, not both');
      const text = await readTextFile(cardFile, { what: 'The key card', maxBytes: KEY_CARD_MAX_BYTES });
      const service = await openService(db, values.questionnaires, undefined, true);
      try {
        const result = service.importKeyCard(
          text,
          {
            mechanism: values.mechanism,
            mechanismName: values['mechanism-name'],
            kind: values.kind,
            party: values.state ?? values.organisation,
          },
          by,
        );
        io.stdout(
          `${result.changed ? 'registered' : 'already registered'} ${result.fingerprint} for ${result.respondentKey}\n`,
        );
        return 0;
      } finally {
        service.close();
      }
    }
    throw new UsageError(`unknown keys command: ${sub ?? '(none)'}`);
  });
}
