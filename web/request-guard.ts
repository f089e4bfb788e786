import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../core/contract/errors.js';
import { TOKEN_HEADER } from '../core/contract/transport.js';

export { TOKEN_HEADER };
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export interface GuardFailure {
  readonly status: number;
  readonly code: ErrorCode;
  readonly message: string;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type GuardedRequest = Pick<IncomingMessage, 'headers'> & { socket: { remoteAddress?: string | undefined } };

const ownHosts = (port: number): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

/**
 * Whether a request may have a page or a file of the app: it must come from this
 * computer and name our own host. The page carries the session's token, so a DNS
 * rebinding page (another name pointing at 127.0.0.1) must not get it either.
 */
export function checkPageRequest(req: GuardedRequest, port: number): GuardFailure | undefined {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
    return { status: 403, code: 'UNAUTHORIZED', message: 'Only this computer may use the app.' };
  }
  if (!ownHosts(port).includes(req.headers.host ?? '')) {
    return { status: 403, code: 'UNAUTHORIZED', message: 'The request names another host.' };
  }
  return undefined;
}

/**
 * Decides whether a request may reach the API. The web host listens on 127.0.0.1
 * only, but a web page in the user's browser can still send requests there: the
 * Host check stops DNS rebinding, the Origin check stops cross-site requests, and
 * the per-start token (given only to our own page) stops everything else.
 */
export function checkApiRequest(req: GuardedRequest, port: number, token: string): GuardFailure | undefined {
  const refused = checkPageRequest(req, port);
  if (refused) return refused;
  const allowedHosts = ownHosts(port);
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) {
    return { status: 403, code: 'UNAUTHORIZED', message: 'The request comes from another site.' };
  }
  const given = req.headers[TOKEN_HEADER];
  if (typeof given !== 'string' || !sameToken(given, token)) {
    return { status: 401, code: 'UNAUTHORIZED', message: 'The request lacks this session’s token. Reload the page.' };
  }
  return undefined;
}
