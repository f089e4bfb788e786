import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SigningKeyPair } from '../../../main/services/crypto/ssh-key.js';
import { testIom, tempDir } from './iom-kit.js';
import { makePackage, makeSigner, type MadePackage, type PackageSpec } from './package-kit.js';

/**
 * The property of issue 12: for any arrival order of a set of chains with forged revisions
 * mixed in (and any subset of them), the current revision of each chain is the highest
 * revision signed by its bound key, the key of the first revision of it that IOM stored.
 * Every package is real: real answers, signed, sealed, imported through every stage.
 */

interface Made {
  readonly pkg: MadePackage;
  readonly root: string;
  readonly revision: number;
  readonly key: SigningKeyPair;
}

const keys = { a: makeSigner('Amina Diallo'), b: makeSigner('Kofi Mensah'), c: makeSigner('Lena Berg'), forger: makeSigner('Mallory') };
let made: Made[] = [];

async function chain(
  dir: string,
  key: SigningKeyPair,
  count: number,
  spec: Partial<PackageSpec>,
): Promise<Made[]> {
  const out: Made[] = [];
  for (let revision = 1; revision <= count; revision++) {
    const previous = out[out.length - 1];
    const root = out[0]?.pkg.submissionId;
    const pkg = await makePackage({
      dir,
      signer: key,
      ...spec,
      revision,
      ...(root && previous ? { rootId: root, supersedes: previous.pkg.submissionId } : {}),
      note: `genuine ${revision}`,
    });
    out.push({ pkg, root: pkg.rootId, revision, key });
  }
  return out;
}

/** A revision of `of`'s chain signed by the forger: the next number, or a far higher one naming an unknown revision. */
async function forged(dir: string, of: readonly Made[], revision: number, spec: Partial<PackageSpec>, supersedes?: string): Promise<Made> {
  const root = of[0]?.root ?? '';
  const pkg = await makePackage({
    dir,
    signer: keys.forger,
    signerName: 'Mallory',
    ...spec,
    rootId: root,
    revision,
    supersedes: supersedes ?? '66666666-6666-4666-8666-666666666666',
    note: `forged ${revision}`,
    fileName: `forged-${root.slice(0, 8)}-${revision}.iscm`,
  });
  return { pkg, root, revision, key: keys.forger };
}

beforeAll(async () => {
  const dir = tempDir();
  const secretariat = await chain(dir, keys.a, 3, {});
  const ghana = await chain(dir, keys.b, 2, { respondentKind: 'state', stateName: 'Ghana', signerName: 'Kofi Mensah' });
  const unhcr = await chain(dir, keys.c, 2, { respondentKind: 'organisation', institution: 'UNHCR', signerName: 'Lena Berg' });
  made = [
    ...secretariat,
    ...ghana,
    ...unhcr,
    await forged(dir, secretariat, 4, {}, secretariat[2]?.pkg.submissionId),
    await forged(dir, secretariat, 9, {}),
    await forged(dir, ghana, 3, { respondentKind: 'state', stateName: 'Ghana' }, ghana[1]?.pkg.submissionId),
    await forged(dir, unhcr, 7, { respondentKind: 'organisation', institution: 'UNHCR' }),
  ];
}, 120_000);

describe('chains under any arrival order, with forgeries mixed in', () => {
  it('each chain\'s current revision is the highest revision signed by its bound key', async () => {
    await fc.assert(
      // Indices, so that a counterexample reads as an arrival order.
      fc.asyncProperty(fc.shuffledSubarray([...made.keys()], { minLength: 1 }), async (order) => {
        const arrivals = order.map((i) => made[i]).filter((m): m is Made => m !== undefined);
        const iom = testIom();
        try {
          const summary = await iom.service.importPaths(arrivals.map((m) => m.pkg.path));
          expect(summary.counts.held).toBe(0);
          for (const root of new Set(arrivals.map((m) => m.root))) {
            const ofChain = arrivals.filter((m) => m.root === root);
            const bound = ofChain[0]?.key;
            const expected = Math.max(...ofChain.filter((m) => m.key === bound).map((m) => m.revision));
            const stored = iom.service.listSubmissions({ status: 'all' }).filter((s) => s.root_id === root);
            const current = stored.filter((s) => s.is_current === 1);
            expect(current).toHaveLength(1);
            expect(current[0]?.revision).toBe(expected);
            // And no revision signed by another key was stored in the chain at all.
            expect(new Set(stored.map((s) => s.signer_fingerprint))).toEqual(new Set([bound?.fingerprint]));
            expect(iom.service.db.prepare('SELECT fingerprint FROM chains WHERE root_id = ?').get(root)).toEqual({ fingerprint: bound?.fingerprint });
          }
          const refused = summary.outcomes.filter((o) => o.kind === 'rejected');
          expect(refused.every((o) => o.code === 'CHAIN_MISMATCH')).toBe(true);
        } finally {
          iom.service.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
