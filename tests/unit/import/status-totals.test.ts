import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIomService, type IomService } from '../../../main/services/import/iom-service.js';
import { DEV_IDENTITY, tempDir } from './iom-kit.js';
import { makePackage, makeSigner, type MadePackage } from './package-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

/** The status covers held packages, the quarantine, reviews, and mechanisms under "Other" by their own names. */
let service: IomService;
let forum: MadePackage;

beforeAll(async () => {
  const dbFile = path.join(tempDir(), 'iom.db');
  const inbox = tempDir();
  forum = await makePackage({ dir: inbox, signer: makeSigner('Forum secretary'), otherMechanism: 'Regional Forum on Migration' });
  const listed = await makePackage({ dir: inbox, signer: makeSigner(), mechanismIndex: 1 });
  const junk = path.join(inbox, 'junk.iscm');
  fs.writeFileSync(junk, 'not a package');
  service = createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor: 'tester' });
  const first = await service.importPaths([forum.path, listed.path, junk]);
  expect(first.outcomes.map((o) => o.code)).toEqual(['IMPORTED', 'IMPORTED', 'DECRYPT_FAILED']);
  // Strict mode: a package from a key nobody registered is held for a decision.
  service.setRequireRegistered(true, 'Jean');
  const stranger = await makePackage({ dir: tempDir(), signer: makeSigner('Stranger'), otherMechanism: 'Another Forum', respondentKind: 'organisation' });
  expect((await service.importPaths([stranger.path])).outcomes.map((o) => o.code)).toEqual(['SIGNER_UNREGISTERED']);
  service.setReview(forum.submissionId, { state: 'approved', actor: 'Jean' });
}, 120_000);
afterAll(() => service.close());

describe('status', () => {
  it('lists a mechanism under "Other" by the name its package gave, not the list\'s "Other (specify)"', () => {
    const status = service.status('en');
    expect(status.mechanisms.some((m) => m.mechanism === 'other')).toBe(false);
    const own = status.mechanisms.find((m) => m.label === 'Regional Forum on Migration');
    expect(own).toMatchObject({ mechanism: 'other:regional-forum-on-migration', listed: false, secretariat: { received: true } });
    expect(own?.counts.reviews).toEqual({ received: 0, has_issues: 0, approved: 1, rejected: 0 });
    expect(own?.secretariat.chains[0]?.reviewState).toBe('approved');
    // The held package's mechanism is listed too, with its held count.
    const held = status.mechanisms.find((m) => m.mechanism === 'other:another-forum');
    expect(held?.counts.held).toBe(1);
  });

  it('totals: packages held, files in the quarantine, current revisions by review state', () => {
    const status = service.status('en');
    expect(status.totals).toEqual({ held: 1, quarantined: 1, reviews: { received: 1, has_issues: 0, approved: 1, rejected: 0 } });
    expect(status.quarantinedUnfiled).toBe(1);
  });
});
