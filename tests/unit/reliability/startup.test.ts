import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appMigrations } from '../../../db/migrations/app/index.js';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import { APP_DB_FILE } from '../../../main/services/app-services.js';
import { createBackup, listBackups } from '../../../main/services/backup/index.js';
import { prepareAppDatabase } from '../../../main/services/startup/prepare-database.js';
import { startAppServicesSafely } from '../../../main/services/startup/start-services.js';
import { bundleFixture, QUESTIONNAIRES_DIR, startChild } from './harness/child-script.js';
import { draftIdOf, parseAcks, reopenAndCheck } from './harness/acked-answers.js';
import { NEW_DRAFT, startTestApp, startTestAppSafely } from './harness/app.js';
import type { Clock } from '../../../main/services/clock.js';
import { setImmutable, tryRun, unmount } from './harness/fs-faults.js';
import { openAppGate } from '../../../main/services/startup/app-gate.js';
import { createAppDispatch } from '../../../main/services/app-dispatch.js';
import { createRotatingLog } from '../../../main/services/log/rotating-log.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const toClose: (() => void)[] = [];
afterEach(() => {
  for (const close of toClose.splice(0)) close();
});
const clock = { now: () => new Date('2026-11-27T13:00:00.000Z') };
const monthLater = { now: () => new Date('2026-12-27T13:00:00.000Z') };
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A data folder with a real app database holding one draft and `answers` answers, closed cleanly. */
async function realDataDir(answers = 1): Promise<{ dataDir: string; file: string }> {
  const dataDir = tempDir();
  const app = startTestApp(dataDir);
  const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
  for (let i = 0; i < answers; i++) await app.call('answers.save', { draftId: draft.id, path: 'recommendations', value: `${i} ${'text '.repeat(400)}` });
  app.services.close();
  return { dataDir, file: path.join(dataDir, APP_DB_FILE) };
}

/** Starts the app as the hosts do, checks the channel shows what start-up found, and that drafts can be made. */
async function startAndCheckReport(dataDir: string, at: Clock = clock): Promise<ReturnType<typeof startTestAppSafely>> {
  const app = startTestAppSafely(dataDir, at);
  toClose.push(() => app.services.close());
  // The start-up backup runs in the background; it must be done before the test closes the database.
  await app.startupBackup;
  expect(app.backupErrors).toEqual([]);
  expect(await app.call('maintenance.startupReport', {})).toEqual(app.report);
  await app.call('drafts.create', NEW_DRAFT);
  return app;
}

describe('promise 5: every start-up case is reported (what happened, where the file went, the latest backup)', () => {
  it('creates a new database when there is none', async () => {
    const dataDir = tempDir();
    const { report } = await startAndCheckReport(dataDir);
    expect(report).toMatchObject({ status: 'created', running: true, movedTo: [], latestBackup: null, restartedAfterCrashAt: null, checkedAt: '2026-11-27T13:00:00.000Z' });
  });

  it('opens a healthy database as it is', async () => {
    const { dataDir, file } = await realDataDir();
    const before = sha(file);
    expect(prepareAppDatabase({ dataDir, clock })).toMatchObject({ canOpen: true, report: { status: 'ok', movedTo: [] } });
    expect(sha(file)).toBe(before);
  });

  it('a database left by a crash (SIGKILL mid-autosave, -wal and -shm beside it) is healthy: opened as it is, nothing lost', async () => {
    const dataDir = tempDir();
    const child = startChild(await bundleFixture('autosave-writer'), [dataDir, QUESTIONNAIRES_DIR]);
    await child.waitForLine((l) => /^ack [1-9]\d* /.test(l));
    child.process.kill('SIGKILL');
    await child.exited;
    expect(fs.existsSync(path.join(dataDir, `${APP_DB_FILE}-wal`))).toBe(true);
    const { canOpen, report } = prepareAppDatabase({ dataDir, clock });
    expect(canOpen).toBe(true);
    expect(report.status).toBe('ok');
    const { integrity, lost } = await reopenAndCheck(dataDir, draftIdOf(child.lines) ?? '', parseAcks(child.lines));
    expect(integrity).toBe('ok');
    expect(lost).toEqual([]);
  });

  it('random bytes: moves the file (with its -wal and -shm) aside under a timestamp, never deleting, and offers the latest backup', async () => {
    const { dataDir, file } = await realDataDir();
    const db = new Database(file);
    const backup = await createBackup(db, 'manual', clock);
    db.close();
    const junk = randomBytes(20_000);
    fs.writeFileSync(file, junk);
    fs.writeFileSync(`${file}-wal`, 'wal bytes');
    fs.writeFileSync(`${file}-shm`, 'shm bytes');

    // A month later: a start-up backup would be due, were it not for the damaged file.
    const app = await startAndCheckReport(dataDir, monthLater);
    const { report, startupBackup } = app;
    expect(report).toMatchObject({ status: 'moved-aside', setAsideReason: 'damaged', running: true, canRestore: true });
    expect(report.latestBackup).toEqual(backup);
    const aside = path.join(dataDir, 'set-aside', 'iscm-20261227T130000000Z-corrupt.db');
    expect(report.movedTo).toEqual([aside, `${aside}-wal`, `${aside}-shm`]);
    expect(report.message).toContain(aside);
    expect(fs.readFileSync(aside).equals(junk)).toBe(true);
    expect(fs.readFileSync(`${aside}-wal`, 'utf8')).toBe('wal bytes');
    expect(fs.readFileSync(file).equals(junk)).toBe(false);
    // No start-up backup of the new, empty database: it would push a good backup out of the 7.
    expect(await startupBackup).toBeUndefined();
    expect(listBackups(dataDir)).toEqual([backup]);
    // Restoring the offered backup answers the report: the banner has nothing more to say.
    await app.call('maintenance.restoreBackup', { name: backup.name });
    expect(await app.call('maintenance.startupReport', {})).toMatchObject({ status: 'ok', movedTo: [], setAsideReason: null });
  });

  it('a truncated database: moved aside whole, a second damaged start does not overwrite the first', async () => {
    const { dataDir, file } = await realDataDir(60);
    const full = fs.readFileSync(file);
    const cut = full.subarray(0, Math.floor(full.length / 2));
    fs.writeFileSync(file, cut);
    const first = prepareAppDatabase({ dataDir, clock }).report;
    expect(first.status).toBe('moved-aside');
    expect(first.movedTo[0]).toMatch(/-corrupt\.db$/);
    expect(fs.readFileSync(first.movedTo[0] ?? '').equals(cut)).toBe(true);

    fs.writeFileSync(file, cut.subarray(0, 10_000));
    const second = prepareAppDatabase({ dataDir, clock }).report;
    expect(second.status).toBe('moved-aside');
    expect(second.movedTo[0]).not.toBe(first.movedTo[0]);
    expect(fs.readFileSync(first.movedTo[0] ?? '').equals(cut)).toBe(true);
  });

  it('a database of another program is moved aside, not migrated into', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, APP_DB_FILE);
    const foreign = new Database(file);
    foreign.exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada');");
    foreign.close();
    const before = sha(file);
    const { report } = prepareAppDatabase({ dataDir, clock });
    expect(report).toMatchObject({ status: 'moved-aside', setAsideReason: 'foreign' });
    expect(sha(report.movedTo[0] ?? '')).toBe(before);
  });

  it('a database from a newer app version: refused, left byte-for-byte untouched, nothing created beside it', async () => {
    const { dataDir, file } = await realDataDir();
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = sha(file);
    const listing = fs.readdirSync(dataDir).sort();
    const { canOpen, report } = prepareAppDatabase({ dataDir, clock });
    expect(canOpen).toBe(false);
    expect(report).toMatchObject({ status: 'refused-newer', version: { found: 99, supported: appMigrations.length }, running: false });
    expect(report.message).toContain(`saved by a newer version of ISCM Assessment (data version 99; this version reads up to ${appMigrations.length})`);
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dataDir).sort()).toEqual(listing);
  });

  it('a database locked by another program: a clear error, the file untouched', async () => {
    const { dataDir, file } = await realDataDir();
    const holder = new Database(file);
    toClose.push(() => holder.close());
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec("UPDATE drafts SET title = 'held'"); // takes and keeps the exclusive lock
    const { canOpen, report } = prepareAppDatabase({ dataDir, clock });
    expect(canOpen).toBe(false);
    expect(report).toMatchObject({ status: 'locked', holder: null, running: false, canRestore: false });
    expect(report.message).toContain('is in use by another program');
    expect(fs.existsSync(file)).toBe(true);
    expect(report.movedTo).toEqual([]);
  });

  it('a data file that cannot be opened at all (here: a folder in its place) is left alone', () => {
    const dataDir = tempDir();
    fs.mkdirSync(path.join(dataDir, APP_DB_FILE));
    fs.writeFileSync(path.join(dataDir, APP_DB_FILE, 'keep.txt'), 'mine');
    const { canOpen, report } = prepareAppDatabase({ dataDir, clock });
    expect(canOpen).toBe(false);
    expect(report.status).toBe('unreadable');
    expect(fs.readFileSync(path.join(dataDir, APP_DB_FILE, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('a read-only data folder (a read-only bind mount): refused with a clear message, nothing changed', async (ctx) => {
    const { dataDir, file } = await realDataDir();
    const readOnly = path.join(tempDir(), 'read-only-view');
    fs.mkdirSync(readOnly);
    const refused = tryRun('mount', ['--bind', dataDir, readOnly]) ?? tryRun('mount', ['-o', 'remount,ro,bind', readOnly]);
    toClose.push(() => unmount(readOnly));
    if (refused) {
      console.warn(`skipped the read-only folder test: mount is not allowed here (${refused})`);
      ctx.skip();
      return;
    }
    const before = sha(file);
    const { canOpen, report } = prepareAppDatabase({ dataDir: readOnly, clock });
    expect(canOpen).toBe(false);
    expect(report.status).toBe('read-only');
    expect(report.message).toContain('read-only');
    expect(sha(file)).toBe(before);
  });

  it('a -wal left without its database is kept aside, not replayed into a new one, and said so', async () => {
    const { dataDir, file } = await realDataDir();
    const db = new Database(file);
    const backup = await createBackup(db, 'manual', clock);
    db.close();
    fs.renameSync(file, path.join(dataDir, 'renamed-by-the-user.db'));
    fs.writeFileSync(`${file}-wal`, 'orphan');
    const { report } = await startAndCheckReport(dataDir);
    expect(report).toMatchObject({ status: 'orphan-wal', running: true, latestBackup: backup, canRestore: true });
    expect(report.movedTo).toEqual([path.join(dataDir, 'set-aside', 'iscm-20261127T130000000Z-orphan-wal.db-wal')]);
    expect(fs.readFileSync(report.movedTo[0] ?? '', 'utf8')).toBe('orphan');
    expect(report.message).toContain('put it back as');
  });

  it('a 0-byte database: kept aside (not silently reopened as new), a new one started, the latest backup offered', async () => {
    const { dataDir, file } = await realDataDir();
    const db = new Database(file);
    const backup = await createBackup(db, 'manual', clock);
    db.close();
    fs.truncateSync(file, 0);
    const { report } = await startAndCheckReport(dataDir, monthLater);
    expect(report).toMatchObject({ status: 'recreated', running: true, latestBackup: backup, canRestore: true });
    expect(report.movedTo).toEqual([path.join(dataDir, 'set-aside', 'iscm-20261227T130000000Z-empty.db')]);
    expect(fs.statSync(report.movedTo[0] ?? '').size).toBe(0);
    expect(listBackups(dataDir)).toEqual([backup]);
  });

  it('a read-only database file in a writable folder (chattr +i: stops root too): refused at start, untouched, not "the disk failed"', async (ctx) => {
    const { dataDir, file } = await realDataDir();
    const refused = setImmutable([file], true);
    if (refused) {
      console.warn(`skipped the read-only file test: chattr +i is not supported here (${refused})`);
      ctx.skip();
      return;
    }
    toClose.push(() => setImmutable([file], false));
    const before = sha(file);
    const { canOpen, report } = prepareAppDatabase({ dataDir, clock });
    expect(canOpen).toBe(false);
    expect(report).toMatchObject({ status: 'read-only-file', running: false });
    expect(report.message).toMatch(/^Your data file .*iscm\.db is read-only \(iscm\.db: EPERM\), so no answer could be saved\. Nothing was changed\./);
    expect(sha(file)).toBe(before);
  });

  it('a dangling symbolic link (a disk not connected): refused with where it points, untouched, and restorable from the latest backup', async () => {
    const { dataDir, file } = await realDataDir();
    const db = new Database(file);
    const backup = await createBackup(db, 'manual', clock);
    db.close();
    fs.rmSync(file);
    const target = path.join(tempDir(), 'unplugged-disk', 'iscm.db');
    fs.symlinkSync(target, file);
    const refused = startAppServicesSafely({ dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test', clock }, () => undefined);
    expect(refused.ok).toBe(false);
    expect(refused.report).toMatchObject({ status: 'symlink', running: false, linkTarget: target, latestBackup: backup, canRestore: true });
    expect(refused.report.message).toContain(`is a link to ${target}, which does not exist or is not a file`);
    expect(fs.readlinkSync(file)).toBe(target);
  });

  it('a symbolic link to a FIFO or a device in place of the database: refused without waiting on it', () => {
    const dataDir = tempDir();
    fs.symlinkSync('/dev/zero', path.join(dataDir, APP_DB_FILE));
    expect(prepareAppDatabase({ dataDir, clock }).report).toMatchObject({ status: 'symlink', linkTarget: '/dev/zero' });
    const other = tempDir();
    execFileSync('mkfifo', [path.join(other, APP_DB_FILE)]);
    expect(prepareAppDatabase({ dataDir: other, clock }).report).toMatchObject({ status: 'unreadable' });
  });

  it('a symbolic link to a real database elsewhere is followed: the data opens normally', async () => {
    const { file } = await realDataDir();
    const dataDir = tempDir();
    fs.symlinkSync(file, path.join(dataDir, APP_DB_FILE));
    const { report } = await startAndCheckReport(dataDir);
    expect(report.status).toBe('ok');
  });

  it('when start-up refused the data, the app still answers: the report, the backups, "try again", and restoring the latest backup in place', async () => {
    const { dataDir, file } = await realDataDir();
    const db = new Database(file);
    const backup = await createBackup(db, 'manual', clock);
    db.pragma('user_version = 99');
    db.close();
    const newer = sha(file);
    const gate = openAppGate({ dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test', clock }, () => undefined);
    toClose.push(() => void gate.close());
    const dispatch = createAppDispatch(gate.handlers, createRotatingLog({ dir: dataDir }), dataDir);
    expect(await dispatch('maintenance.startupReport', {})).toMatchObject({ ok: true, value: { status: 'refused-newer', running: false, version: { found: 99, supported: appMigrations.length } } });
    expect(await dispatch('drafts.list', {})).toMatchObject({ ok: false, error: { code: 'DATA_UNAVAILABLE' } });
    expect(await dispatch('app.info', {})).toMatchObject({ ok: true, value: { dataDir } });
    expect(await dispatch('maintenance.listBackups', {})).toEqual({ ok: true, value: [backup] });
    expect(await dispatch('maintenance.retryStart', {})).toMatchObject({ ok: true, value: { status: 'refused-newer' } });
    // Restore: the newer file is moved aside whole (never deleted), the backup put in its place, the app runs on it.
    const restored = await dispatch('maintenance.restoreBackup', { name: backup.name });
    expect(restored).toMatchObject({ ok: true, value: { restored: backup } });
    const setAside = restored.ok ? (restored.value as { setAsidePath: string }).setAsidePath : '';
    expect(setAside).toMatch(/set-aside\/iscm-20261127T130000000Z-before-restore\.db$/);
    expect(sha(setAside)).toBe(newer);
    expect(await dispatch('maintenance.startupReport', {})).toMatchObject({ ok: true, value: { status: 'ok', running: true } });
    expect(await dispatch('drafts.list', {})).toMatchObject({ ok: true, value: [{ title: 'Reliability' }] });
  });

  it('locked by another host: "try again" starts the app once the other host has closed', async () => {
    const dataDir = tempDir();
    const first = openAppGate({ dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test', clock }, () => undefined);
    const second = openAppGate({ dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test', clock }, () => undefined);
    toClose.push(() => void second.close());
    expect(second.report()).toMatchObject({ status: 'locked', canRestore: false });
    expect(() => second.handlers.maintenance.restoreBackup({ name: 'iscm-20261127T130000000Z-manual.db' })).toThrow(/^A backup cannot be restored now: The folder .* is in use by/);
    expect(second.retry()).toMatchObject({ status: 'locked' });
    await first.close();
    expect(second.retry()).toMatchObject({ status: 'ok', running: true });
    expect(await second.handlers.drafts.list({})).toEqual([]);
  });

  it('startAppServicesSafely: starts on a healthy folder with a start-up backup, refuses a newer database with its message', async () => {
    const { dataDir, file } = await realDataDir();
    const options = { dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' } as const;
    const errors: unknown[] = [];
    const started = startAppServicesSafely(options, (e) => errors.push(e));
    expect(started.ok).toBe(true);
    if (started.ok) {
      toClose.push(() => started.services.close());
      await expect.poll(() => listBackups(dataDir).length).toBe(1);
      expect(listBackups(dataDir)[0]?.reason).toBe('startup');
      started.services.close();
      toClose.pop();
    }
    expect(errors).toEqual([]);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const refused = startAppServicesSafely(options, (e) => errors.push(e));
    expect(refused).toMatchObject({ ok: false, report: { status: 'refused-newer' } });
  });
});
