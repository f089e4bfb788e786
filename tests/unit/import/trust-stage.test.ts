import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKeyCard } from '../../../main/services/import/key-card.js';
import { testIom, tempDir, type TestIom } from './iom-kit.js';
import { makePackage, makeRevisions, makeSigner, type MadePackage } from './package-kit.js';
import { makeResponses, mechanismAt } from './response-kit.js';

/**
 * Stage 7 through the real import: real packages (writePackage, real signatures, sealed with
 * age), a real iom.db, each scenario of the issue. The rules alone are in trust-rules.test.ts.
 */

const opened: TestIom[] = [];
/** A new iom.db that knows the releases the app carries (as every command's service does). */
const fresh = async (): Promise<TestIom> => {
  const iom = testIom();
  opened.push(iom);
  await iom.service.syncBundled();
  return iom;
};
afterEach(() => opened.splice(0).forEach((i) => i.service.close()));

const MECHANISM = mechanismAt(0).value;
const secretariatKey = makeSigner('Amina Diallo');
const ghanaKey = makeSigner('Kofi Mensah');
const senegalKey = makeSigner('Awa Ndiaye');
const unhcrKey = makeSigner('Lena Berg');
const forger = makeSigner('Mallory');

const codes = (summary: { outcomes: readonly { code: string }[] }) => summary.outcomes.map((o) => o.code);
const statusOf = (iom: TestIom) => iom.service.status().mechanisms.find((m) => m.mechanism === MECHANISM);

describe('a mechanism has as many keys as respondents', () => {
  it('a secretariat, two States and an organisation, each with their own key: all imported, none held', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const packages = [
      await makePackage({ dir, signer: secretariatKey }),
      await makePackage({ dir, signer: ghanaKey, respondentKind: 'state', stateName: 'Ghana', signerName: 'Kofi Mensah' }),
      await makePackage({ dir, signer: senegalKey, respondentKind: 'state', stateName: 'Sénégal', signerName: 'Awa Ndiaye' }),
      await makePackage({ dir, signer: unhcrKey, respondentKind: 'organisation', institution: 'UNHCR', signerName: 'Lena Berg' }),
    ];
    const summary = await iom.service.importPaths(packages.map((p) => p.path));
    expect(codes(summary)).toEqual(['IMPORTED', 'IMPORTED', 'IMPORTED', 'IMPORTED']);
    expect(summary.counts.held).toBe(0);
    expect(summary.outcomes.every((o) => o.flags?.includes('new_signer') === true)).toBe(true);
    expect(iom.service.signers().map((s) => [s.respondent_key, s.fingerprint])).toEqual([
      [`${MECHANISM}/organisation/unhcr`, unhcrKey.fingerprint],
      [`${MECHANISM}/secretariat`, secretariatKey.fingerprint],
      [`${MECHANISM}/state/ghana`, ghanaKey.fingerprint],
      [`${MECHANISM}/state/senegal`, senegalKey.fingerprint],
    ]);
    const status = statusOf(iom);
    expect(status?.secretariat).toMatchObject({ received: true, chains: [{ revision: 1, fingerprint: secretariatKey.fingerprint, newSigner: true }] });
    expect(status?.states.map((s) => s.party)).toEqual(['Ghana', 'Sénégal']);
    expect(status?.organisations.map((s) => s.party)).toEqual(['UNHCR']);
    expect(status?.counts).toMatchObject({ statesReceived: 2, organisationsReceived: 1, held: 0, possibleDuplicates: 0 });
  });

  it('a State whose package is format 1 (no respondent.state) is the State its signed answers name', async () => {
    const iom = await fresh();
    const old = await makePackage({ dir: tempDir(), signer: ghanaKey, respondentKind: 'state', stateName: 'Ghana', formatVersion: 1 });
    expect(old.manifest.formatVersion).toBe(1);
    expect(codes(await iom.service.importPaths([old.path]))).toEqual(['IMPORTED']);
    expect(iom.service.signers()[0]?.respondent_key).toBe(`${MECHANISM}/state/ghana`);
  });

  it('"Other" mechanisms are keyed by their written name, normalised: two of them never share a key slot', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const a = await makePackage({ dir, signer: secretariatKey, otherMechanism: 'Foro Regional de Migración' });
    const b = await makePackage({ dir, signer: ghanaKey, otherMechanism: 'Pacific Forum on Mobility' });
    const aAgain = await makePackage({ dir, signer: secretariatKey, otherMechanism: 'FORO REGIONAL DE MIGRACION', rootId: a.submissionId, supersedes: a.submissionId, revision: 2 });
    expect(codes(await iom.service.importPaths([a.path, b.path, aAgain.path]))).toEqual(['IMPORTED', 'IMPORTED', 'IMPORTED']);
    const others = iom.service.status().mechanisms.filter((m) => !m.listed);
    expect(others.map((m) => m.mechanism).sort()).toEqual(['other:foro-regional-de-migracion', 'other:pacific-forum-on-mobility']);
    expect(others.find((m) => m.mechanism === 'other:foro-regional-de-migracion')?.secretariat.chains).toMatchObject([{ revision: 2 }]);
  });

  it('a manifest that says "other" while the answers name a listed mechanism is invalid', async () => {
    const iom = await fresh();
    const responses = makeResponses({ mechanism: MECHANISM });
    const pkg = await makePackage({ dir: tempDir(), signer: secretariatKey, otherMechanism: 'Nowhere Forum', responses });
    const summary = await iom.service.importPaths([pkg.path]);
    expect(summary.outcomes[0]).toMatchObject({ code: 'ANSWERS_INVALID', stage: 'questionnaire' });
  });
});

describe('a revision chain is bound to its first signer', () => {
  it.each([
    ['the genuine revision first', false],
    ['the forged revision first', true],
  ])('a revision signed by another key is refused with CHAIN_MISMATCH (%s), naming the chain\'s signer', async (_label, forgedFirst) => {
    const iom = await fresh();
    const dir = tempDir();
    const [r1, r2] = await makeRevisions(dir, secretariatKey);
    const forged = await makePackage({ dir, signer: forger, signerName: 'Mallory', rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2, note: 'forged' });
    // The chain is bound by whichever of its revisions IOM stores first: here always r1.
    await iom.service.importPaths([r1.path]);
    const order = forgedFirst ? [forged, r2] : [r2, forged];
    const summary = await iom.service.importPaths(order.map((p) => p.path));
    const forgedOutcome = summary.outcomes.find((o) => o.submissionId === forged.submissionId);
    expect(forgedOutcome).toMatchObject({ kind: 'rejected', code: 'CHAIN_MISMATCH', stage: 'key' });
    expect(forgedOutcome?.detail).toContain(`is signed by Amina Diallo (${secretariatKey.fingerprint})`);
    expect(summary.outcomes.find((o) => o.submissionId === r2.submissionId)?.code).toBe('IMPORTED');
    expect(iom.service.getSubmission(forged.submissionId)).toBeUndefined();
    expect(iom.service.listSubmissions({ status: 'current' }).map((s) => s.submission_id)).toEqual([r2.submissionId]);
    expect(iom.service.quarantine()).toMatchObject([{ code: 'CHAIN_MISMATCH', mechanism: MECHANISM, submission_id: forged.submissionId }]);
    expect(iom.service.signers().map((s) => s.fingerprint)).toEqual([secretariatKey.fingerprint]);
  });

  it('a later revision arriving first binds the chain; the earlier one must then match', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const [r1, r2] = await makeRevisions(dir, secretariatKey);
    const forgedR1 = await makePackage({ dir, signer: forger, submissionId: r1.submissionId, note: 'forged first revision', fileName: 'forged-r1.iscm' });
    const summary = await iom.service.importPaths([r2.path, forgedR1.path, r1.path]);
    expect(codes(summary)).toEqual(['IMPORTED', 'CHAIN_MISMATCH', 'SUPERSEDED']);
  });

  it('the chain takeover: a fresh key naming another submission\'s root with a higher revision is refused, and the status is unchanged', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const [r1, r2] = await makeRevisions(dir, secretariatKey);
    await iom.service.importPaths([r1.path, r2.path]);
    const before = { status: iom.service.status(), submissions: iom.service.listSubmissions({ status: 'all' }), signers: iom.service.signers() };
    const takeover = await makePackage({
      dir,
      signer: forger,
      signerName: 'Mallory',
      rootId: r1.submissionId,
      supersedes: '44444444-4444-4444-8444-444444444444',
      revision: 9,
      note: 'takeover',
    });
    const summary = await iom.service.importPaths([takeover.path]);
    expect(summary.outcomes[0]).toMatchObject({ kind: 'rejected', code: 'CHAIN_MISMATCH' });
    // Only the quarantine grew (by this file); who answered, and which revision is current, did not change.
    const after = iom.service.status();
    const withoutQuarantine = (s: typeof after) => s.mechanisms.map((m) => ({ ...m, counts: { ...m.counts, quarantined: 0 } }));
    expect(withoutQuarantine(after)).toEqual(withoutQuarantine(before.status));
    expect(after.mechanisms.find((m) => m.mechanism === MECHANISM)?.counts.quarantined).toBe(1);
    expect(iom.service.listSubmissions({ status: 'all' })).toEqual(before.submissions);
    expect(iom.service.signers()).toEqual(before.signers);
    expect(iom.service.heldKeys()).toEqual([]);
  });

  it('a package superseding a submission of another chain is refused, in both arrival orders', async () => {
    const dir = tempDir();
    const [a1] = await makeRevisions(dir, secretariatKey);
    const b1 = await makePackage({ dir, signer: ghanaKey, respondentKind: 'state', signerName: 'Kofi Mensah' });
    // Signed by b's own key, continuing b's chain, but naming a's revision as the one it replaces.
    const b2 = await makePackage({ dir, signer: ghanaKey, respondentKind: 'state', rootId: b1.submissionId, supersedes: a1.submissionId, revision: 2 });
    const first = await fresh();
    expect(codes(await first.service.importPaths([a1.path, b1.path, b2.path]))).toEqual(['IMPORTED', 'IMPORTED', 'CHAIN_MISMATCH']);
    const second = await fresh();
    expect(codes(await second.service.importPaths([b1.path, b2.path, a1.path]))).toEqual(['IMPORTED', 'IMPORTED', 'CHAIN_MISMATCH']);
    expect(second.service.quarantine()[0]?.detail).toContain("names this package's id as the revision it supersedes");
  });
});

describe('keys are registered per respondent', () => {
  async function withState(iom: TestIom): Promise<{ dir: string; secretariat: MadePackage; ghana: MadePackage }> {
    const dir = tempDir();
    const secretariat = await makePackage({ dir, signer: secretariatKey });
    const ghana = await makePackage({ dir, signer: ghanaKey, respondentKind: 'state', signerName: 'Kofi Mensah' });
    await iom.service.importPaths([secretariat.path, ghana.path]);
    return { dir, secretariat, ghana };
  }

  it('a key change for a registered State is held, then accepted beside it without touching the secretariat\'s key', async () => {
    const iom = await fresh();
    const { dir, ghana } = await withState(iom);
    const newGhanaKey = makeSigner('Kofi Mensah (new laptop)');
    const again = await makePackage({ dir, signer: newGhanaKey, respondentKind: 'state', signerName: 'Kofi Mensah', note: 'started again' });
    const held = await iom.service.importPaths([again.path]);
    expect(held.outcomes[0]).toMatchObject({ kind: 'held', code: 'KEY_CHANGED', stage: 'key' });
    expect(iom.service.getSubmission(again.submissionId)).toBeUndefined();
    expect(iom.service.heldKeys()).toMatchObject([
      { fingerprint: newGhanaKey.fingerprint, reason: 'key_change', registeredFingerprints: [ghanaKey.fingerprint], respondent: { respondentKey: `${MECHANISM}/state/ghana`, party: 'Ghana' } },
    ]);
    expect(fs.readdirSync(iom.service.dirs.held)).toEqual([`${again.sha256}.iscm`]);
    expect(statusOf(iom)?.counts.held).toBe(1);
    const before = iom.service.signers().filter((s) => s.kind === 'secretariat');
    const outcomes = await iom.service.acceptKey(newGhanaKey.fingerprint, undefined, 'Jean Dupont');
    expect(outcomes.map((o) => o.code)).toEqual(['IMPORTED']);
    expect(outcomes[0]?.flags).toEqual(['possible_duplicate']);
    expect(iom.service.signers().filter((s) => s.kind === 'secretariat')).toEqual(before);
    const ghanaKeys = iom.service.signers().filter((s) => s.respondent_key === `${MECHANISM}/state/ghana`);
    expect(ghanaKeys.map((k) => [k.fingerprint, k.source, k.registered_by])).toEqual([
      [ghanaKey.fingerprint, 'package', 'tester'],
      [newGhanaKey.fingerprint, 'accepted', 'Jean Dupont'],
    ]);
    // The old key keeps its own chain: its next revision is still imported.
    const ghanaR2 = await makePackage({ dir, signer: ghanaKey, respondentKind: 'state', rootId: ghana.submissionId, supersedes: ghana.submissionId, revision: 2 });
    expect(codes(await iom.service.importPaths([ghanaR2.path]))).toEqual(['IMPORTED']);
    expect(iom.service.keyEvents().find((e) => e.action === 'accepted')).toMatchObject({ actor: 'Jean Dupont', respondent_key: `${MECHANISM}/state/ghana` });
  });

  it('rejecting a held key quarantines its packages and refuses the key for that mechanism afterwards', async () => {
    const iom = await fresh();
    const { dir } = await withState(iom);
    const held = await makePackage({ dir, signer: forger, respondentKind: 'state', note: 'claims Ghana' });
    await iom.service.importPaths([held.path]);
    expect(iom.service.rejectKey(forger.fingerprint, `${MECHANISM}/state/ghana`, 'Jean Dupont')).toBe(1);
    expect(iom.service.quarantine()).toMatchObject([{ code: 'KEY_REJECTED', stage: 'key', file_sha256: held.sha256, mechanism: MECHANISM }]);
    expect(iom.service.heldKeys()).toEqual([]);
    const later = await makePackage({ dir, signer: forger, respondentKind: 'organisation', institution: 'Fake NGO' });
    expect((await iom.service.importPaths([later.path])).outcomes[0]).toMatchObject({ kind: 'rejected', code: 'KEY_REJECTED' });
    expect(() => iom.service.rejectKey(forger.fingerprint, undefined, '  ')).toThrow();
  });

  it('accept and reject need a held key and a name', async () => {
    const iom = await fresh();
    await expect(iom.service.acceptKey(forger.fingerprint, undefined, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { dir } = await withState(iom);
    await iom.service.importPaths([(await makePackage({ dir, signer: forger, note: 'x' })).path]);
    await expect(iom.service.acceptKey(forger.fingerprint, 'nobody/secretariat', 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(() => iom.service.rejectKey(forger.fingerprint, undefined, '  ')).toThrow(/who takes the decision/);
  });

  it('answers are validated before any key decision: an invalid package from a changed key is refused, never held', async () => {
    const iom = await fresh();
    const { dir } = await withState(iom);
    const responses = { ...makeResponses({ mechanism: MECHANISM }), number_of_states: 'many' };
    const invalid = await makePackage({ dir, signer: forger, responses });
    const summary = await iom.service.importPaths([invalid.path]);
    expect(summary.outcomes[0]).toMatchObject({ kind: 'rejected', code: 'ANSWERS_INVALID' });
    expect(iom.service.heldKeys()).toEqual([]);
    expect(iom.count('held_packages')).toBe(0);
  });

  it('a key card registers a State ahead of time; its first package is then not a new signer', async () => {
    const iom = await fresh();
    const card = formatKeyCard({ name: 'Kofi Mensah', mechanism: MECHANISM, publicKey: ghanaKey.publicKey, fingerprint: ghanaKey.fingerprint });
    expect(iom.service.importKeyCard(card, { kind: 'state', party: 'GHANA' }, 'Jean')).toEqual({
      respondentKey: `${MECHANISM}/state/ghana`,
      fingerprint: ghanaKey.fingerprint,
      changed: true,
    });
    expect(iom.service.importKeyCard(card, { kind: 'state', party: 'Ghana' }, 'Jean').changed).toBe(false);
    // A second card for the same mechanism, another respondent: registered beside the first.
    const card2 = formatKeyCard({ name: 'Amina', mechanism: MECHANISM, publicKey: secretariatKey.publicKey, fingerprint: secretariatKey.fingerprint });
    expect(iom.service.importKeyCard(card2, { kind: 'secretariat' }, 'Jean').respondentKey).toBe(`${MECHANISM}/secretariat`);
    const pkg = await makePackage({ dir: tempDir(), signer: ghanaKey, respondentKind: 'state' });
    const summary = await iom.service.importPaths([pkg.path]);
    expect(summary.outcomes[0]).toMatchObject({ code: 'IMPORTED' });
    expect(summary.outcomes[0]?.flags).toBeUndefined();
    expect(statusOf(iom)?.states[0]?.chains[0]?.newSigner).toBe(false);
    expect(() => iom.service.importKeyCard(card, {}, 'Jean')).toThrow(/Say whom this key answers for/);
    expect(() => iom.service.importKeyCard(card, { kind: 'state' }, 'Jean')).toThrow(/needs the name of the State/);
  });

  it('strict mode: a package from an unregistered key is held (SIGNER_UNREGISTERED); a registered one is imported', async () => {
    const iom = await fresh();
    iom.service.setRequireRegistered(true, 'Jean');
    const card = formatKeyCard({ name: 'Amina', mechanism: MECHANISM, publicKey: secretariatKey.publicKey, fingerprint: secretariatKey.fingerprint });
    iom.service.importKeyCard(card, { kind: 'secretariat' }, 'Jean');
    const dir = tempDir();
    const registered = await makePackage({ dir, signer: secretariatKey });
    const stranger = await makePackage({ dir, signer: ghanaKey, respondentKind: 'state' });
    const summary = await iom.service.importPaths([registered.path, stranger.path]);
    expect(codes(summary)).toEqual(['IMPORTED', 'SIGNER_UNREGISTERED']);
    expect(iom.service.heldKeys()).toMatchObject([{ reason: 'unregistered', registeredFingerprints: [], respondent: { party: 'Ghana' } }]);
    expect(await iom.service.acceptKey(ghanaKey.fingerprint, `${MECHANISM}/state/ghana`, 'Jean')).toMatchObject([{ code: 'IMPORTED' }]);
    expect(iom.service.status().requireRegistered).toBe(true);
  });
});

describe('possible duplicates', () => {
  it('two counted chains of one secretariat are flagged; IOM chooses one, the other is withdrawn (kept) with who and when', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const first = await makePackage({ dir, signer: secretariatKey, note: 'draft one' });
    const twin = await makePackage({ dir, signer: secretariatKey, note: 'draft duplicated' });
    const summary = await iom.service.importPaths([first.path, twin.path]);
    expect(summary.outcomes[1]?.flags).toEqual(['possible_duplicate']);
    expect(iom.service.duplicates()).toEqual(new Map([[`${MECHANISM}/secretariat`, [first.submissionId, twin.submissionId]]]));
    expect(statusOf(iom)?.secretariat).toMatchObject({ possibleDuplicate: true, received: true });
    expect(statusOf(iom)?.counts.possibleDuplicates).toBe(1);

    expect(iom.service.chooseChain(twin.submissionId, 'Jean Dupont')).toEqual({
      respondentKey: `${MECHANISM}/secretariat`,
      counted: twin.submissionId,
      withdrawn: [first.submissionId],
    });
    expect(iom.service.duplicates().size).toBe(0);
    const chains = statusOf(iom)?.secretariat.chains ?? [];
    expect(chains.find((c) => c.rootId === first.submissionId)).toMatchObject({ state: 'withdrawn', stateBy: 'Jean Dupont' });
    expect(chains.find((c) => c.rootId === first.submissionId)?.stateAt).toMatch(/^\d{4}-/);
    // Never deleted: still stored, listed as withdrawn, left out of "current" (and so of the export).
    expect(iom.service.getSubmission(first.submissionId)).toBeDefined();
    expect(iom.service.listSubmissions({ status: 'withdrawn' }).map((s) => s.submission_id)).toEqual([first.submissionId]);
    expect(iom.service.listSubmissions({ status: 'current' }).map((s) => s.submission_id)).toEqual([twin.submissionId]);
    expect(iom.service.chainEvents(first.submissionId).map((e) => e.action)).toEqual(['bound', 'withdrawn']);
    const rows = (out: string): Record<string, string>[] => parse(fs.readFileSync(path.join(out, 'iscm-assessment.csv')), { bom: true, columns: true });
    expect(rows((await iom.service.export({ format: 'csv', outDir: tempDir() })).folder).map((r) => r.SubmissionId)).toEqual([twin.submissionId]);
    expect(rows((await iom.service.export({ format: 'csv', outDir: tempDir(), allRevisions: true })).folder).map((r) => [r.SubmissionId, r.Status]).sort()).toEqual([[first.submissionId, 'withdrawn'], [twin.submissionId, 'current']].sort());
    // IOM can change its mind: choosing the other one swaps them.
    expect(iom.service.chooseChain(first.submissionId, 'Marie').withdrawn).toEqual([twin.submissionId]);
    expect(iom.service.listSubmissions({ status: 'current' }).map((s) => s.submission_id)).toEqual([first.submissionId]);
    expect(() => iom.service.chooseChain('55555555-5555-4555-8555-555555555555', 'Jean')).toThrow(/No submission/);
  });

  it('two States are two respondents, not duplicates; the same State twice is', async () => {
    const iom = await fresh();
    const dir = tempDir();
    const ghana = await makePackage({ dir, signer: ghanaKey, respondentKind: 'state', stateName: 'Ghana' });
    const togo = await makePackage({ dir, signer: senegalKey, respondentKind: 'state', stateName: 'Togo' });
    const ghanaAgain = await makePackage({ dir, signer: ghanaKey, respondentKind: 'state', stateName: 'ghana ', note: 'again' });
    await iom.service.importPaths([ghana.path, togo.path, ghanaAgain.path]);
    expect([...iom.service.duplicates().keys()]).toEqual([`${MECHANISM}/state/ghana`]);
  });
});
