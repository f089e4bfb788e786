import { describe, expect, it } from 'vitest';
import {
  chooseCountedChain,
  decideChain,
  decideSigner,
  possibleDuplicates,
  type ChainBinding,
  type PackageClaim,
} from '../../../main/services/import/trust-rules.js';

/** Each trust rule alone, as a pure function of a claim and the facts iom.db holds. */

const K = 'SHA256:' + 'k'.repeat(43);
const F = 'SHA256:' + 'f'.repeat(43);
const ROOT = '11111111-1111-4111-8111-111111111111';
const OTHER_ROOT = '22222222-2222-4222-8222-222222222222';

const claim = (over: Partial<PackageClaim> = {}): PackageClaim => ({
  submissionId: '33333333-3333-4333-8333-333333333333',
  rootId: ROOT,
  supersedes: null,
  fingerprint: K,
  mechanismKey: 'bali_process',
  respondentKind: 'secretariat',
  ...over,
});
const binding = (over: Partial<ChainBinding> = {}): ChainBinding => ({
  rootId: ROOT,
  fingerprint: K,
  signerName: 'Amina Diallo',
  mechanismKey: 'bali_process',
  respondentKind: 'secretariat',
  ...over,
});
const none = { binding: null, supersededChain: null, namedBy: [] };

describe('chain rules C1–C3', () => {
  it('the first revision IOM sees of a chain binds it, whatever its number', () => {
    expect(decideChain(claim(), none)).toEqual({ kind: 'new' });
    expect(decideChain(claim({ supersedes: OTHER_ROOT }), none)).toEqual({ kind: 'new' });
  });
  it('C1: a later package must have the bound key, mechanism and respondent kind', () => {
    const facts = { ...none, binding: binding() };
    expect(decideChain(claim(), facts)).toEqual({ kind: 'bound' });
    expect(decideChain(claim({ fingerprint: F }), facts)).toMatchObject({ kind: 'mismatch', reason: 'key', chain: { signerName: 'Amina Diallo', fingerprint: K } });
    expect(decideChain(claim({ mechanismKey: 'colombo_process' }), facts)).toMatchObject({ kind: 'mismatch', reason: 'mechanism' });
    expect(decideChain(claim({ respondentKind: 'state' }), facts)).toMatchObject({ kind: 'mismatch', reason: 'respondent_kind' });
  });
  it('C2: a package may supersede only a submission of its own chain', () => {
    const other = binding({ rootId: OTHER_ROOT, fingerprint: F, signerName: 'Kofi Mensah' });
    expect(decideChain(claim({ supersedes: OTHER_ROOT }), { ...none, supersededChain: other })).toMatchObject({
      kind: 'mismatch',
      reason: 'supersedes_other_chain',
      chain: { signerName: 'Kofi Mensah' },
    });
    expect(decideChain(claim({ supersedes: ROOT }), { ...none, binding: binding(), supersededChain: binding() })).toEqual({ kind: 'bound' });
  });
  it('C3: a package may not be the submission another chain says it supersedes (C2 in the other arrival order)', () => {
    const other = binding({ rootId: OTHER_ROOT, fingerprint: F });
    expect(decideChain(claim(), { ...none, namedBy: [other] })).toMatchObject({ kind: 'mismatch', reason: 'named_by_other_chain' });
    expect(decideChain(claim(), { ...none, namedBy: [binding()] })).toEqual({ kind: 'new' });
  });
});

describe('signer rules K1–K6', () => {
  const facts = { rejected: false, registered: [] as string[], strict: false, acceptedNow: false };
  it('K1: a key rejected for the mechanism is refused, whatever else holds', () => {
    expect(decideSigner(K, { ...facts, rejected: true, registered: [K], acceptedNow: true })).toEqual({ kind: 'rejected' });
  });
  it('K2: a key registered for the respondent is trusted, in strict mode too', () => {
    expect(decideSigner(K, { ...facts, registered: [F, K], strict: true })).toEqual({ kind: 'registered' });
  });
  it('K3: a key IOM has just accepted is registered for the respondent its package claims', () => {
    expect(decideSigner(K, { ...facts, registered: [F], acceptedNow: true })).toEqual({ kind: 'accepted' });
  });
  it('K4: a respondent with other keys: held as a key change, naming them', () => {
    expect(decideSigner(K, { ...facts, registered: [F] })).toEqual({ kind: 'hold', reason: 'key_change', registered: [F] });
  });
  it('K5: strict mode holds a key not registered for the respondent', () => {
    expect(decideSigner(K, { ...facts, strict: true })).toEqual({ kind: 'hold', reason: 'unregistered' });
  });
  it('K6: otherwise the key is recorded on first use as a new signer', () => {
    expect(decideSigner(K, facts)).toEqual({ kind: 'new_signer' });
  });
});

describe('duplicate rules D1–D2', () => {
  const chains = [
    { rootId: 'a', respondentKey: 'm/secretariat', state: 'counted' as const },
    { rootId: 'b', respondentKey: 'm/secretariat', state: 'counted' as const },
    { rootId: 'c', respondentKey: 'm/state/ghana', state: 'counted' as const },
    { rootId: 'd', respondentKey: 'm/state/togo', state: 'counted' as const },
    { rootId: 'e', respondentKey: 'm/state/togo', state: 'withdrawn' as const },
  ];
  it('D1: two or more counted chains of one respondent are a possible duplicate; withdrawn ones do not count', () => {
    expect(possibleDuplicates(chains)).toEqual(new Map([['m/secretariat', ['a', 'b']]]));
  });
  it('D2: the chosen chain counts and the respondent\'s other counted chains are withdrawn', () => {
    const secretariat = chains.filter((c) => c.respondentKey === 'm/secretariat');
    expect(chooseCountedChain(secretariat, 'b')).toEqual({ ok: true, count: 'b', withdraw: ['a'] });
    const togo = chains.filter((c) => c.respondentKey === 'm/state/togo');
    expect(chooseCountedChain(togo, 'e')).toEqual({ ok: true, count: 'e', withdraw: ['d'] });
    expect(chooseCountedChain(togo, 'zzz')).toEqual({ ok: false, reason: 'unknown_chain' });
  });
});
