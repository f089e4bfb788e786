import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppWebHost } from '../../../web/app-web-host.js';
import { TOKEN_HEADER } from '../../../web/server.js';
import { apiCaller, rawGet, startTestAppHost } from '../../helpers/web-host-kit.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from '../submissions/full-answers.js';
import { QUESTIONNAIRES_DIR, today } from '../submissions/harness.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'a passphrase for the download test';
let app: AppWebHost | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The real secretariat app behind the real web host, with revision 1 finalized and exported in one step. */
async function exported() {
  const dataDir = tempDir();
  app = await startTestAppHost(dataDir, tempDir(), QUESTIONNAIRES_DIR);
  const host = app.host;
  const call = apiCaller(host);
  const { identity } = await call<{ identity: { id: string } }>('identities.create', {
    name: 'Amina Diallo',
    title: 'Head of Office',
    organisation: 'Bali Process RSO',
    mechanism: 'bali_process',
    email: '',
    passphrase: PASSPHRASE,
  });
  const draft = await call<{ id: string }>('drafts.create', { title: 'Bali 2026', respondentKind: 'secretariat', mechanism: 'bali_process', language: 'en' });
  for (const [p, value] of Object.entries(fullSecretariatAnswers({ today: today() }))) await call('answers.save', { draftId: draft.id, path: p, value });
  const out = await call<{ submission: { id: string }; exported: { path: string; size: number } }>('submissions.finalizeAndExport', {
    draftId: draft.id,
    identityId: identity.id,
    passphrase: PASSPHRASE,
    declaration: true,
    operationId: 'op-download-1',
  });
  return { host, dataDir, id: out.submission.id, file: out.exported.path, size: out.exported.size };
}

/** A GET of the download endpoint, exactly as given. */
const get = (port: number, query: Record<string, string>, headers: Record<string, string>) =>
  rawGet(port, `/download/export?${new URLSearchParams(query).toString()}`, headers);

const codeOf = (body: Buffer): string => (JSON.parse(body.toString('utf8')) as { error: { code: string } }).error.code;

describe('the web host’s download of an exported file', () => {
  it('serves the exported package, byte for byte, under its name, to the page holding the token', async () => {
    const { host, id, file, size } = await exported();
    expect(path.basename(file)).toBe('bali_process-secretariat-r1.iscm');
    const ok = await get(host.port, { id, path: file }, { [TOKEN_HEADER]: host.token });
    expect(ok.status).toBe(200);
    expect(ok.body.equals(fs.readFileSync(file))).toBe(true);
    expect(ok.body.length).toBe(size);
    expect(ok.headers['content-disposition']).toContain('filename="bali_process-secretariat-r1.iscm"');
    expect(ok.headers['content-type']).toBe('application/octet-stream');
  });

  it('refuses without the token, with a wrong token, and from another site', async () => {
    const { host, id, file } = await exported();
    expect((await get(host.port, { id, path: file }, {})).status).toBe(401);
    expect((await get(host.port, { id, path: file }, { [TOKEN_HEADER]: 'f'.repeat(64) })).status).toBe(401);
    const foreign = await get(host.port, { id, path: file }, { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('serves only files the app exported: never another file, a traversal, a file dropped in the folder or a swapped link', async () => {
    const { host, dataDir, id, file } = await exported();
    const token = { [TOKEN_HEADER]: host.token };
    const exportsDir = path.dirname(file);
    // The database, named directly and through `..` from the exports folder.
    for (const other of [path.join(dataDir, 'app.db'), `${exportsDir}/../app.db`, '../../../../etc/passwd', `${file}/../../app.db`]) {
      const refused = await get(host.port, { id, path: other }, token);
      expect(refused.status, other).toBe(404);
      expect(codeOf(refused.body)).toBe('NOT_FOUND');
    }
    // A file put in the exports folder by someone else was never exported.
    const dropped = path.join(exportsDir, 'dropped.iscm');
    fs.writeFileSync(dropped, 'not exported by the app');
    expect((await get(host.port, { id, path: dropped }, token)).status).toBe(404);
    // Another revision id, and input that is not an id at all.
    expect((await get(host.port, { id: '00000000-0000-4000-8000-000000000000', path: file }, token)).status).toBe(404);
    expect((await get(host.port, { id: 'nope', path: file }, token)).status).toBe(400);
    // The recorded file changed size: refused, not served.
    const original = fs.readFileSync(file);
    fs.appendFileSync(file, 'tampered');
    const changed = await get(host.port, { id, path: file }, token);
    expect(changed.status).toBe(409);
    expect(codeOf(changed.body)).toBe('CONFLICT');
    // The recorded path replaced by a link to the database: not a regular file, refused.
    fs.rmSync(file);
    fs.symlinkSync(path.join(dataDir, 'app.db'), file);
    expect((await get(host.port, { id, path: file }, token)).status).toBe(404);
    fs.rmSync(file);
    fs.writeFileSync(file, original);
    expect((await get(host.port, { id, path: file }, token)).status).toBe(200);
  });

  it('main refuses downloadExport (the web client answers it itself) and showExport where there is no file manager', async () => {
    const { host, id, file } = await exported();
    const response = await fetch(`${host.url}api/submissions.downloadExport`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ id, path: file }),
    });
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    // Show in folder needs a file manager, which the web host does not have.
    const show = await fetch(`${host.url}api/submissions.showExport`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token },
      body: JSON.stringify({ id, path: file }),
    });
    expect(await show.json()).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });
});
