import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import { createEventBus } from '../../../main/services/event-bus.js';
import { checkApiRequest } from '../../../web/request-guard.js';
import { startWebHost, TOKEN_HEADER, type WebHost } from '../../../web/server.js';
import { recordingHandlers } from '../../helpers/recording-handlers.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function start(): Promise<{ host: WebHost; calls: string[] }> {
  const staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const { handlers, calls } = recordingHandlers();
  const host = await startWebHost({ dispatch: createDispatcher(handlers), events: createEventBus(), staticDir });
  cleanups.push(() => host.close());
  return { host, calls };
}

interface RawResponse {
  readonly status: number;
  readonly body: string;
}

/** An HTTP request with exactly these headers (fetch would not let us set Host), optionally from a given local address. */
function raw(
  options: { port: number; host?: string; localAddress?: string; path: string; method?: string; headers: Record<string, string> },
  body?: string | ((req: http.ClientRequest) => void),
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: options.host ?? '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'POST',
        headers: options.headers,
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
        setHost: false,
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}

/** This machine's first non-loopback IPv4 address, if it has one. */
function otherLocalAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i?.family === 'IPv4' && !i.internal)?.address;
}

describe('promise 8: the web host refuses foreign requests (real HTTP)', () => {
  it('refuses a real DNS-rebinding request: right token, right address, foreign Host header', async () => {
    const { host, calls } = await start();
    for (const badHost of [`rebind.example:${host.port}`, `127.0.0.1.evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', '']) {
      const r = await raw({ port: host.port, path: '/api/drafts.list', headers: { Host: badHost, [TOKEN_HEADER]: host.token } }, '{}');
      expect(r.status, badHost).toBe(403);
      expect(JSON.parse(r.body), badHost).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(calls).toEqual([]);
  });

  // A DNS-rebinding page must not even get index.html: the page carries the session's token.
  it('does not give the page (and its token) to a request with a foreign Host header', async () => {
    const { host } = await start();
    const r = await raw({ port: host.port, path: '/', method: 'GET', headers: { Host: `rebind.example:${host.port}` } });
    expect(r.status).toBe(403);
    expect(r.body).not.toContain(host.token);
    const own = await raw({ port: host.port, path: '/', method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(own.body).toContain(host.token);
  });

  it('refuses foreign Origins, including "null" (a sandboxed frame or a file:// page)', async () => {
    const { host, calls } = await start();
    for (const origin of ['null', 'https://evil.example', `http://127.0.0.1:${host.port}.evil.example`, `https://127.0.0.1:${host.port}`, `http://localhost:${host.port + 1}`]) {
      const r = await raw(
        { port: host.port, path: '/api/drafts.list', headers: { Host: `127.0.0.1:${host.port}`, Origin: origin, [TOKEN_HEADER]: host.token } },
        '{}',
      );
      expect(r.status, origin).toBe(403);
    }
    expect(calls).toEqual([]);
  });

  it('refuses the event stream without the token', async () => {
    const { host } = await start();
    const r = await raw({ port: host.port, path: '/api/events', method: 'GET', headers: { Host: `127.0.0.1:${host.port}` } });
    expect(r.status).toBe(401);
  });

  it('refuses a chunked body over 1 MiB that declares no length, without reaching a service', async () => {
    const { host, calls } = await start();
    const r = await raw(
      { port: host.port, path: '/api/drafts.create', headers: { Host: `127.0.0.1:${host.port}`, [TOKEN_HEADER]: host.token, 'Transfer-Encoding': 'chunked' } },
      (req) => {
        const chunk = 'x'.repeat(64 * 1024);
        for (let i = 0; i < 20; i++) req.write(chunk);
        req.end();
      },
    ).catch((error: unknown) => ({ status: -1, body: String(error) })); // the host may close the socket mid-upload
    expect([413, -1]).toContain(r.status);
    expect(calls).toEqual([]);
  });

  it('is not reachable on the machine’s other addresses (it listens on 127.0.0.1 only)', async (ctx) => {
    const address = otherLocalAddress();
    if (!address) {
      console.warn('skipped: this machine has no non-loopback IPv4 address');
      ctx.skip();
      return;
    }
    const { host } = await start();
    const refused = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: address, port: host.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('the guard refuses a real connection from a non-loopback address even with the token and a right Host', async (ctx) => {
    const address = otherLocalAddress();
    if (!address) {
      console.warn('skipped: this machine has no non-loopback IPv4 address');
      ctx.skip();
      return;
    }
    // The web host never listens there, so put the same guard behind a server that does.
    const token = 'a'.repeat(64);
    let port = 0;
    const server = http.createServer((req, res) => {
      const refused = checkApiRequest(req, port, token);
      res.writeHead(refused?.status ?? 200).end(refused?.code ?? 'passed');
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    port = (server.address() as net.AddressInfo).port;
    const r = await raw(
      { port, host: address, localAddress: address, path: '/api/drafts.list', headers: { Host: `127.0.0.1:${port}`, [TOKEN_HEADER]: token } },
      '{}',
    );
    expect(r).toEqual({ status: 403, body: 'UNAUTHORIZED' });
  });
});
