import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { iomMigration0001 } from '../../../db/migrations/iom/0001-iom.js';
import { iomMigrations } from '../../../db/migrations/iom/index.js';
import { openDatabase, type Db } from '../../../db/open.js';
import { iomDirsBeside } from '../../../main/services/import/context.js';
import { createIomService, type IomService } from '../../../main/services/import/iom-service.js';
import { readPackage } from '../../../main/services/package/read-package.js';
import { DEV_IDENTITY, tempDir } from './iom-kit.js';
import { makePackage, makeSigner, type MadePackage } from './package-kit.js';
import { mechanismAt, QUESTIONNAIRES_DIR } from './response-kit.js';

/**
 * Migration 0002 on an iom.db made by schema 0001, filled as the importer of that schema left
 * it: one key pinned per mechanism (a first package's, one accepted after a key change, one
 * from a card ahead of any package), revisions signed by the old and the new key, a State's
 * package of format 1, a rejected key, a held package, a quarantined file, the key history.
 * Every pinned key becomes a registered signer, every chain is bound, and nothing is lost.
 */

const M0 = mechanismAt(0);
const M3 = mechanismAt(3);
const oldKey = makeSigner('Amina Diallo');
const newKey = makeSigner('Amina Diallo (new laptop)');
const cardKey = makeSigner('Card holder');
const heldKey = makeSigner('Held signer');
const rejectedKey = makeSigner('Rejected signer');
const T = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;

let dbFile: string;
let r1: MadePackage;
let r2: MadePackage;
let ghana: MadePackage;
let held: MadePackage;
let before: Record<string, unknown[]>;

async function insertSubmission(db: Db, pkg: MadePackage, importedAt: string): Promise<void> {
  const read = await readPackage(pkg.path, { identity: DEV_IDENTITY });
  const m = read.manifest;
  db.prepare(
    `INSERT INTO submissions VALUES (@submission_id, @root_id, @supersedes, @revision, 0, @qid, @qv, @mechanism, @mlabel, @mkind, @rkind,
       @rjson, @sname, @stitle, @spk, @sfp, @finalized, @app, @msha, @mjson, @sig, @responses, @psha, @psize, @file, @imported)`,
  ).run({
    submission_id: m.submissionId,
    root_id: m.rootId,
    supersedes: m.supersedes,
    revision: m.revision,
    qid: m.questionnaire.id,
    qv: m.questionnaire.version,
    mechanism: m.mechanism.value,
    mlabel: m.mechanism.label,
    mkind: m.mechanism.kind,
    rkind: m.respondent.kind,
    rjson: JSON.stringify(m.respondent),
    sname: m.signer.name,
    stitle: m.signer.title,
    spk: m.signer.publicKey,
    sfp: m.signer.fingerprint,
    finalized: m.finalizedAt,
    app: m.app.version,
    msha: createHash('sha256').update(read.manifestBytes).digest('hex'),
    mjson: Buffer.from(read.manifestBytes).toString('utf8'),
    sig: read.signature,
    responses: Buffer.from(read.responsesBytes).toString('utf8'),
    psha: read.packageSha256,
    psize: read.packageSize,
    file: path.basename(pkg.path),
    imported: importedAt,
  });
  db.prepare(
    'UPDATE submissions SET is_current = (revision = (SELECT max(revision) FROM submissions s WHERE s.root_id = submissions.root_id)) WHERE root_id = ?',
  ).run(m.rootId);
  await read.cleanup();
}

const snapshot = (db: Db, table: string): unknown[] => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();

beforeAll(async () => {
  const dir = tempDir();
  dbFile = path.join(dir, 'iom.db');
  const inbox = tempDir();
  r1 = await makePackage({ dir: inbox, signer: oldKey, note: 'first' });
  r2 = await makePackage({ dir: inbox, signer: newKey, rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2, note: 'after the key change' });
  ghana = await makePackage({ dir: inbox, signer: newKey, respondentKind: 'state', stateName: 'Ghana', formatVersion: 1 });
  held = await makePackage({ dir: inbox, signer: heldKey, note: 'held under schema 1' });

  const db = openDatabase(dbFile, { migrations: [iomMigration0001] });
  await insertSubmission(db, r1, T(1));
  await insertSubmission(db, r2, T(5));
  await insertSubmission(db, ghana, T(6));
  const pin = db.prepare('INSERT INTO pinned_keys VALUES (?, ?, ?, ?, ?, ?, ?)');
  pin.run(M0.value, newKey.publicKey, newKey.fingerprint, 'Amina Diallo (new laptop)', 'accepted', T(4), 'Jean Dupont');
  pin.run(M3.value, cardKey.publicKey, cardKey.fingerprint, 'Card holder', 'card', T(0), 'Marie');
  db.prepare('INSERT INTO rejected_keys VALUES (?, ?, ?, ?)').run(M0.value, rejectedKey.fingerprint, T(7), 'Jean Dupont');
  const event = db.prepare('INSERT INTO key_events (mechanism, fingerprint, public_key, action, actor, at, note) VALUES (?, ?, ?, ?, ?, ?, ?)');
  event.run(M0.value, oldKey.fingerprint, oldKey.publicKey, 'pinned', 'tester', T(1), 'first key seen');
  event.run(M0.value, newKey.fingerprint, newKey.publicKey, 'held', 'tester', T(2), '');
  event.run(M0.value, newKey.fingerprint, newKey.publicKey, 'accepted', 'Jean Dupont', T(4), `replaces ${oldKey.fingerprint}`);
  event.run(M3.value, cardKey.fingerprint, cardKey.publicKey, 'card', 'Marie', T(0), 'card of Card holder');
  const dirs = iomDirsBeside(dbFile);
  fs.mkdirSync(dirs.held, { recursive: true });
  fs.copyFileSync(held.path, path.join(dirs.held, `${held.sha256}.iscm`));
  db.prepare(
    `INSERT INTO held_packages (mechanism, fingerprint, public_key, pinned_fingerprint, signer_name, submission_id, revision, file_name, package_sha256, held_at)
     VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(M0.value, heldKey.fingerprint, heldKey.publicKey, newKey.fingerprint, 'Held signer', held.submissionId, path.basename(held.path), held.sha256, T(8));
  db.prepare("INSERT INTO quarantine (file_name, file_path, file_sha256, stage, code, message, detail, at) VALUES ('x.iscm', '/in/x.iscm', NULL, 'decryption', 'DECRYPT_FAILED', 'm', '', ?)").run(T(9));
  before = Object.fromEntries(['submissions', 'pinned_keys', 'rejected_keys', 'key_events', 'held_packages', 'quarantine', 'import_log'].map((t) => [t, snapshot(db, t)]));
  expect(db.pragma('user_version', { simple: true })).toBe(1);
  db.close();
}, 60_000);

const open = (): IomService => createIomService({ dbFile, questionnairesDir: QUESTIONNAIRES_DIR, identity: DEV_IDENTITY, actor: 'after migration' });

describe('iom.db migration 0002 on a database of schema 0001', () => {
  it('keeps every row: submissions, pinned keys (as legacy_pinned_keys), rejections, key history, held packages, quarantine', () => {
    const service = open();
    try {
      const db = service.db;
      expect(db.pragma('user_version', { simple: true })).toBe(iomMigrations.length); // 0002, then every later one
      const strip = (rows: unknown[], extra: string[]) =>
        rows.map((r) => Object.fromEntries(Object.entries(r as Record<string, unknown>).filter(([k]) => !extra.includes(k))));
      expect(strip(snapshot(db, 'submissions'), ['respondent_id'])).toEqual(before.submissions);
      expect(snapshot(db, 'legacy_pinned_keys')).toEqual(before.pinned_keys);
      expect(snapshot(db, 'rejected_keys')).toEqual(before.rejected_keys);
      expect(strip(snapshot(db, 'key_events'), ['respondent_key'])).toEqual(before.key_events);
      expect(strip(snapshot(db, 'held_packages'), ['respondent_id', 'reason'])).toEqual(before.held_packages);
      expect(strip(snapshot(db, 'quarantine'), ['mechanism', 'submission_id'])).toEqual(before.quarantine);
      expect(snapshot(db, 'held_packages')).toMatchObject([{ reason: 'key_change', respondent_id: null }]);
    } finally {
      service.close();
    }
  });

  it('every pinned key is a registered signer, as it was pinned (who, when, how); every key that signed a submission too', () => {
    const service = open();
    try {
      const signers = service.signers().map((s) => [s.respondent_key, s.fingerprint, s.source, s.registered_by, s.registered_at]);
      expect(signers).toEqual(
        expect.arrayContaining([
          [`${M0.value}/secretariat`, newKey.fingerprint, 'accepted', 'Jean Dupont', T(4)],
          [`${M0.value}/state/ghana`, newKey.fingerprint, 'accepted', 'Jean Dupont', T(4)],
          [`${M3.value}/secretariat`, cardKey.fingerprint, 'card', 'Marie', T(0)],
          [`${M0.value}/secretariat`, oldKey.fingerprint, 'migrated', 'migration 0002', T(1)],
        ]),
      );
      expect(signers).toHaveLength(4);
      // Each submission is filed under its respondent; the format 1 State's, by its signed answers.
      const filed = service.listSubmissions({ status: 'all' }).map((s) => [s.submission_id, s.respondent_key]);
      expect(filed).toEqual(
        expect.arrayContaining([
          [r1.submissionId, `${M0.value}/secretariat`],
          [r2.submissionId, `${M0.value}/secretariat`],
          [ghana.submissionId, `${M0.value}/state/ghana`],
        ]),
      );
    } finally {
      service.close();
    }
  });

  it('each chain is bound to the key of its current revision, and the status reads as before', async () => {
    const service = open();
    try {
      await service.syncBundled(); // the status lists the mechanisms of the versions the app carries
      const chains = service.db.prepare('SELECT root_id, fingerprint, mechanism, respondent_kind, new_signer, state FROM chains ORDER BY bound_at').all();
      expect(chains).toEqual([
        { root_id: r1.submissionId, fingerprint: newKey.fingerprint, mechanism: M0.value, respondent_kind: 'secretariat', new_signer: 0, state: 'counted' },
        { root_id: ghana.submissionId, fingerprint: newKey.fingerprint, mechanism: M0.value, respondent_kind: 'state', new_signer: 0, state: 'counted' },
      ]);
      expect(service.chainEvents(r1.submissionId)[0]?.note).toBe(`bound to the key of revision 2; earlier revisions were signed by ${oldKey.fingerprint}`);
      const m0 = service.status().mechanisms.find((m) => m.mechanism === M0.value);
      expect(m0?.secretariat.chains.map((c) => c.revision)).toEqual([2]);
      expect(m0?.states.map((s) => s.party)).toEqual(['Ghana']);
      expect(m0?.counts.held).toBe(1);
      expect(service.heldKeys()).toMatchObject([{ fingerprint: heldKey.fingerprint, respondent: { respondentKey: '' } }]);
    } finally {
      service.close();
    }
  });

  it('after the migration: revision 3 by the bound key imports, the old key is refused for the chain, the rejected key stays rejected, a held package is accepted', async () => {
    const dir = tempDir();
    const r3 = await makePackage({ dir, signer: newKey, rootId: r1.submissionId, supersedes: r2.submissionId, revision: 3 });
    const stale = await makePackage({ dir, signer: oldKey, rootId: r1.submissionId, supersedes: r2.submissionId, revision: 4, note: 'old laptop' });
    const fromRejected = await makePackage({ dir, signer: rejectedKey, respondentKind: 'organisation' });
    const service = open();
    try {
      const summary = await service.importPaths([r3.path, stale.path, fromRejected.path]);
      expect(summary.outcomes.map((o) => o.code)).toEqual(['IMPORTED', 'CHAIN_MISMATCH', 'KEY_REJECTED']);
      const outcomes = await service.acceptKey(heldKey.fingerprint, undefined, 'Jean Dupont');
      expect(outcomes.map((o) => o.code)).toEqual(['IMPORTED']);
      expect(outcomes[0]?.flags).toEqual(['possible_duplicate']);
      expect(service.signers().find((s) => s.fingerprint === heldKey.fingerprint)).toMatchObject({ respondent_key: `${M0.value}/secretariat`, source: 'accepted' });
    } finally {
      service.close();
    }
  });
});
