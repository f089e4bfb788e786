import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startAppWebHost, type AppWebHost } from '../../web/app-web-host.js';
import { TOKEN_HEADER, type WebHost } from '../../web/server.js';

/** The real app behind the real web host, on a fresh data folder, with a blank page for its static files. */
export async function startTestAppHost(dataDir: string, staticDir: string, questionnairesDir: string): Promise<AppWebHost> {
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  return startAppWebHost({ dataDir, staticDir, appVersion: '0.0.0-test', questionnairesDir });
}

/** Calls a channel through the host's API with its token; a refusal throws with the host's words. */
export const apiCaller =
  (host: WebHost) =>
  async <T>(channel: string, input: unknown): Promise<T> => {
    const response = await fetch(`${host.url}api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
    if (!body.ok) throw new Error(`${channel}: ${body.error?.message ?? ''}`);
    return body.value;
  };

export interface RawResponse {
  readonly status: number;
  readonly body: Buffer;
  readonly headers: http.IncomingHttpHeaders;
}

/** A request (GET unless told) of `pathAndQuery` exactly as given: fetch would normalise `..` in it and add an origin and headers. */
export function rawGet(port: number, pathAndQuery: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: pathAndQuery, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
