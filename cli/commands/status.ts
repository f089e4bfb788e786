import type { ChainStatus, MechanismStatus, RespondentStatus, ReviewCounts } from '../../main/services/import/status.js';
import { currentUser } from './keys.js';
import { guarded, openService, parseCommandLine, requireOption, UsageError, type IomIo } from './import.js';

const USAGE = 'usage: iscm status --db FILE [--json] [--lang en|fr|es|ar] [--questionnaires DIR]';
const SETTINGS_USAGE = 'usage: iscm settings --db FILE [--require-registered on|off] [--by NAME]';

const REVIEW_WORDS: Record<string, string> = { received: 'received', has_issues: 'has issues', approved: 'approved', rejected: 'rejected' };

const reviewWords = (r: ReviewCounts): string =>
  Object.entries(r)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${REVIEW_WORDS[state] ?? state}`)
    .join(', ') || 'none';

const chainWords = (c: ChainStatus): string =>
  `revision ${c.revision}, signed by ${c.signerName} ${c.fingerprint}${c.newSigner ? ' (new signer)' : ''}, finalized ${c.finalizedAt}, review: ${REVIEW_WORDS[c.reviewState] ?? c.reviewState}` +
  (c.state === 'withdrawn' ? ` — WITHDRAWN by ${c.stateBy ?? '?'} on ${c.stateAt ?? '?'}` : '');

function respondentLines(r: RespondentStatus, indent: string, name: string): string[] {
  const lines: string[] = [];
  if (r.chains.length === 0) lines.push(`${indent}${name}: ${r.expected ? 'expected, ' : ''}not received${r.held > 0 ? `; ${r.held} package(s) held` : ''}`);
  else if (r.chains.length === 1 && r.chains[0]) lines.push(`${indent}${name}: ${chainWords(r.chains[0])}`);
  else {
    lines.push(`${indent}${name}: ${r.chains.length} submissions${r.possibleDuplicate ? ' — POSSIBLE DUPLICATE: choose one (iscm duplicates choose ROOT_ID)' : ''}`);
    for (const c of r.chains) lines.push(`${indent}  ${c.rootId}: ${chainWords(c)}`);
  }
  if (r.chains.length > 0 && r.held > 0) lines.push(`${indent}  ${r.held} package(s) held for a key decision`);
  return lines;
}

function mechanismLines(m: MechanismStatus): string[] {
  const title = `${m.label} (${m.mechanism}${m.listed ? '' : ', under "Other"'})`;
  const c = m.counts;
  const others = [...m.states, ...m.organisations];
  if (m.secretariat.chains.length === 0 && m.secretariat.held === 0 && !m.secretariat.expected && others.length === 0 && c.held === 0 && c.quarantined === 0)
    return [`${title}: nothing received`];
  return [
    `${title}:`,
    ...respondentLines(m.secretariat, '  ', 'secretariat'),
    `  States: ${c.statesReceived} received of ${c.statesExpected} expected`,
    ...m.states.flatMap((s) => respondentLines(s, '    ', s.party || '(unnamed)')),
    `  organisations: ${c.organisationsReceived} received of ${c.organisationsExpected} expected`,
    ...m.organisations.flatMap((o) => respondentLines(o, '    ', o.party || '(unnamed)')),
    `  held: ${c.held}, quarantined: ${c.quarantined}${c.possibleDuplicates > 0 ? `, possible duplicates: ${c.possibleDuplicates}` : ''}`,
    `  reviews: ${reviewWords(c.reviews)}`,
  ];
}

/** `iscm status`: per mechanism of the questionnaire's list, the secretariat, States and organisations. */
export function runStatusCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, USAGE, async () => {
    const { values } = parseCommandLine(args, {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
      questionnaires: { type: 'string' },
    });
    const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      await service.syncBundled();
      const status = service.status(values.lang);
      if (values.json) {
        io.stdout(`${JSON.stringify(status)}\n`);
        return 0;
      }
      for (const m of status.mechanisms) io.stdout(`${mechanismLines(m).join('\n')}\n`);
      const withData = status.mechanisms.filter((m) => [m.secretariat, ...m.states, ...m.organisations].some((r) => r.received)).length;
      io.stdout(`${withData} of ${status.mechanisms.length} mechanisms have a submission.`);
      io.stdout(status.quarantinedUnfiled > 0 ? ` ${status.quarantinedUnfiled} unreadable file(s) in the quarantine.\n` : '\n');
      const t = status.totals;
      io.stdout(
        `Held for a key decision: ${t.held} package(s) (iscm held list). Quarantine: ${t.quarantined} file(s) (iscm quarantine list). Reviews: ${reviewWords(t.reviews)}.\n`,
      );
      if (status.requireRegistered) io.stdout('Strict mode: packages from keys not registered for their respondent are held.\n');
      return 0;
    } finally {
      service.close();
    }
  });
}

/** `iscm settings`: strict mode (`--require-registered on|off`), kept in iom.db for the workspace too. */
export function runSettingsCommand(args: string[], io: IomIo): Promise<number> {
  return guarded(io, SETTINGS_USAGE, async () => {
    const { values } = parseCommandLine(args, {
      db: { type: 'string' },
      'require-registered': { type: 'string' },
      by: { type: 'string' },
      questionnaires: { type: 'string' },
    });
    const change = values['require-registered'];
    if (change !== undefined && change !== 'on' && change !== 'off') throw new UsageError('--require-registered is on or off');
    const service = await openService(requireOption(values.db, 'db'), values.questionnaires);
    try {
      if (change !== undefined) service.setRequireRegistered(change === 'on', values.by ?? currentUser());
      io.stdout(`require-registered: ${service.settings().requireRegistered ? 'on' : 'off'}\n`);
      return 0;
    } finally {
      service.close();
    }
  });
}
