import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../../core/contract/index.js';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../web/server.js';
import { checkApiRequest } from '../../../web/request-guard.js';
import { MALFORMED_INPUTS, recordingHandlers } from '../../helpers/recording-handlers.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { rawGet } from '../../helpers/web-host-kit.js';

const tempDir = useTempDirs();
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const parent = tempDir();
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the static folder');
  const staticDir = path.join(parent, 'static');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(staticDir, 'app.js'), 'export {};');
  const recording = recordingHandlers();
  host = await startWebHost({ dispatch: createDispatcher(recording.handlers), events: createEventBus(), staticDir });
  return { host, calls: recording.calls, staticDir };
}

function post(h: WebHost, channel: string, body: string | undefined, headers: Record<string, string> = {}) {
  return fetch(`${h.url}api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: h.token, ...headers },
    ...(body === undefined ? {} : { body }),
  });
}

describe('the web host API', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { host: h } = await start();
    expect(new URL(h.url).hostname).toBe('127.0.0.1');
  });

  it.each(channelNames)('rejects malformed input to %s with INVALID_INPUT, never reaching a service', async (name) => {
    const { host: h, calls } = await start();
    for (const input of MALFORMED_INPUTS) {
      const response = await post(h, name, input === undefined ? undefined : JSON.stringify(input));
      const body = (await response.json()) as { ok: boolean; error?: { code: string } };
      expect(body, JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(calls).toEqual([]);
  });

  it('refuses a body that is not JSON', async () => {
    const { host: h, calls } = await start();
    const response = await post(h, 'drafts.list', '{not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(calls).toEqual([]);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    const { host: h, calls } = await start();
    const response = await post(h, 'drafts.dropTable', '{}');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(calls).toEqual([]);
  });

  it('refuses a call without the token, or with a wrong one', async () => {
    const { host: h, calls } = await start();
    const none = await fetch(`${h.url}api/drafts.list`, { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const wrong = await post(h, 'drafts.list', '{}', { [TOKEN_HEADER]: 'f'.repeat(64) });
    expect(wrong.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a payload over 1 MiB with PAYLOAD_TOO_LARGE', async () => {
    const { host: h, calls } = await start();
    const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024) });
    const response = await post(h, 'drafts.create', big);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    expect(calls).toEqual([]);
  });

  it('refuses a foreign Origin (a web page calling the local API)', async () => {
    const { host: h, calls } = await start();
    const response = await post(h, 'drafts.list', '{}', { Origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { host: h } = await start();
    const guard = checkApiRequest(
      { headers: { host: `rebind.example:${h.port}`, [TOKEN_HEADER]: h.token }, socket: { remoteAddress: '127.0.0.1' } },
      h.port,
      h.token,
    );
    expect(guard).toMatchObject({ status: 403, code: 'UNAUTHORIZED' });
  });

  it('refuses a request from a non-loopback address', async () => {
    const { host: h } = await start();
    const guard = checkApiRequest(
      { headers: { host: `127.0.0.1:${h.port}`, [TOKEN_HEADER]: h.token }, socket: { remoteAddress: '192.168.1.20' } },
      h.port,
      h.token,
    );
    expect(guard).toMatchObject({ status: 403, code: 'UNAUTHORIZED' });
  });

  it('serves the page with its token and the CSP, and no file outside its folder', async () => {
    const { host: h } = await start();
    const page = await fetch(h.url);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain(`<meta name="iscm-token" content="${h.token}">`);
    for (const evil of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/%00index.html']) {
      const { status, body } = await rawGet(h.port, evil, {});
      expect(status, evil).toBe(404);
      expect(body.toString('utf8'), evil).not.toContain('outside the static folder');
    }
    expect((await rawGet(h.port, '/app.js', {})).status).toBe(200);
  });
});
