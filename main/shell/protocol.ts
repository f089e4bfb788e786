import fs from 'node:fs';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../core/security/csp.js';
import { contentTypeOf, resolveStaticPath } from '../services/static-files.js';
import { APP_SCHEME, isAppOrigin, parseUrl } from './app-origin.js';

/**
 * `app:` is registered before the app is ready as standard (a real origin;
 * relative URLs resolve) and secure (a secure context, like https). Vite's
 * `<script type="module" crossorigin>` is fetched in CORS mode, which Chromium
 * allows only for fetch- and CORS-enabled schemes; that grants nothing to other
 * origins, because no response carries Access-Control-Allow-Origin, and the
 * request filter in security.ts lets no other origin load at all.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: true,
    stream: false,
    bypassCSP: false,
  },
};

/** Sent with every response, errors included, so no page of ours runs without the CSP. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

export type AppRequestDecision =
  | { readonly status: 200; readonly file: string; readonly contentType: string }
  | { readonly status: 403 | 404 | 405; readonly reason: string };

/**
 * Which file of `root` an `app://` request gets, or why it gets none. Only GET and
 * HEAD, only our host, only paths that stay inside `root` (resolveStaticPath
 * refuses `..`, encoded `..`, backslashes and NUL) and only files that exist.
 */
export function decideAppRequest(root: string, method: string, url: string): AppRequestDecision {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: 'method' };
  const parsed = parseUrl(url);
  if (!parsed || !isAppOrigin(url)) return { status: 403, reason: 'origin' };
  // The raw path, before URL normalisation resolves `..`: a traversal attempt is refused, not rewritten.
  const rawPath = rawPathOf(url);
  const file = resolveStaticPath(root, rawPath);
  if (!file) return { status: 403, reason: 'path' };
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(file);
  } catch {
    stat = undefined;
  }
  if (!stat?.isFile()) return { status: 404, reason: 'missing' };
  return { status: 200, file, contentType: contentTypeOf(file) };
}

/** The path part of the URL exactly as written (no query, no fragment). */
function rawPathOf(url: string): string {
  const afterScheme = url.slice(url.indexOf('://') + 3);
  const slash = afterScheme.indexOf('/');
  const rest = slash < 0 ? '/' : afterScheme.slice(slash);
  return rest.split(/[?#]/, 1)[0] ?? '/';
}

/** Serves `root` (the built renderer) on `app://`. Call once the app is ready. */
export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const decision = decideAppRequest(root, request.method, request.url);
    if (decision.status !== 200) {
      return new Response(null, { status: decision.status, headers: APP_RESPONSE_HEADERS });
    }
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(decision.file);
    return new Response(body, {
      status: 200,
      headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': decision.contentType },
    });
  });
}
