import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_PAYLOAD_BYTES, type Result } from '../core/contract/errors.js';
import type { Dispatch } from '../core/contract/dispatch.js';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp.js';
import type { EventBus } from '../main/services/event-bus.js';
import { contentTypeOf, resolveStaticPath } from '../main/services/static-files.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { TOKEN_HEADER, checkApiRequest, checkPageRequest, type GuardFailure } from './request-guard.js';
import { UPLOAD_PATH, handleAttachmentUpload, type AttachmentUploads } from './upload.js';
import { RELEASE_UPLOAD_PATH, handleReleaseUpload, type ReleaseUploads } from './release-upload.js';
import {
  attachmentRoute,
  DOWNLOAD_PATHS,
  exportRoute,
  savedFileRoute,
  type AttachmentDownloads,
  type ExportDownloads,
  type SavedFileDownloads,
} from './download-routes.js';
import { serveDownload, type DownloadRoute } from './serve-download.js';

export interface WebHostOptions {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** The built renderer (`dist/renderer`). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Receives the files the web client uploads for `attachments.pick` (absent: uploads are refused). */
  readonly uploads?: AttachmentUploads;
  /** Receives the questionnaire release files the web client uploads for `releases.pick`. */
  readonly releaseUploads?: ReleaseUploads;
  /** Serves exported packages to the web client (absent: downloads are refused). */
  readonly exportDownloads?: ExportDownloads;
  /** Serves imported submissions' attachments to the web client (absent: refused). */
  readonly attachmentDownloads?: AttachmentDownloads;
  /** Serves the files the app saved for the user this session (key cards, summaries; absent: refused). */
  readonly savedFileDownloads?: SavedFileDownloads;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly close: () => Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const refuse = (res: ServerResponse, f: GuardFailure): void =>
  sendJson(res, f.status, { ok: false, error: { code: f.code, message: f.message } });

/** The page, with this start's token and the fetch client added: our page is the only one that learns the token. */
function indexHtml(staticDir: string, token: string): string {
  const html = fs.readFileSync(`${staticDir}/index.html`, 'utf8');
  const head = `<meta name="iscm-token" content="${token}"><script type="module" src="./web-client.js"></script>`;
  return html.replace('<head>', `<head>${head}`);
}

/**
 * The web host: serves the built renderer and the contract as `POST /api/<channel>`
 * on 127.0.0.1 only, for use in a browser and for end-to-end tests.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(32).toString('hex');
  let port = 0;
  // Each download route with the services that find its files, when this host has them.
  const downloadsOf = {
    export: options.exportDownloads && exportRoute(options.exportDownloads),
    attachment: options.attachmentDownloads && attachmentRoute(options.attachmentDownloads),
    saved: options.savedFileDownloads && savedFileRoute(options.savedFileDownloads),
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, channelName: string): Promise<void> {
    const refused = checkApiRequest(req, port, token);
    if (refused) {
      refuse(res, refused);
      return;
    }
    if (channelName === 'events' && req.method === 'GET') {
      streamEvents(res);
      return;
    }
    if (req.method !== 'POST') {
      refuse(res, { status: 405, code: 'INVALID_INPUT', message: 'Use POST.' });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, MAX_PAYLOAD_BYTES);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.setHeader('Connection', 'close');
        {
          refuse(res, { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request is larger than 1 MiB.' });
          return;
        }
      }
      throw error;
    }
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      {
        refuse(res, { status: 400, code: 'INVALID_INPUT', message: 'The request body is not JSON.' });
        return;
      }
    }
    const result = await options.dispatch(channelName, input);
    sendJson(res, result.ok ? 200 : result.error.code === 'UNKNOWN_CHANNEL' ? 404 : 200, result);
  }

  async function handleUpload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = checkApiRequest(req, port, token);
    if (refused || !options.uploads) {
      res.setHeader('Connection', 'close');
      refuse(res, refused ?? { status: 404, code: 'NOT_SUPPORTED', message: 'This host does not take uploads.' });
      return;
    }
    await handleAttachmentUpload(req, res, options.uploads, sendJson);
  }

  async function handleRelease(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = checkApiRequest(req, port, token);
    if (refused || !options.releaseUploads) {
      res.setHeader('Connection', 'close');
      refuse(res, refused ?? { status: 404, code: 'NOT_SUPPORTED', message: 'This host does not take release files.' });
      return;
    }
    await handleReleaseUpload(req, res, options.releaseUploads, sendJson);
  }

  /** A download is an API call: this computer, our host name, our origin, this start's token. */
  async function handleDownload<Query>(req: IncomingMessage, res: ServerResponse, route: DownloadRoute<Query> | undefined, missing: string): Promise<void> {
    const refused = checkApiRequest(req, port, token);
    if (refused || !route) {
      refuse(res, refused ?? { status: 404, code: 'NOT_SUPPORTED', message: missing });
      return;
    }
    await serveDownload(req, res, route, sendJson, SECURITY_HEADERS);
  }

  function streamEvents(res: ServerResponse): void {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream' });
    res.write(': connected\n\n');
    const unsubscribe = options.events.subscribe((event, payload) => {
      res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    res.on('close', unsubscribe);
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    const refused = checkPageRequest(req, port);
    if (refused) {
      res.writeHead(refused.status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end(refused.message);
      return;
    }
    const file = resolveStaticPath(options.staticDir, pathname);
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const isIndex = file === resolveStaticPath(options.staticDir, '/index.html');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) });
    if (isIndex) res.end(indexHtml(options.staticDir, token));
    else fs.createReadStream(file).pipe(res);
  }

  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const api = /^\/api\/(.+)$/.exec(pathname);
    const work =
      pathname === UPLOAD_PATH
        ? handleUpload(req, res)
        : pathname === RELEASE_UPLOAD_PATH
        ? handleRelease(req, res)
        : pathname === DOWNLOAD_PATHS.attachment
        ? handleDownload(req, res, downloadsOf.attachment, 'This host does not serve attachments.')
        : pathname === DOWNLOAD_PATHS.saved
        ? handleDownload(req, res, downloadsOf.saved, 'This host does not serve saved files.')
        : pathname === DOWNLOAD_PATHS.export
        ? handleDownload(req, res, downloadsOf.export, 'This host does not serve downloads.')
        : api?.[1] !== undefined
        ? handleApi(req, res, api[1])
        : Promise.resolve().then(() => {
            handleStatic(req, res, pathname);
          });
    work.catch(() => {
      if (!res.headersSent)
        refuse(res, { status: 500, code: 'INTERNAL', message: 'The web host failed on this request.' });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export { TOKEN_HEADER };
