import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { formatKeyCard, parseKeyCard } from '../../../main/services/import/key-card.js';
import { testIom, tempDir, type TestIom } from './iom-kit.js';
import { makePackage, makeRevisions, makeSigner } from './package-kit.js';

const opened: TestIom[] = [];
const fresh = (): TestIom => {
  const iom = testIom();
  opened.push(iom);
  return iom;
};
afterEach(() => opened.splice(0).forEach((i) => i.service.close()));

const original = makeSigner('Amina Diallo');
const replacement = makeSigner('Amina Diallo (new laptop)');

async function pinnedThenChanged(iom: TestIom) {
  const dir = tempDir();
  const [r1] = await makeRevisions(dir, original);
  const r2 = await makePackage({ dir, signer: replacement, rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2 });
  await iom.service.importPaths([r1.path]);
  const summary = await iom.service.importPaths([r2.path]);
  return { r1, r2, summary };
}

describe('stage 7: the key pinned per mechanism', () => {
  it('holds a package signed by another key as KEY_CHANGED, writing no submission', async () => {
    const iom = fresh();
    const { r2, summary } = await pinnedThenChanged(iom);
    expect(summary.outcomes[0]).toMatchObject({ kind: 'held', code: 'KEY_CHANGED', stage: 'key' });
    expect(summary.counts.held).toBe(1);
    expect(iom.service.getSubmission(r2.submissionId)).toBeUndefined();
    const [held] = iom.service.heldKeys();
    expect(held).toMatchObject({ fingerprint: replacement.fingerprint, pinnedFingerprint: original.fingerprint });
    expect(held?.packages).toHaveLength(1);
    expect(iom.service.pinnedKeys()[0]?.fingerprint).toBe(original.fingerprint);
    // IOM keeps its own copy, named by hash: the USB stick may be gone when someone decides.
    expect(fs.readdirSync(iom.service.dirs.held)).toEqual([`${r2.sha256}.iscm`]);
  });

  it('accepting the new key records who and when, pins it, and imports the held package', async () => {
    const iom = fresh();
    const { r1, r2 } = await pinnedThenChanged(iom);
    const outcomes = await iom.service.acceptKey(r2.manifest.mechanism.value, replacement.fingerprint, 'Jean Dupont');
    expect(outcomes.map((o) => o.code)).toEqual(['IMPORTED']);
    expect(iom.service.getSubmission(r2.submissionId)?.is_current).toBe(1);
    expect(iom.service.getSubmission(r1.submissionId)?.is_current).toBe(0);
    expect(iom.service.pinnedKeys()[0]).toMatchObject({ fingerprint: replacement.fingerprint, source: 'accepted', pinned_by: 'Jean Dupont' });
    const accepted = iom.service.keyEvents().find((e) => e.action === 'accepted');
    expect(accepted).toMatchObject({ actor: 'Jean Dupont', fingerprint: replacement.fingerprint });
    expect(accepted?.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(iom.service.heldKeys()).toEqual([]);
  });

  it('rejecting the new key quarantines its packages and refuses the key afterwards', async () => {
    const iom = fresh();
    const { r2 } = await pinnedThenChanged(iom);
    expect(iom.service.rejectKey(r2.manifest.mechanism.value, replacement.fingerprint, 'Jean Dupont')).toBe(1);
    expect(iom.service.quarantine()).toMatchObject([{ code: 'KEY_REJECTED', stage: 'key', file_sha256: r2.sha256 }]);
    expect(iom.service.heldKeys()).toEqual([]);
    const later = await makePackage({ dir: tempDir(), signer: replacement });
    const summary = await iom.service.importPaths([later.path]);
    expect(summary.outcomes[0]).toMatchObject({ kind: 'rejected', code: 'KEY_REJECTED' });
    expect(iom.count('submissions')).toBe(1);
  });

  it('accept and reject need a name and a held key', async () => {
    const iom = fresh();
    await expect(iom.service.acceptKey('nowhere', replacement.fingerprint, 'x')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { r2 } = await pinnedThenChanged(iom);
    expect(() => iom.service.rejectKey(r2.manifest.mechanism.value, replacement.fingerprint, '  ')).toThrow(/who takes the decision/);
  });

  it('a public key card pins the key before the first package; a package by another key is then held', async () => {
    const iom = fresh();
    const pkg = await makePackage({ dir: tempDir(), signer: original });
    const mechanism = pkg.manifest.mechanism.value;
    const card = formatKeyCard({ name: 'Amina Diallo', mechanism, publicKey: replacement.publicKey, fingerprint: replacement.fingerprint });
    expect(iom.service.importKeyCard(card, undefined, 'Jean')).toEqual({ mechanism, fingerprint: replacement.fingerprint, changed: true });
    expect(iom.service.importKeyCard(card, undefined, 'Jean').changed).toBe(false);
    expect(iom.service.pinnedKeys()[0]).toMatchObject({ source: 'card', pinned_by: 'Jean' });
    const summary = await iom.service.importPaths([pkg.path]);
    expect(summary.outcomes[0]?.code).toBe('KEY_CHANGED');
    const other = formatKeyCard({ name: 'x', mechanism, publicKey: original.publicKey, fingerprint: original.fingerprint });
    expect(() => iom.service.importKeyCard(other, undefined, 'Jean')).toThrow(/already has a pinned key/);
  });

  it('refuses damaged or hostile key cards', () => {
    const good = formatKeyCard({ name: 'A', mechanism: 'm', publicKey: original.publicKey, fingerprint: original.fingerprint });
    expect(parseKeyCard(good)).toMatchObject({ mechanism: 'm', fingerprint: original.fingerprint });
    expect(() => parseKeyCard(good.replace(original.fingerprint, replacement.fingerprint))).toThrow(/damaged or edited/);
    expect(() => parseKeyCard('Name: nobody')).toThrow(/publicKey: one OpenSSH ssh-ed25519 line/);
    expect(() => parseKeyCard(good.replace('Mechanism: m', 'Mechanism: ../../etc'))).toThrow(/mechanism: a mechanism choice value/);
    expect(() => parseKeyCard('x'.repeat(20_000))).toThrow(/larger than 16 KiB/);
  });
});
