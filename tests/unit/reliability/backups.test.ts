import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../../core/contract/channels/maintenance.js';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import { migrate } from '../../../db/migrate.js';
import { openDatabase } from '../../../db/open.js';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { APP_DB_FILE } from '../../../main/services/app-services.js';
import { backupBeforeFinalize, backupIfDue, createBackup, KEEP_BACKUPS, listBackups } from '../../../main/services/backup/index.js';
import { bundleFixture, QUESTIONNAIRES_DIR, startChild, type RunningChild } from './harness/child-script.js';
import { NEW_DRAFT, startTestApp, type TestApp } from './harness/app.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const toClose: (() => void)[] = [];
afterEach(() => {
  for (const close of toClose.splice(0)) close();
});
let writer = '';
beforeAll(async () => {
  writer = await bundleFixture('autosave-writer');
});

function app(dataDir: string, clock?: { now: () => Date }): TestApp {
  const a = startTestApp(dataDir, clock);
  toClose.push(() => a.services.close());
  return a;
}

function answersIn(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    return db.prepare('SELECT COUNT(*) FROM answers').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('promise 4: rolling online backups', () => {
  it('takes backups while another process autosaves; each opens and passes integrity_check', async () => {
    const dataDir = tempDir();
    const child: RunningChild = startChild(writer, [dataDir, QUESTIONNAIRES_DIR]);
    toClose.push(() => child.process.kill('SIGKILL'));
    await child.waitForLine((l) => /^ack [1-9]\d* /.test(l));
    const db = openDatabase(path.join(dataDir, APP_DB_FILE), { migrations: appMigrations });
    toClose.push(() => db.close());
    const taken: BackupInfo[] = [];
    for (let i = 0; i < 3; i++) {
      const before = child.lines.length;
      taken.push(await createBackup(db, 'manual', { now: () => new Date(Date.UTC(2026, 10, 27, 12, 0, i)) }));
      await child.waitForLine((l) => l.startsWith('ack ') && child.lines.indexOf(l) >= before);
    }
    expect(child.process.exitCode).toBeNull(); // autosave went on throughout
    for (const b of taken) {
      const file = path.join(dataDir, 'backups', b.name);
      expect(answersIn(file)).toBeGreaterThan(0);
      // A backup is one self-contained file: no -wal is needed to read it.
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
    }
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the newest 7', async () => {
    const dataDir = tempDir();
    const { services } = app(dataDir);
    for (let day = 1; day <= 9; day++) await createBackup(services.db, 'manual', { now: () => new Date(Date.UTC(2026, 10, day)) });
    const kept = listBackups(dataDir);
    expect(kept).toHaveLength(KEEP_BACKUPS);
    expect(kept[0]?.createdAt).toBe('2026-11-09T00:00:00.000Z');
    expect(kept.at(-1)?.createdAt).toBe('2026-11-03T00:00:00.000Z');
  });

  it('at start-up, backs up only when the newest backup is more than a day old', async () => {
    const dataDir = tempDir();
    const { services } = app(dataDir);
    const t0 = Date.UTC(2026, 10, 27, 9);
    expect(await backupIfDue(services.db, { now: () => new Date(t0) })).toMatchObject({ reason: 'startup' });
    expect(await backupIfDue(services.db, { now: () => new Date(t0 + 23 * 3600_000) })).toBeUndefined();
    expect(await backupIfDue(services.db, { now: () => new Date(t0 + 25 * 3600_000) })).toMatchObject({ reason: 'startup' });
    expect(listBackups(dataDir)).toHaveLength(2);
  });

  it('backupBeforeFinalize writes a finalize backup', async () => {
    const dataDir = tempDir();
    const { services } = app(dataDir);
    const b = await backupBeforeFinalize(services.db);
    expect(b.reason).toBe('finalize');
    expect(answersIn(path.join(dataDir, 'backups', b.name))).toBe(0);
  });

  it('restores a backup through the contract after saving the current database aside, and the app goes on', async () => {
    const dataDir = tempDir();
    const { call, dispatch } = app(dataDir);
    const draft = await call<DraftSummary>('drafts.create', NEW_DRAFT);
    await call('answers.save', { draftId: draft.id, path: 'respondent_name', value: 'in the backup' });
    const backup = await call<BackupInfo>('maintenance.createBackup', {});
    await call('answers.save', { draftId: draft.id, path: 'respondent_name', value: 'after the backup' });
    const later = await call<DraftSummary>('drafts.create', { ...NEW_DRAFT, title: 'Made after the backup' });

    expect(await call<BackupInfo[]>('maintenance.listBackups', {})).toEqual([backup]);
    const restored = await call<{ restored: BackupInfo; setAsidePath: string }>('maintenance.restoreBackup', { name: backup.name });
    expect(restored.restored).toEqual(backup);

    // The live app sees the backup's content at once…
    const now = await call<Draft>('drafts.get', { id: draft.id });
    expect(now.answers.respondent_name).toBe('in the backup');
    expect(await dispatch('drafts.get', { id: later.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // …and what it replaced is kept aside, whole.
    expect(path.dirname(restored.setAsidePath)).toBe(path.join(dataDir, 'set-aside'));
    const aside = new Database(restored.setAsidePath, { readonly: true });
    toClose.push(() => aside.close());
    expect(aside.prepare("SELECT value_json FROM answers WHERE path = 'respondent_name'").pluck().get()).toBe('"after the backup"');
    expect(aside.prepare('SELECT COUNT(*) FROM drafts').pluck().get()).toBe(2);
    // Saving goes on after the restore.
    await call('answers.save', { draftId: draft.id, path: 'respondent_role', value: 'still saving' });
    expect((await call<Draft>('drafts.get', { id: draft.id })).answers.respondent_role).toBe('still saving');
  });

  it('refuses to restore a name that is not one of the listed backups', async () => {
    const dataDir = tempDir();
    const { dispatch } = app(dataDir);
    for (const name of ['../iscm.db', '/etc/passwd', 'iscm.db', 'backups/../../x.db']) {
      expect(await dispatch('maintenance.restoreBackup', { name })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(await dispatch('maintenance.restoreBackup', { name: 'iscm-20260101T000000000Z-manual.db' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('refuses a damaged backup and leaves the current database as it was', async () => {
    const dataDir = tempDir();
    const { call, dispatch } = app(dataDir);
    const draft = await call<DraftSummary>('drafts.create', NEW_DRAFT);
    const backup = await call<BackupInfo>('maintenance.createBackup', {});
    fs.writeFileSync(path.join(dataDir, 'backups', backup.name), Buffer.alloc(8192, 7));
    expect(await dispatch('maintenance.restoreBackup', { name: backup.name })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect((await call<Draft>('drafts.get', { id: draft.id })).id).toBe(draft.id);
  });

  it('restores a backup made by an older version of the app and brings it to the current schema', async () => {
    const dataDir = tempDir();
    const { call, services } = app(dataDir);
    // A backup as version 1 of the app wrote it: only the first migration, one draft.
    const old = path.join(tempDir(), 'old.db');
    const oldDb = new Database(old);
    migrate(oldDb, appMigrations.slice(0, 1), old);
    oldDb
      .prepare(
        "INSERT INTO drafts (id, title, questionnaire_id, questionnaire_version, respondent_kind, mechanism, language, created_at, updated_at) VALUES (?, 'Old', 'iscm-assessment', '1.0.0', 'secretariat', NULL, 'en', ?, ?)",
      )
      .run(crypto.randomUUID(), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    oldDb.close();
    fs.mkdirSync(path.join(dataDir, 'backups'));
    const name = 'iscm-20260101T000000000Z-startup.db';
    fs.copyFileSync(old, path.join(dataDir, 'backups', name));

    await call('maintenance.restoreBackup', { name });
    expect(services.db.pragma('user_version', { simple: true })).toBe(appMigrations.length);
    const drafts = await call<DraftSummary[]>('drafts.list', {});
    expect(drafts.map((d) => d.title)).toEqual(['Old']);
    await call('answers.save', { draftId: drafts[0]?.id, path: 'respondent_name', value: 'after an old restore' });
  });
});
