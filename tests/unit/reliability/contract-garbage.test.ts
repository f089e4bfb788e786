import fs from 'node:fs';
import os from 'node:os';
import fc from 'fast-check';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import { contractErrorSchema, type Result } from '../../../core/contract/errors.js';
import { lookupChannel } from '../../../core/contract/index.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { handleIpcCall } from '../../../main/shell/ipc.js';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../web/server.js';
import { NEW_DRAFT, startTestApp, type TestApp } from './harness/app.js';
import { dumpDatabase, garbageCall } from './harness/garbage.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Some channels take local paths (IOM import and export): a relative one generated here must land in
// an empty folder of ours, never in the project, and that folder must stay empty.
const projectCwd = process.cwd();
const emptyCwd = fs.mkdtempSync(path.join(os.tmpdir(), 'iscm-garbage-cwd-'));
beforeAll(() => process.chdir(emptyCwd));
afterAll(() => {
  process.chdir(projectCwd);
  const left = fs.readdirSync(emptyCwd);
  fs.rmSync(emptyCwd, { recursive: true, force: true });
  expect(left, 'a call wrote into the working folder').toEqual([]);
});

/** Real services with some data in them, so garbage can reach real rows. */
async function appWithData(): Promise<{ app: TestApp; ids: string[]; dataDir: string }> {
  const dataDir = tempDir();
  const app = startTestApp(dataDir);
  cleanups.push(() => app.services.close());
  const draft = await app.call<DraftSummary>('drafts.create', NEW_DRAFT);
  await app.call('answers.save', { draftId: draft.id, path: 'respondent_name', value: 'Amina' });
  const trashed = await app.call<DraftSummary>('drafts.create', { ...NEW_DRAFT, title: 'In the trash' });
  await app.call('drafts.delete', { id: trashed.id });
  return { app, ids: [draft.id, trashed.id], dataDir };
}

/** A result is either `{ ok: true, value }` valid for the channel, or `{ ok: false, error }` with a contract error other than INTERNAL. */
function checkResult(name: string, result: unknown): Result<unknown> {
  const r = result as Result<unknown>;
  expect(typeof r.ok, name).toBe('boolean');
  if (r.ok) {
    const def = lookupChannel(name);
    expect(def, `ok from unknown channel ${name}`).toBeDefined();
    expect(def?.output.safeParse(r.value).success, name).toBe(true);
  } else {
    expect(contractErrorSchema.safeParse(r.error).success, JSON.stringify(r.error)).toBe(true);
    // INTERNAL means a handler threw something unexpected: a bug garbage should never find.
    expect(r.error.code, `${name}: ${r.error.message}`).not.toBe('INTERNAL');
  }
  return r;
}

/** Files under the data folder with their sizes (backups and exports are allowed only for accepted calls). */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => !f.endsWith('app.log'))
    .map((f) => `${f}:${fs.statSync(path.join(dir, f)).isFile() ? fs.statSync(path.join(dir, f)).size : 'dir'}`)
    .sort();
}

function neverPolluted(): void {
  const probe: Record<string, unknown> = {};
  expect(probe.polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
}

describe('promise 6: garbage to every channel never escapes and never writes', () => {
  it('through the dispatcher (what the IPC binding calls), and through the IPC handler itself', async () => {
    const { app, ids, dataDir } = await appWithData();
    const ipcEvent = { senderFrame: { url: 'app://iscm/index.html', parent: null } };
    const codes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(garbageCall(ids), fc.boolean(), async ([name, input], viaIpc) => {
        const before = dumpDatabase(app.services.db);
        const files = listing(dataDir);
        let raw: unknown;
        try {
          raw = viaIpc ? await handleIpcCall(app.dispatch, ipcEvent, name, input) : await app.dispatch(name, input);
        } catch (error) {
          throw new Error(`an exception escaped ${name}: ${String(error)}`);
        }
        const result = checkResult(name, raw);
        codes.add(result.ok ? 'ok' : result.error.code);
        if (!result.ok) {
          expect(dumpDatabase(app.services.db), `${name} was rejected but wrote`).toBe(before);
          expect(listing(dataDir), `${name} was rejected but wrote a file`).toEqual(files);
        }
        neverPolluted();
      }),
      { numRuns: 400 },
    );
    // Not vacuous: garbage got past validation into real handlers, and some of it was accepted.
    expect([...codes]).toEqual(expect.arrayContaining(['ok', 'INVALID_INPUT', 'UNKNOWN_CHANNEL', 'NOT_FOUND']));
  });

  it('over real HTTP to the web host', async () => {
    const { app, ids, dataDir } = await appWithData();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const codes = new Set<string>();
    const host: WebHost = await startWebHost({ dispatch: app.dispatch, events: createEventBus(), staticDir, uploads: app.services.attachments });
    cleanups.push(() => host.close());
    const call = fc.oneof(
      { weight: 5, arbitrary: garbageCall(ids).map(([n, v]) => [n, v === undefined ? undefined : JSON.stringify(v)] as const) },
      { weight: 1, arbitrary: fc.tuple(garbageCall(ids).map(([n]) => n), fc.string({ unit: 'binary', maxLength: 300 })) },
    );
    await fc.assert(
      fc.asyncProperty(call, async ([name, text]) => {
        const before = dumpDatabase(app.services.db);
        const files = listing(dataDir);
        const url = new URL(`api/${encodeURIComponent(name)}`, host.url);
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
          ...(text === undefined ? {} : { body: text }),
        });
        if (!/^\/api\/.+/.test(url.pathname)) {
          // A name like "." or ".." is normalised out of the URL: the request is for a page, not the API.
          expect(response.headers.get('content-type') ?? '').not.toContain('json');
          expect(dumpDatabase(app.services.db)).toBe(before);
          return;
        }
        if (name.length > 16_000) {
          // Node's HTTP parser refuses an over-long request line before our code sees it.
          expect(response.status).toBe(431);
          expect(dumpDatabase(app.services.db)).toBe(before);
          return;
        }
        expect(response.status, name).not.toBe(500);
        const result = checkResult(name, await response.json());
        codes.add(result.ok ? 'ok' : result.error.code);
        if (!result.ok) {
          expect(dumpDatabase(app.services.db), `${name} was rejected but wrote`).toBe(before);
          expect(listing(dataDir), `${name} was rejected but wrote a file`).toEqual(files);
        }
      }),
      { numRuns: 150 },
    );
    expect([...codes]).toEqual(expect.arrayContaining(['ok', 'INVALID_INPUT', 'UNKNOWN_CHANNEL']));
  });

  it('garbage uploads to the web host’s attachment endpoint: an answer every time, nothing stored for a rejected one', async () => {
    const { app, ids, dataDir } = await appWithData();
    const staticDir = tempDir();
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    const host: WebHost = await startWebHost({ dispatch: app.dispatch, events: createEventBus(), staticDir, uploads: app.services.attachments });
    cleanups.push(() => host.close());
    const text = fc.oneof(fc.string({ maxLength: 50 }), fc.constantFrom(...ids, 'founding_document_file', '../../x.pdf', 'a.pdf', '-1', '1e9', 'NaN'));
    const query = fc.dictionary(fc.constantFrom('draftId', 'path', 'name', 'pending', '__proto__', 'x'), text, { maxKeys: 5 });
    await fc.assert(
      fc.asyncProperty(query, fc.uint8Array({ maxLength: 2000 }), async (params, body) => {
        const before = dumpDatabase(app.services.db);
        const files = listing(dataDir);
        const response = await fetch(`${host.url}upload/attachment?${new URLSearchParams(params).toString()}`, {
          method: 'POST',
          headers: { [TOKEN_HEADER]: host.token },
          body,
        });
        expect(response.status).not.toBe(500);
        const result = (await response.json()) as Result<{ file?: unknown; rejected?: unknown }>;
        const stored = result.ok && result.value.file !== undefined;
        if (!stored) {
          expect(dumpDatabase(app.services.db)).toBe(before);
          expect(listing(dataDir)).toEqual(files);
        }
        if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
      }),
      { numRuns: 80 },
    );
  });
});
