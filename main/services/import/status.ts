import { localize } from '../../../core/questionnaire/index.js';
import { OTHER_MECHANISM } from '../../../core/trust/respondent.js';
import type { ChainRow } from '../../../db/repos/iom/chains.js';
import { REVIEW_STATES, type ReviewStateValue } from '../../../db/repos/iom/reviews.js';
import type { RespondentRow } from '../../../db/repos/iom/respondents.js';
import type { SubmissionRow } from '../../../db/repos/iom/submissions.js';
import type { ImportContext } from './context.js';
import { isStrict } from './trust-stage.js';

/** One revision chain of a respondent: its current revision, and whether it counts. */
export interface ChainStatus {
  readonly rootId: string;
  readonly submissionId: string;
  readonly revision: number;
  readonly signerName: string;
  readonly fingerprint: string;
  readonly finalizedAt: string;
  /** Its key was recorded on first use, not registered ahead (card, list) nor accepted. */
  readonly newSigner: boolean;
  readonly state: 'counted' | 'withdrawn';
  /** Who withdrew it (or chose it to count), and when. */
  readonly stateBy: string | null;
  readonly stateAt: string | null;
  /** The review state of the current revision. */
  readonly reviewState: ReviewStateValue;
}

export type ReviewCounts = Readonly<Record<ReviewStateValue, number>>;

export interface RespondentStatus {
  readonly respondentKey: string;
  readonly kind: string;
  /** The State or organisation as written ('' for the secretariat). */
  readonly party: string;
  /** On IOM's list of expected respondents. */
  readonly expected: boolean;
  /** A chain of theirs counts. */
  readonly received: boolean;
  /** Two or more of their chains count: IOM should choose one. */
  readonly possibleDuplicate: boolean;
  /** Packages claiming them, held for a key decision. */
  readonly held: number;
  readonly chains: readonly ChainStatus[];
}

export interface MechanismCounts {
  readonly statesReceived: number;
  readonly statesExpected: number;
  readonly organisationsReceived: number;
  readonly organisationsExpected: number;
  readonly held: number;
  readonly quarantined: number;
  readonly possibleDuplicates: number;
  /** The current revisions of the mechanism's chains, by review state. */
  readonly reviews: ReviewCounts;
}

export interface MechanismStatus {
  /** The mechanism key: a choice value, or `other:<normalised name>`. */
  readonly mechanism: string;
  readonly label: string;
  readonly kind: string;
  /** False for a mechanism that the questionnaire's list does not have ("Other"). */
  readonly listed: boolean;
  readonly secretariat: RespondentStatus;
  readonly states: readonly RespondentStatus[];
  /** Organisations, and any other kind of respondent. */
  readonly organisations: readonly RespondentStatus[];
  readonly counts: MechanismCounts;
}

export interface IomStatus {
  /** Every mechanism of the questionnaire's list, then every other one IOM has heard of. */
  readonly mechanisms: readonly MechanismStatus[];
  /** Rejected files whose manifest could not be read, so filed under no mechanism. */
  readonly quarantinedUnfiled: number;
  readonly requireRegistered: boolean;
  /** Across every mechanism: packages held for a key decision, files in the quarantine, reviews. */
  readonly totals: { readonly held: number; readonly quarantined: number; readonly reviews: ReviewCounts };
}

function reviewCounts(chains: readonly ChainStatus[]): ReviewCounts {
  const counts = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewStateValue, number>;
  for (const c of chains) counts[c.reviewState]++;
  return counts;
}

type StatusContext = Pick<ImportContext, 'submissions' | 'respondents' | 'chains' | 'held' | 'quarantine' | 'registry' | 'settings' | 'requireRegistered'>;

const countBy = <T>(items: readonly T[], key: (item: T) => string | number | null): Map<string | number, number> => {
  const counts = new Map<string | number, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
};

function chainStatus(chain: ChainRow, head: SubmissionRow | undefined): ChainStatus | null {
  if (!head) return null;
  return {
    rootId: chain.root_id,
    submissionId: head.submission_id,
    revision: head.revision,
    signerName: head.signer_name,
    fingerprint: head.signer_fingerprint,
    finalizedAt: head.finalized_at,
    newSigner: chain.new_signer === 1,
    state: chain.state,
    stateBy: chain.state_by,
    stateAt: chain.state_at,
    reviewState: head.review_state,
  };
}

/** Per mechanism of the questionnaire's list (and any other one heard of): who answered, who is expected, what waits. */
export function mechanismStatus(ctx: StatusContext, questionnaireId: string, lang = 'en'): IomStatus {
  const list = ctx.registry.latest(questionnaireId)?.choiceLists.get('mechanisms') ?? [];
  const heads = new Map([...ctx.submissions.list({ status: 'current' }), ...ctx.submissions.list({ status: 'withdrawn' })].map((s) => [s.root_id, s]));
  const chainsOf = new Map<number, ChainStatus[]>();
  for (const chain of ctx.chains.all()) {
    const status = chainStatus(chain, heads.get(chain.root_id));
    if (status) chainsOf.set(chain.respondent_id, [...(chainsOf.get(chain.respondent_id) ?? []), status]);
  }
  const openHeld = ctx.held.open();
  const heldByRespondent = countBy(openHeld, (h) => h.respondent_id);
  const heldByMechanism = countBy(openHeld, (h) => h.mechanism);
  const quarantine = ctx.quarantine.list();
  const quarantinedByMechanism = countBy(quarantine, (q) => q.mechanism);

  const respondentStatus = (r: RespondentRow | undefined, key: string, kind: string): RespondentStatus => {
    const chains = r ? (chainsOf.get(r.id) ?? []) : [];
    const counted = chains.filter((c) => c.state === 'counted').length;
    return {
      respondentKey: r?.respondent_key ?? key,
      kind: r?.kind ?? kind,
      party: r?.party ?? '',
      expected: r?.expected === 1,
      received: counted > 0,
      possibleDuplicate: counted > 1,
      held: r ? (heldByRespondent.get(r.id) ?? 0) : 0,
      chains,
    };
  };
  const byMechanism = new Map<string, RespondentRow[]>();
  for (const r of ctx.respondents.all()) byMechanism.set(r.mechanism, [...(byMechanism.get(r.mechanism) ?? []), r]);

  const build = (mechanism: string, label: string, kind: string, listed: boolean): MechanismStatus => {
    const rows = byMechanism.get(mechanism) ?? [];
    // Someone only named by a package that was then rejected is not part of the status.
    const relevant = (r: RespondentRow) => r.expected === 1 || chainsOf.has(r.id) || heldByRespondent.has(r.id);
    const byParty = (a: RespondentStatus, b: RespondentStatus) => a.party.localeCompare(b.party);
    const states = rows.filter((r) => r.kind === 'state' && relevant(r)).map((r) => respondentStatus(r, r.respondent_key, r.kind)).sort(byParty);
    const organisations = rows
      .filter((r) => r.kind !== 'state' && r.kind !== 'secretariat' && relevant(r))
      .map((r) => respondentStatus(r, r.respondent_key, r.kind))
      .sort(byParty);
    const secretariat = respondentStatus(
      rows.find((r) => r.kind === 'secretariat'),
      `${mechanism}/secretariat`,
      'secretariat',
    );
    const everyone = [secretariat, ...states, ...organisations];
    return {
      mechanism,
      label,
      kind,
      listed,
      secretariat,
      states,
      organisations,
      counts: {
        statesReceived: states.filter((s) => s.received).length,
        statesExpected: states.filter((s) => s.expected).length,
        organisationsReceived: organisations.filter((s) => s.received).length,
        organisationsExpected: organisations.filter((s) => s.expected).length,
        held: heldByMechanism.get(mechanism) ?? 0,
        quarantined: quarantinedByMechanism.get(mechanism) ?? 0,
        possibleDuplicates: everyone.filter((s) => s.possibleDuplicate).length,
        reviews: reviewCounts(everyone.flatMap((s) => s.chains)),
      },
    };
  };

  const listed = new Set(list.map((c) => c.value));
  // The list's "Other (specify)" is no mechanism: each one written under it is filed by its own
  // name (`other:<name>`) and shown below with the name its packages gave.
  const mechanisms = list
    .filter((choice) => choice.value !== OTHER_MECHANISM)
    .map((choice) => build(choice.value, localize(choice.label, lang), choice.attributes?.kind ?? '', true));
  const unlisted: MechanismStatus[] = [];
  const heardOf = new Set([...byMechanism.keys(), ...heldByMechanism.keys(), ...quarantinedByMechanism.keys()]);
  for (const mechanism of heardOf) {
    if (typeof mechanism !== 'string' || listed.has(mechanism)) continue;
    const first = byMechanism.get(mechanism)?.[0];
    const status = build(mechanism, first?.mechanism_label ?? mechanism, first?.mechanism_kind ?? '', false);
    const everyone = [status.secretariat, ...status.states, ...status.organisations];
    if (everyone.some((s) => s.expected || s.chains.length > 0 || s.held > 0) || status.counts.held > 0 || status.counts.quarantined > 0)
      unlisted.push(status);
  }
  mechanisms.push(...unlisted.sort((a, b) => a.label.localeCompare(b.label)));
  const filed = new Set(mechanisms.map((m) => m.mechanism));
  const allChains = mechanisms.flatMap((m) => [m.secretariat, ...m.states, ...m.organisations].flatMap((r) => r.chains));
  return {
    mechanisms,
    quarantinedUnfiled: quarantine.filter((q) => q.mechanism === null || !filed.has(q.mechanism)).length,
    requireRegistered: isStrict(ctx),
    totals: { held: openHeld.length, quarantined: quarantine.length, reviews: reviewCounts(allChains) },
  };
}
