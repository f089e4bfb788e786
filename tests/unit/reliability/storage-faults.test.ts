import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import type { Result } from '../../../core/contract/errors.js';
import { APP_DB_FILE } from '../../../main/services/app-services.js';
import { backupBeforeFinalize } from '../../../main/services/backup/index.js';
import { draftIdOf, parseAcks, reopenAndCheck } from './harness/acked-answers.js';
import { NEW_DRAFT, startTestApp, type TestApp } from './harness/app.js';
import { bundleFixture, QUESTIONNAIRES_DIR, startChild } from './harness/child-script.js';
import { mountSmallTmpfs, setImmutable, tryRun, unmount } from './harness/fs-faults.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const cleanups: (() => void)[] = [];
afterEach(() => {
  // Runs before useTempDirs removes the folders (vitest runs after-hooks in reverse order).
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});
let writer = '';
beforeAll(async () => {
  writer = await bundleFixture('autosave-writer');
});

const BIG = 'x'.repeat(60_000);
const PATHS = ['recommendations', 'support_details', 'contribution_examples', 'org_added_value', 'structure_changes'];

/** Saves big answers until the disk refuses one; returns the acked values by path and the refusal. */
async function saveUntilRefused(app: TestApp, draftId: string): Promise<{ acked: Map<string, string>; refusal: Result<unknown> }> {
  const acked = new Map<string, string>();
  for (let n = 0; n < 500; n++) {
    const path = PATHS[n % PATHS.length] ?? 'recommendations';
    const value = `${n} ${BIG}`;
    const result = await app.dispatch('answers.save', { draftId, path, value });
    if (!result.ok) return { acked, refusal: result };
    acked.set(path, value);
  }
  throw new Error('the disk never filled up');
}

async function expectAcked(app: TestApp, draftId: string, acked: Map<string, string>): Promise<void> {
  const draft = await app.call<Draft>('drafts.get', { id: draftId });
  for (const [p, value] of acked) expect(draft.answers[p], p).toBe(value);
}

describe('promise 3: disk full and read-only', () => {
  it('disk full (a 2 MiB tmpfs): STORAGE_FAILED, nothing acked is lost, the app goes on, saving resumes when space returns', async (ctx) => {
    const mnt = path.join(tempDir(), 'small-disk');
    const refused = mountSmallTmpfs(mnt, '2m');
    if (refused) {
      console.warn(`skipped the tmpfs disk-full test: mount is not allowed here (${refused}); the RLIMIT_FSIZE test below covers the promise`);
      ctx.skip();
      return;
    }
    cleanups.push(() => unmount(mnt));
    const dataDir = path.join(mnt, 'data');
    const app = startTestApp(dataDir);
    cleanups.push(() => app.services.close());
    const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
    const ballast = path.join(mnt, 'ballast');
    fs.writeFileSync(ballast, Buffer.alloc(600 * 1024));

    const { acked, refusal } = await saveUntilRefused(app, draft.id);
    expect(acked.size).toBeGreaterThan(0);
    expect(refusal).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED' } });
    if (!refusal.ok) expect(refusal.error.message).toMatch(/disk is full.*Nothing was saved/);
    // The app keeps running: reads work, and a further save fails the same clean way.
    await expectAcked(app, draft.id, acked);
    expect(await app.dispatch('answers.save', { draftId: draft.id, path: 'recommendations', value: `again ${BIG}` })).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_FAILED' },
    });

    fs.rmSync(ballast); // space returns
    await app.call('answers.save', { draftId: draft.id, path: 'recommendations', value: 'saved after space returned' });
    acked.set('recommendations', 'saved after space returned');
    app.services.close();
    cleanups.pop();
    const reopened = startTestApp(dataDir);
    cleanups.push(() => reopened.services.close());
    expect(reopened.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    await expectAcked(reopened, draft.id, acked);
  });

  it('disk full: the message says how much room saving needs, and freeing exactly that much is enough (the checkpoint included)', async (ctx) => {
    const mnt = path.join(tempDir(), 'small-disk');
    const refused = mountSmallTmpfs(mnt, '16m');
    if (refused) {
      console.warn(`skipped the disk-full space test: mount is not allowed here (${refused})`);
      ctx.skip();
      return;
    }
    cleanups.push(() => unmount(mnt));
    const dataDir = path.join(mnt, 'data');
    const app = startTestApp(dataDir);
    cleanups.push(() => app.services.close());
    const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
    const ballast = path.join(mnt, 'ballast');
    fs.writeFileSync(ballast, Buffer.alloc(10 * 1024 * 1024, 1));

    const { acked, refusal } = await saveUntilRefused(app, draft.id);
    expect(refusal).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED', details: { cause: 'disk-full', code: 'SQLITE_FULL' } } });
    if (refusal.ok) return;
    const { neededBytes } = refusal.error.details as { neededBytes: number };
    expect(refusal.error.message).toMatch(new RegExp(`^The disk is full\\. Nothing was saved\\. Free at least [0-9.]+ MiB on the disk that holds ${dataDir}; saving resumes as soon as there is room\\.$`));
    // The WAL's pages must fit in the database at the next checkpoint, plus the largest answer and its history entry.
    const wal = fs.statSync(path.join(dataDir, `${APP_DB_FILE}-wal`)).size;
    expect(neededBytes).toBeGreaterThanOrEqual(wal);

    fs.truncateSync(ballast, fs.statSync(ballast).size - neededBytes); // exactly the room asked for
    await app.call('answers.save', { draftId: draft.id, path: 'recommendations', value: `after ${BIG}` });
    acked.set('recommendations', `after ${BIG}`);
    // No hidden debt: a full checkpoint completes in the room that is left.
    expect(app.services.db.pragma('wal_checkpoint(TRUNCATE)')).toEqual([{ busy: 0, log: 0, checkpointed: 0 }]);
    await expectAcked(app, draft.id, acked);
  });

  it('disk full (RLIMIT_FSIZE on a child process): STORAGE_FAILED, nothing acked is lost, saving resumes when the limit is lifted', async () => {
    const dataDir = tempDir();
    const child = startChild(writer, [dataDir, QUESTIONNAIRES_DIR, '--big', '--pause-on-fail'], ['--fsize=1048576:unlimited']);
    cleanups.push(() => child.process.kill('SIGKILL'));
    const failure = await child.waitForLine((l) => l.startsWith('fail '));
    expect(failure).toMatch(/^fail STORAGE_FAILED "The disk .*Nothing was saved/);
    const ackedBefore = parseAcks(child.lines).length;
    expect(ackedBefore).toBeGreaterThan(0);

    expect(tryRun('prlimit', ['--pid', String(child.process.pid), '--fsize=unlimited'])).toBeUndefined();
    child.process.stdin.write('go\n');
    const failedAt = child.lines.indexOf(failure);
    await child.waitForLine((l) => l.startsWith('ack ') && child.lines.indexOf(l) > failedAt);
    child.process.kill('SIGKILL');
    await child.exited;

    const draftId = draftIdOf(child.lines) ?? '';
    const acks = parseAcks(child.lines);
    expect(acks.length).toBeGreaterThan(ackedBefore);
    const { integrity, lost } = await reopenAndCheck(dataDir, draftId, acks);
    expect(integrity).toBe('ok');
    expect(lost).toEqual([]);
  });

  it('read-only files (chattr +i on the database, its WAL and folder: stops even root, even on open files): STORAGE_FAILED, nothing lost, saving resumes when writable', async (ctx) => {
    const dataDir = tempDir();
    const app = startTestApp(dataDir);
    cleanups.push(() => app.services.close());
    const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
    await app.call('answers.save', { draftId: draft.id, path: 'respondent_name', value: 'before read-only' });
    const file = path.join(dataDir, APP_DB_FILE);
    // Not the -shm: SQLite maps it into memory, and a write fault there is a SIGBUS, not an error. The -wal is where commits go.
    const frozen = [file, `${file}-wal`, dataDir];
    const refused = setImmutable(frozen, true);
    if (refused) {
      console.warn(`skipped the read-only test: chattr +i is not supported on this file system (${refused})`);
      ctx.skip();
      return;
    }
    cleanups.push(() => setImmutable(frozen, false));
    const result = await app.dispatch('answers.save', { draftId: draft.id, path: 'respondent_name', value: 'while read-only' });
    // Named as read-only (which file, which system error), not as a failing disk.
    expect(result).toMatchObject({ ok: false, error: { code: 'STORAGE_FAILED', details: { cause: 'read-only' } } });
    if (!result.ok) expect(result.error.message).toMatch(/^The data is read-only \(.*: EPERM\)\. Nothing was saved; make it writable and the app will save again\.$/);
    expect((await app.call<Draft>('drafts.get', { id: draft.id })).answers.respondent_name).toBe('before read-only');

    expect(setImmutable(frozen, false)).toBeUndefined();
    await app.call('answers.save', { draftId: draft.id, path: 'respondent_name', value: 'writable again' });
    app.services.close();
    cleanups.splice(0);
    const reopened = startTestApp(dataDir);
    cleanups.push(() => reopened.services.close());
    expect(reopened.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await reopened.call<Draft>('drafts.get', { id: draft.id })).answers.respondent_name).toBe('writable again');
  });

  it('a backup before finalize on a full disk: STORAGE_FAILED, no partial backup left, the database intact', async (ctx) => {
    const mnt = path.join(tempDir(), 'small-disk');
    const refused = mountSmallTmpfs(mnt, '2m');
    if (refused) {
      console.warn(`skipped the full-disk backup test: mount is not allowed here (${refused})`);
      ctx.skip();
      return;
    }
    cleanups.push(() => unmount(mnt));
    const dataDir = path.join(mnt, 'data');
    const app = startTestApp(dataDir);
    cleanups.push(() => app.services.close());
    const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
    for (let i = 0; i < 4; i++) await app.call('answers.save', { draftId: draft.id, path: PATHS[i] ?? 'recommendations', value: `${i} ${BIG}` });
    // Fill what is left, so the database still works but a copy of it cannot fit.
    const ballast = path.join(mnt, 'ballast');
    try {
      fs.writeFileSync(ballast, Buffer.alloc(4 * 1024 * 1024));
    } catch {
      // ENOSPC: the ballast took all the room there was, which is the point.
    }
    await expect(backupBeforeFinalize(app.services.db)).rejects.toMatchObject({ code: 'STORAGE_FAILED' });
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toEqual([]);
    fs.rmSync(ballast);
    expect(app.services.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((await backupBeforeFinalize(app.services.db)).reason).toBe('finalize');
  });
});
