/**
 * IOM's trust decisions (architecture §6, step 7), each a pure function of what a package
 * claims and what iom.db already holds, so each rule is tested alone
 * (tests/unit/import/trust-rules.test.ts). trust-stage.ts gathers the facts and applies them.
 *
 * The trust unit is the respondent and their revision chain, not the mechanism:
 * - a chain (root id) is bound to the key, mechanism and respondent kind of the first revision
 *   IOM stores of it, whatever the arrival order, and a later package that differs is refused;
 * - keys are registered per respondent, and a respondent may have several; a key never
 *   replaces another respondent's key.
 */

/** What a package says about itself that trust depends on (all of it signed). */
export interface PackageClaim {
  readonly submissionId: string;
  readonly rootId: string;
  readonly supersedes: string | null;
  readonly fingerprint: string;
  /** core/trust/respondent.ts: the choice value, or `other:<normalised name>`. */
  readonly mechanismKey: string;
  readonly respondentKind: string;
}

/** What a chain is bound to, and who signed it (named in a refusal). */
export interface ChainBinding {
  readonly rootId: string;
  readonly fingerprint: string;
  readonly signerName: string;
  readonly mechanismKey: string;
  readonly respondentKind: string;
}

export interface ChainFacts {
  /** The binding of the chain the package names (its root id), when IOM stored a revision of it. */
  readonly binding: ChainBinding | null;
  /** The chain of the stored submission the package says it supersedes, when that one is stored. */
  readonly supersededChain: ChainBinding | null;
  /** The chains of stored revisions whose `supersedes` names this package's submission. */
  readonly namedBy: readonly ChainBinding[];
}

export type ChainMismatchReason = 'key' | 'mechanism' | 'respondent_kind' | 'supersedes_other_chain' | 'named_by_other_chain';

export type ChainDecision =
  /** No revision of the chain is stored: storing this one binds it (whatever its revision number). */
  | { readonly kind: 'new' }
  /** The chain is bound to this package's key, mechanism and respondent kind. */
  | { readonly kind: 'bound' }
  /** Refused (CHAIN_MISMATCH); `chain` is the chain whose binding it breaks, with its signer. */
  | { readonly kind: 'mismatch'; readonly reason: ChainMismatchReason; readonly chain: ChainBinding };

/**
 * Rule C1: a package of a bound chain must have the chain's key, mechanism and respondent kind.
 * Rule C2: a package may only supersede a submission of its own chain.
 * Rule C3: a package may not be the submission that a stored revision of another chain supersedes
 *          (C2 seen from the other arrival order).
 * A chain whose earlier revisions are unknown is accepted only under the same binding: a later
 * revision arriving first binds the chain, and the earlier ones must then match it.
 */
export function decideChain(claim: PackageClaim, facts: ChainFacts): ChainDecision {
  const bound = facts.binding;
  if (bound) {
    if (bound.fingerprint !== claim.fingerprint) return { kind: 'mismatch', reason: 'key', chain: bound };
    if (bound.mechanismKey !== claim.mechanismKey) return { kind: 'mismatch', reason: 'mechanism', chain: bound };
    if (bound.respondentKind !== claim.respondentKind) return { kind: 'mismatch', reason: 'respondent_kind', chain: bound };
  }
  const previous = facts.supersededChain;
  if (previous && previous.rootId !== claim.rootId) return { kind: 'mismatch', reason: 'supersedes_other_chain', chain: previous };
  const claimant = facts.namedBy.find((c) => c.rootId !== claim.rootId);
  if (claimant) return { kind: 'mismatch', reason: 'named_by_other_chain', chain: claimant };
  return bound ? { kind: 'bound' } : { kind: 'new' };
}

export interface SignerFacts {
  /** IOM rejected this key for the package's mechanism. */
  readonly rejected: boolean;
  /** The keys registered for the respondent the package claims. */
  readonly registered: readonly string[];
  /** Strict mode (`--require-registered`, or the workspace setting). */
  readonly strict: boolean;
  /** IOM has just accepted this key for the packages held with it (they are being imported again). */
  readonly acceptedNow: boolean;
}

export type SignerDecision =
  /** The key is registered for this respondent. */
  | { readonly kind: 'registered' }
  /** IOM accepted it from a held package: it is registered for this respondent when the package is stored. */
  | { readonly kind: 'accepted' }
  /** Nobody is registered for this respondent: the key is recorded on first use, and flagged "new signer". */
  | { readonly kind: 'new_signer' }
  /** Another key is registered for this respondent: held until IOM accepts or rejects this one (KEY_CHANGED). */
  | { readonly kind: 'hold'; readonly reason: 'key_change'; readonly registered: readonly string[] }
  /** Strict mode and the key is not registered for this respondent: held (SIGNER_UNREGISTERED). */
  | { readonly kind: 'hold'; readonly reason: 'unregistered' }
  /** A key IOM rejected for this mechanism (KEY_REJECTED). */
  | { readonly kind: 'rejected' };

/**
 * Rule K1: a key IOM rejected for the mechanism is refused.
 * Rule K2: a key registered for the respondent the package claims is trusted.
 * Rule K3: a key IOM has just accepted from a held package is registered for that package's respondent.
 * Rule K4: a package claiming a respondent that has other keys is held as a key change.
 * Rule K5: in strict mode, a package from a key not registered for its respondent is held.
 * Rule K6: otherwise the key is recorded for the respondent on first use, flagged "new signer".
 */
export function decideSigner(fingerprint: string, facts: SignerFacts): SignerDecision {
  if (facts.rejected) return { kind: 'rejected' };
  if (facts.registered.includes(fingerprint)) return { kind: 'registered' };
  if (facts.acceptedNow) return { kind: 'accepted' };
  if (facts.registered.length > 0) return { kind: 'hold', reason: 'key_change', registered: facts.registered };
  if (facts.strict) return { kind: 'hold', reason: 'unregistered' };
  return { kind: 'new_signer' };
}

export interface ChainOfRespondent {
  readonly rootId: string;
  readonly respondentKey: string;
  readonly state: 'counted' | 'withdrawn';
}

/**
 * Rule D1: two or more counted chains of one respondent are a possible duplicate (a draft
 * duplicated and finalized twice, or a new key's fresh start). Returns the root ids of each
 * such respondent's counted chains.
 */
export function possibleDuplicates(chains: readonly ChainOfRespondent[]): Map<string, string[]> {
  const counted = new Map<string, string[]>();
  for (const c of chains) if (c.state === 'counted') counted.set(c.respondentKey, [...(counted.get(c.respondentKey) ?? []), c.rootId]);
  return new Map([...counted].filter(([, roots]) => roots.length > 1));
}

export type DuplicateChoice =
  | { readonly ok: true; readonly count: string; readonly withdraw: readonly string[] }
  | { readonly ok: false; readonly reason: 'unknown_chain' };

/**
 * Rule D2: IOM chooses which chain of a respondent counts; every other chain of that respondent
 * is withdrawn (kept, never deleted), and the chosen one counts even if it was withdrawn before.
 */
export function chooseCountedChain(chainsOfRespondent: readonly ChainOfRespondent[], rootId: string): DuplicateChoice {
  if (!chainsOfRespondent.some((c) => c.rootId === rootId)) return { ok: false, reason: 'unknown_chain' };
  return {
    ok: true,
    count: rootId,
    withdraw: chainsOfRespondent.filter((c) => c.rootId !== rootId && c.state === 'counted').map((c) => c.rootId),
  };
}
