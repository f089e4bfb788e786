import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../../core/contract/channels/drafts.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../web/server.js';
import { useServices } from './service-fixture.js';

const start = useServices();
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function setup() {
  const s = start();
  host = await startWebHost({ dispatch: s.dispatch, events: createEventBus(), staticDir: s.tempDir(), uploads: s.services.attachments });
  const draft = await s.call<DraftSummary>('drafts.create', { title: 'GFMD', respondentKind: 'secretariat', mechanism: 'gfmd', language: 'en' });
  const store = path.join(s.dataDir, 'attachments');
  return { ...s, host, draftId: draft.id, store };
}

const url = (h: WebHost, q: Record<string, string>) => `${h.url}upload/attachment?${new URLSearchParams(q).toString()}`;

function upload(h: WebHost, q: Record<string, string>, body: string | Buffer, headers: Record<string, string> = { [TOKEN_HEADER]: h.token }) {
  return fetch(url(h, q), { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', ...headers }, body });
}

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('POST /upload/attachment (web host)', () => {
  it('streams the file into the store and answers like attachments.pick', async () => {
    const { host: h, draftId, store } = await setup();
    const res = await upload(h, { draftId, path: 'docs', name: 'Report.pdf' }, 'pdf bytes');
    const hash = createHash('sha256').update('pdf bytes').digest('hex');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: { file: { sha256: hash, name: 'Report.pdf', size: 9, mediaType: 'application/pdf' } } });
    expect(filesIn(store)).toEqual([hash]);
  });

  it('requires the token (and the same guards as the API) before reading anything', async () => {
    const { host: h, draftId, store } = await setup();
    const none = await upload(h, { draftId, path: 'docs', name: 'a.pdf' }, 'x', {});
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await upload(h, { draftId, path: 'docs', name: 'a.pdf' }, 'x', { [TOKEN_HEADER]: 'f'.repeat(64) });
    expect(wrong.status).toBe(401);
    const foreign = await upload(h, { draftId, path: 'docs', name: 'a.pdf' }, 'x', { [TOKEN_HEADER]: h.token, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(filesIn(store)).toEqual([]);
  });

  it('refuses a file over the question’s limit, declared or streamed, without leaving a temp file', async () => {
    const { host: h, draftId, store, services } = await setup();
    const declared = await upload(h, { draftId, path: 'docs', name: 'big.pdf' }, Buffer.alloc(2000, 1));
    expect(await declared.json()).toEqual({ ok: true, value: { rejected: { name: 'big.pdf', reason: 'big.pdf is larger than the 1 KB limit.', sizeLimit: 1024 } } });

    // Chunked, no length: refused once the stream passes the limit, before the client has even finished sending.
    const streamed = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(url(h, { draftId, path: 'docs', name: 'big.txt' }), { method: 'POST', headers: { [TOKEN_HEADER]: h.token } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(3000, 2));
    });
    // Its body is left unread, so the answer is 413 with the limit (a browser reads it; a dropped connection it would not).
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'big.txt is larger than the 1 KB limit.', details: { name: 'big.txt', sizeLimit: 1024 } },
    });
    expect(filesIn(store)).toEqual([]);
    expect(services.db.prepare('SELECT count(*) AS n FROM attachments').get()).toEqual({ n: 0 });
  });

  it('takes a hostile name only as a sanitised display name', async () => {
    const { host: h, draftId, store } = await setup();
    const res = await upload(h, { draftId, path: 'docs', name: '../../../etc/cron.d/x\u0000.txt' }, 'evil');
    expect(await res.json()).toMatchObject({ ok: true, value: { file: { name: 'x.txt' } } });
    const hash = createHash('sha256').update('evil').digest('hex');
    expect(filesIn(store)).toEqual([hash]);
    expect(fs.existsSync(path.join(store, '..', '..', 'etc'))).toBe(false);
  });

  it('checks type, emptiness, count (with the files already accepted in this pick) and the draft', async () => {
    const { host: h, draftId, services, call } = await setup();
    const reasons = async (q: Record<string, string>, body: string) => ((await (await upload(h, q, body)).json()) as { value: { rejected?: { reason: string } } }).value.rejected?.reason;
    expect(await reasons({ draftId, path: 'docs', name: 'a.exe' }, 'x')).toBe('a.exe is not an accepted type (accepted: .pdf, .txt).');
    expect(await reasons({ draftId, path: 'docs', name: 'a.pdf' }, '')).toBe('The file is empty.');
    expect(await reasons({ draftId, path: 'docs', name: 'c.pdf', pending: '2' }, 'x')).toBe('At most 2 files may be attached here.');
    const hash = createHash('sha256').update('x').digest('hex');
    services.db.prepare("INSERT INTO attachments VALUES (?, 1, 'application/pdf', 'x.pdf', 'now')").run(hash);
    const full = [1, 2].map((i) => ({ sha256: hash, name: `${i}.pdf`, size: 1, mediaType: 'application/pdf' }));
    await call('answers.save', { draftId, path: 'docs', value: full });
    expect(await (await upload(h, { draftId, path: 'docs', name: 'd.pdf' }, 'x')).json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'At most 2 files may be attached here.' },
    });
    const notAttachment = await (await upload(h, { draftId, path: 'name', name: 'a.pdf' }, 'x')).json();
    expect(notAttachment).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const badQuery = await upload(h, { draftId: 'nope', path: 'docs', name: 'a.pdf' }, 'x');
    expect(badQuery.status).toBe(400);
    services.db.prepare("UPDATE drafts SET status = 'finalized' WHERE id = ?").run(draftId);
    expect(await (await upload(h, { draftId, path: 'docs', name: 'a.pdf' }, 'x')).json()).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    const get = await fetch(url(h, { draftId, path: 'docs', name: 'a.pdf' }), { headers: { [TOKEN_HEADER]: h.token } });
    expect(get.status).toBe(400);
  });

  it('is refused when the host was started without uploads', async () => {
    const s = start();
    host = await startWebHost({ dispatch: s.dispatch, events: createEventBus(), staticDir: s.tempDir() });
    const res = await upload(host, { draftId: crypto.randomUUID(), path: 'docs', name: 'a.pdf' }, 'x');
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });
});
