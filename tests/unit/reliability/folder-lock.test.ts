import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appMigrations } from '../../../db/migrations/app/index.js';
import { HOLDER_FILE, lockFolder } from '../../../main/services/lock/folder-lock.js';
import { openAppGate } from '../../../main/services/startup/app-gate.js';
import {
  bundleFixture,
  PROJECT_ROOT,
  QUESTIONNAIRES_DIR,
  startChild,
  type RunningChild,
} from './harness/child-script.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
let starter = '';
beforeAll(async () => {
  starter = await bundleFixture('host-starter');
});

const ROUNDS = Number(process.env.ISCM_LOCK_ROUNDS ?? 50);

function child(args: readonly string[]): RunningChild {
  const started = startChild(starter, args);
  cleanups.push(() => {
    started.process.kill('SIGKILL');
  });
  return started;
}

const firstLine = (c: RunningChild): Promise<string> => c.waitForLine(() => true);

describe('one host per data folder', () => {
  it('a second host is refused and told which process holds the folder; the lock is free once the first closes', () => {
    const dir = tempDir();
    const gate = openAppGate(
      { dataDir: dir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' },
      () => undefined,
    );
    cleanups.push(() => gate.close());
    expect(gate.report()).toMatchObject({ status: 'created', running: true });
    const second = openAppGate(
      { dataDir: dir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'electron', appVersion: '0.0.0-test' },
      () => undefined,
    );
    expect(second.report()).toMatchObject({
      status: 'locked',
      running: false,
      holder: { pid: process.pid, host: 'web', hostname: os.hostname() },
      canRestore: false,
    });
    expect(second.report().message).toMatch(
      /^The folder .* is in use by ISCM Assessment in a browser \(npm run start:web\) \(process \d+ on .*, started .*\)\. Nothing was changed\. Close it \(or, if it no longer responds, end that process\), then try again\.$/,
    );
  });

  it('a killed holder leaves no stale lock: the next host starts at once, and the dead holder named beside the lock is ignored', async () => {
    const dir = tempDir();
    const holder = child(['lock', dir]);
    expect(await firstLine(holder)).toBe('locked');
    const refused = lockFolder(dir, { host: 'web' });
    expect(refused).toMatchObject({ ok: false, reason: 'held', holder: { pid: holder.process.pid, host: 'cli' } });
    holder.process.kill('SIGKILL');
    await holder.exited;
    // The killed holder's name is still beside the lock file: it names a dead process, and the kernel freed the lock.
    expect(JSON.parse(fs.readFileSync(path.join(dir, HOLDER_FILE), 'utf8'))).toMatchObject({ pid: holder.process.pid });
    const taken = lockFolder(dir, { host: 'web' });
    expect(taken.ok).toBe(true);
    if (taken.ok) {
      expect(JSON.parse(fs.readFileSync(path.join(dir, HOLDER_FILE), 'utf8'))).toMatchObject({
        pid: process.pid,
        host: 'web',
      });
      taken.lock.release();
    }
  });

  it('a lock its holder no longer refers to still holds after a garbage collection (it is released only on purpose or at exit)', async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['--expose-gc', starter, 'lock', dir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    cleanups.push(() => {
      holder.kill('SIGKILL');
    });
    const said = await new Promise<string>((resolve) => {
      let out = '';
      holder.stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
        if (out.includes('collected\n') || out.includes('no gc\n')) resolve(out);
      });
    });
    expect(said).toBe('locked\ncollected\n');
    expect(lockFolder(dir, { host: 'web' })).toMatchObject({ ok: false, reason: 'held', holder: { pid: holder.pid } });
  });

  it('the iscm command refuses an iom.db whose folder the web host holds, naming it; and a host refuses a folder the command holds', async () => {
    const dir = tempDir();
    const gate = openAppGate(
      { dataDir: dir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' },
      () => undefined,
    );
    cleanups.push(() => gate.close());
    // The desktop's IOM workspace made iom.db in the data folder.
    await gate.handlers.iom.listQuarantine({});
    const bin = path.join(PROJECT_ROOT, 'cli', 'bin', 'iscm.mjs');
    const result = spawnSync(process.execPath, [bin, 'status', '--db', path.join(dir, 'iom.db')], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: The folder ${dir} is in use by ISCM Assessment in a browser \\(npm run start:web\\) \\(process ${process.pid} `,
      ),
    );
    await gate.close();

    const cli = child(['lock', dir]);
    expect(await firstLine(cli)).toBe('locked');
    const refused = openAppGate(
      { dataDir: dir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'electron', appVersion: '0.0.0-test' },
      () => undefined,
    );
    expect(refused.report()).toMatchObject({ status: 'locked', holder: { pid: cli.process.pid, host: 'cli' } });
  });

  it(`two hosts started at once on one folder, ${ROUNDS} times: one runs, one refuses naming it, the database intact`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dir = tempDir();
      const pair = [child(['host', dir, QUESTIONNAIRES_DIR]), child(['host', dir, QUESTIONNAIRES_DIR])];
      const lines = await Promise.all(pair.map(firstLine));
      const runningAt = lines.findIndex((l) => l.startsWith('running '));
      const running = pair[runningAt];
      const other = lines[1 - runningAt] ?? '';
      expect(runningAt, `round ${round}: ${lines.join(' | ')}`).toBeGreaterThanOrEqual(0);
      expect(other, `round ${round}`).toBe(`refused locked ${String(running?.process.pid)}`);
      outcomes.push(other.split(' ').slice(0, 2).join(' '));
      // The refused host exits; the running one saves, then closes cleanly.
      const saved = await running?.waitForLine((l) => l.startsWith('saved '));
      running?.process.stdin.write('stop\n');
      await running?.waitForLine((l) => l === 'closed');
      for (const c of pair) await c.exited;
      const db = new Database(path.join(dir, 'iscm.db'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('user_version', { simple: true })).toBe(appMigrations.length);
      expect(db.prepare('SELECT id FROM drafts').pluck().all()).toEqual([saved?.split(' ')[1]]);
      db.close();
    }
    expect(outcomes).toEqual(Array.from({ length: ROUNDS }, () => 'refused locked'));
  }, 1_200_000);

  it('without the folder lock, two processes opening one new database at once run each migration once (20 times)', async () => {
    for (let round = 0; round < 20; round++) {
      const file = path.join(tempDir(), 'iscm.db');
      const pair = [child(['migrate', file]), child(['migrate', file])];
      const lines = await Promise.all(pair.map(firstLine));
      expect(lines, `round ${round}`).toEqual([`opened ${appMigrations.length}`, `opened ${appMigrations.length}`]);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
  }, 300_000);
});
