import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppWebHost } from '../../../web/app-web-host.js';
import { TOKEN_HEADER } from '../../../web/server.js';
import { dispositionName } from '../../../web/client/disposition-name.js';
import { apiCaller, rawGet, startTestAppHost } from '../../helpers/web-host-kit.js';
import { DEV_IDENTITY_FILE, makePackage, makeSigner, type MadePackage } from '../import/package-kit.js';
import { tempDir } from '../import/iom-kit.js';
import { QUESTIONNAIRES_DIR } from '../import/response-kit.js';

/** The web host's download of an imported attachment: the real app behind the real host, packages imported through the API. */
const REPORT = Buffer.from('%PDF-1.4\n<script>alert(1)</script> a report\n');
const OTHER = Buffer.from('%PDF-1.4 another respondent’s report\n');
const hashOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let app: AppWebHost;
let dataDir: string;
let report: MadePackage;
let other: MadePackage;

const call = <T>(channel: string, input: unknown): Promise<T> => apiCaller(app.host)<T>(channel, input);

/** A GET exactly as given. */
const get = (query: string, headers: Record<string, string>) => rawGet(app.host.port, `/download/attachment?${query}`, headers);

const q = (submission: string, file: string): string => new URLSearchParams({ submission, file }).toString();
const codeOf = (body: Buffer): string => (JSON.parse(body.toString('utf8')) as { error: { code: string } }).error.code;
const token = (): Record<string, string> => ({ [TOKEN_HEADER]: app.host.token });

beforeAll(async () => {
  dataDir = tempDir();
  app = await startTestAppHost(dataDir, tempDir(), QUESTIONNAIRES_DIR);
  const inbox = tempDir();
  report = await makePackage({ dir: inbox, signer: makeSigner(), attachments: [REPORT], attachmentNames: ['Rapport "final"\u202E été.pdf'] });
  other = await makePackage({ dir: inbox, signer: makeSigner('Other'), mechanismIndex: 4, attachments: [OTHER] });
  await call('iom.useIdentity', { path: DEV_IDENTITY_FILE });
  const { operationId } = await call<{ operationId: string }>('iom.startImport', { paths: [report.path, other.path] });
  for (;;) {
    const p = await call<{ finished: boolean; counts: { imported: number } }>('iom.importProgress', { operationId });
    if (p.finished) {
      expect(p.counts.imported).toBe(2);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}, 60_000);
afterAll(async () => {
  await app.close();
});

describe('the web host’s download of an imported attachment', () => {
  it('sends the bytes imported, as a download under the safe name, never to be rendered or sniffed', async () => {
    const ok = await get(q(report.submissionId, hashOf(REPORT)), token());
    expect(ok.status).toBe(200);
    expect(ok.body.equals(REPORT)).toBe(true);
    expect(ok.headers['content-type']).toBe('application/octet-stream');
    expect(ok.headers['x-content-type-options']).toBe('nosniff');
    expect(ok.headers['content-security-policy']).toBeDefined();
    expect(ok.headers['content-length']).toBe(String(REPORT.length));
    const disposition = ok.headers['content-disposition'] ?? '';
    expect(disposition).toMatch(/^attachment; filename="Rapport _final_ _t_.pdf"; filename\*=UTF-8''/);
    // The quotes Windows refuses became _, the override is gone, the accents travel in filename*.
    expect(dispositionName(disposition)).toBe('Rapport _final_ été.pdf');
  });

  it('refuses a request without this start’s token, or from another site', async () => {
    const query = q(report.submissionId, hashOf(REPORT));
    const none = await get(query, {});
    expect([none.status, codeOf(none.body)]).toEqual([401, 'UNAUTHORIZED']);
    const foreign = await get(query, { ...token(), origin: 'http://evil.example' });
    expect([foreign.status, codeOf(foreign.body)]).toEqual([403, 'UNAUTHORIZED']);
  });

  it('refuses a name or a path in place of a hash, and anything the revision does not record', async () => {
    for (const file of ['../iom.db', '..%2Fiom.db', '/etc/passwd', 'Rapport.pdf']) {
      const refused = await get(`submission=${report.submissionId}&file=${file}`, token());
      expect([file, refused.status, codeOf(refused.body)]).toEqual([file, 400, 'INVALID_INPUT']);
    }
    const extra = await get(`${q(report.submissionId, hashOf(REPORT))}&path=/etc/passwd`, token());
    expect(extra.status).toBe(400);
    const unknown = await get(q(report.submissionId, 'f'.repeat(64)), token());
    expect([unknown.status, codeOf(unknown.body)]).toEqual([404, 'NOT_FOUND']);
    const foreign = await get(q(report.submissionId, hashOf(OTHER)), token());
    expect([foreign.status, codeOf(foreign.body)]).toEqual([404, 'NOT_FOUND']);
    const post = (await rawGet(app.host.port, `/download/attachment?${q(report.submissionId, hashOf(REPORT))}`, token(), 'POST')).status;
    expect(post).toBe(405);
  });

  it('sends nothing of a stored copy that changed since it was imported', async () => {
    const stored = path.join(dataDir, 'iom-media', hashOf(OTHER));
    const original = fs.readFileSync(stored);
    try {
      fs.writeFileSync(stored, Buffer.alloc(original.length, 0x20));
      const changed = await get(q(other.submissionId, hashOf(OTHER)), token());
      expect([changed.status, codeOf(changed.body)]).toEqual([409, 'CONFLICT']);
    } finally {
      fs.writeFileSync(stored, original);
    }
    expect((await get(q(other.submissionId, hashOf(OTHER)), token())).body.equals(OTHER)).toBe(true);
  });
});
