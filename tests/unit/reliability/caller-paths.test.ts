import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import type { ImportProgressView } from '../../../core/contract/channels/iom.js';
import type { Result } from '../../../core/contract/errors.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { startWebHost, TOKEN_HEADER } from '../../../web/server.js';
import { NEW_DRAFT, startTestApp, type TestApp } from './harness/app.js';
import { PROJECT_ROOT } from './harness/child-script.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The hostile paths of the issue: a FIFO, /dev/zero, a link to each, a 1 TiB sparse file, a folder. */
type HostileName = 'fifo' | '/dev/zero' | 'link to the fifo' | 'link to /dev/zero' | 'a 1 TiB sparse file' | 'folder';
function hostilePaths(dir: string): Record<HostileName, string> {
  const fifo = path.join(dir, 'pipe.iscm');
  execFileSync('mkfifo', [fifo]);
  const sparse = path.join(dir, 'huge.iscm');
  fs.closeSync(fs.openSync(sparse, 'w'));
  fs.truncateSync(sparse, 1024 ** 4);
  fs.symlinkSync(fifo, path.join(dir, 'link-to-pipe.iscm'));
  fs.symlinkSync('/dev/zero', path.join(dir, 'link-to-zero.iscm'));
  const folder = path.join(dir, 'folder');
  fs.mkdirSync(folder);
  return {
    fifo,
    '/dev/zero': '/dev/zero',
    'link to the fifo': path.join(dir, 'link-to-pipe.iscm'),
    'link to /dev/zero': path.join(dir, 'link-to-zero.iscm'),
    'a 1 TiB sparse file': sparse,
    folder,
  };
}

const EXPECTED: Readonly<Record<HostileName, RegExp>> = {
  fifo: /is a pipe \(FIFO\), not a file that can be read\.$/,
  '/dev/zero': /is a device \(such as \/dev\/zero\), not a file that can be read\.$/,
  'link to the fifo': /is a pipe \(FIFO\) \(the path is a symbolic link to it\), not a file that can be read\.$/,
  'link to /dev/zero':
    /is a device \(such as \/dev\/zero\) \(the path is a symbolic link to it\), not a file that can be read\.$/,
  'a 1 TiB sparse file': /is 1 TiB; at most 64 KiB is accepted\.$/,
  folder: /is a folder, not a file that can be read\.$/,
};

/**
 * Saves that must all be answered while the hostile call runs: the host is never blocked by it.
 * Each waits a turn of the event loop first, as a call arriving over IPC or HTTP would (saves
 * resolved in microtasks alone would starve the file system callbacks the other call waits on).
 */
async function savesMeanwhile(app: TestApp, draftId: string, count: number): Promise<number> {
  let acked = 0;
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    const result = await app.dispatch('answers.save', { draftId, path: 'respondent_name', value: `meanwhile ${i}` });
    if (result.ok) acked++;
  }
  return acked;
}

async function appWithDraft(): Promise<{ app: TestApp; draftId: string; outside: string }> {
  const app = startTestApp(tempDir());
  cleanups.push(() => app.services.close());
  const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
  return { app, draftId: draft.id, outside: tempDir() };
}

describe('paths from callers: refused or bounded, the host answering other calls meanwhile', () => {
  it('iom.importKeyCard and iom.useIdentity: each hostile path refused with what it is, 20 saves answered meanwhile', async () => {
    const { app, draftId, outside } = await appWithDraft();
    for (const [name, file] of Object.entries(hostilePaths(outside)) as [HostileName, string][]) {
      for (const channel of ['iom.importKeyCard', 'iom.useIdentity'] as const) {
        const input = channel === 'iom.importKeyCard' ? { path: file, kind: 'secretariat', actor: 'Test' } : { path: file };
        const [result, acked] = await Promise.all([app.dispatch(channel, input), savesMeanwhile(app, draftId, 20)]);
        expect(result, `${channel} ${name}`).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
        if (!result.ok) expect(result.error.message, `${channel} ${name}`).toMatch(EXPECTED[name]);
        expect(acked, `${channel} ${name}`).toBe(20);
      }
    }
    // Nothing was pinned, and no identity was taken.
    expect(await app.call('iom.listKeys', {})).toEqual({ signers: [], held: [] });
    expect(await app.call('iom.info', {})).toMatchObject({ recipient: null });
  });

  it('iom.startImport of each hostile path: every one rejected (none read), the batch ends, saves answered meanwhile', async () => {
    const { app, draftId, outside } = await appWithDraft();
    await app.call('iom.createIdentity', {});
    const paths = Object.values(hostilePaths(outside)).filter((p) => !p.endsWith('folder'));
    const { operationId } = await app.call<{ operationId: string }>('iom.startImport', { paths });
    let acked = 0;
    let progress: ImportProgressView;
    do {
      acked += await savesMeanwhile(app, draftId, 5);
      progress = await app.call<ImportProgressView>('iom.importProgress', { operationId });
    } while (!progress.finished);
    expect(progress.error).toBeNull();
    expect(progress.counts.rejected).toBe(paths.length);
    expect(progress.outcomes.map((o) => `${o.code} ${o.stage}`).sort()).toEqual(
      [
        'FILE_UNREADABLE file',
        'FILE_UNREADABLE file',
        'FILE_UNREADABLE file',
        'FILE_UNREADABLE file',
        'TOO_LARGE size',
      ].sort(),
    );
    // The quarantine names each file, with no hash for those that were never read.
    const quarantine = await app.call<{ filePath: string; sha256: string | null }[]>('iom.listQuarantine', {});
    expect(quarantine.map((q) => q.sha256)).toEqual(paths.map(() => null));
    expect(acked).toBeGreaterThan(0);
  });

  it('iom.startImport of a folder 40 deep: the walk stops at the limit with what to do, nothing imported', async () => {
    const { app, draftId, outside } = await appWithDraft();
    await app.call('iom.createIdentity', {});
    let dir = outside;
    for (let i = 0; i < 40; i++) dir = path.join(dir, `level-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'deep.iscm'), 'not a package');
    const { operationId } = await app.call<{ operationId: string }>('iom.startImport', { paths: [outside] });
    let progress: ImportProgressView;
    let acked = 0;
    do {
      acked += await savesMeanwhile(app, draftId, 2);
      progress = await app.call<ImportProgressView>('iom.importProgress', { operationId });
    } while (!progress.finished);
    expect(progress.error).toMatch(
      new RegExp(
        `^The folder ${outside} goes more than 16 folders deep \\(at .*level-16\\); nothing was imported\\. Choose the folder that holds the packages\\.$`,
      ),
    );
    expect(progress.counts).toEqual({ imported: 0, superseded: 0, duplicate: 0, conflict: 0, held: 0, rejected: 0 });
    expect(acked).toBeGreaterThan(0);
  });

  it('iom.export into a FIFO or a file: refused as not a folder, nothing written', async () => {
    const { app, outside } = await appWithDraft();
    const { fifo } = hostilePaths(outside);
    const file = path.join(outside, 'a-file');
    fs.writeFileSync(file, 'mine');
    for (const [outDir, kind] of [
      [fifo, 'a pipe (FIFO)'],
      [file, 'a file'],
    ] as const) {
      const result = await app.dispatch('iom.export', { format: 'csv', outDir, lang: 'en', allRevisions: false });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BAD_FILE', message: `The export folder ${outDir} is ${kind}, not a folder.` },
      });
    }
    expect(fs.readFileSync(file, 'utf8')).toBe('mine');
  });

  it('over real HTTP: the web host answers drafts.list while an import key card on a FIFO is refused', async () => {
    const { app, outside } = await appWithDraft();
    const { fifo } = hostilePaths(outside);
    const host = await startWebHost({
      dispatch: app.dispatch,
      events: createEventBus(),
      staticDir: path.join(PROJECT_ROOT, 'dist', 'renderer'),
    });
    cleanups.push(() => host.close());
    const post = async (channel: string, body: unknown): Promise<Result<unknown>> => {
      const response = await fetch(`${host.url}api/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Result<unknown>;
    };
    const [card, ...lists] = await Promise.all([
      post('iom.importKeyCard', { path: fifo, kind: 'secretariat', actor: 'Test' }),
      ...Array.from({ length: 10 }, () => post('drafts.list', {})),
    ]);
    expect(card).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    for (const list of lists) expect(list).toMatchObject({ ok: true });
  });
});

/** `iscm` as a real child process: a FIFO read with readFileSync would hang it, so each run has a deadline. */
function iscm(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  const bin = path.join(PROJECT_ROOT, 'cli', 'bin', 'iscm.mjs');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const deadline = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('exit', (code) => {
      clearTimeout(deadline);
      resolve({ code, stderr });
    });
  });
}

describe('paths on the iscm command line: refused at once with a message', () => {
  it('a FIFO or /dev/zero as the identity, the key card, the package, the questionnaire, the database or the export folder', async () => {
    const outside = tempDir();
    const { fifo } = hostilePaths(outside);
    const db = path.join(outside, 'iom.db');
    // Exit 1 for a refused file, 2 where the command treats an unusable identity as a usage error (verify).
    const runs: [string[], RegExp, number][] = [
      [
        ['import', path.join(outside, 'none.iscm'), '--db', db, '--identity', fifo],
        /The identity file .* is a pipe \(FIFO\)/,
        1,
      ],
      [
        ['import', path.join(outside, 'none.iscm'), '--db', db, '--identity', '/dev/zero'],
        /The identity file \/dev\/zero is a device/,
        1,
      ],
      [['verify', path.join(outside, 'none.iscm'), '--identity', fifo], /The identity file .* is a pipe \(FIFO\)/, 2],
      [['keys', 'import-card', fifo, '--db', db], /The key card .* is a pipe \(FIFO\)/, 1],
      [['keys', 'import-card', '/dev/zero', '--db', db], /The key card \/dev\/zero is a device/, 1],
      [['questionnaire', 'check', fifo], /The questionnaire file .* is a pipe \(FIFO\)/, 1],
      [['questionnaire', 'check', '/dev/zero'], /The questionnaire file \/dev\/zero is a device/, 1],
      [
        ['verify', fifo, '--identity', path.join(PROJECT_ROOT, 'tests', 'fixtures', 'keys', 'iom-dev-identity.txt')],
        /iscm verify: .*pipe\.iscm is a pipe \(FIFO\), not a package file\./,
        2,
      ],
      [
        ['export', '--db', db, '--format', 'csv', '--out', fifo],
        /The export folder .* is a pipe \(FIFO\), not a folder\./,
        1,
      ],
      [['status', '--db', fifo], /The import database .* is a pipe \(FIFO\), not a database file/, 1],
      [['status', '--db', '/dev/zero'], /The import database \/dev\/zero is a device/, 1],
    ];
    // Three at a time: each child starts tsx, which takes seconds of CPU on a busy machine.
    for (let i = 0; i < runs.length; i += 3) {
      const batch = runs.slice(i, i + 3);
      const results = await Promise.all(batch.map(([args]) => iscm(args)));
      results.forEach((result, j) => {
        const [args, message, code] = batch[j] ?? [[], /never/, 0];
        expect(result.code, `${args.join(' ')} (null: killed after 90 s, i.e. it hung)`).toBe(code);
        expect(result.stderr, args.join(' ')).toMatch(message);
      });
    }
  }, 600_000);
});
