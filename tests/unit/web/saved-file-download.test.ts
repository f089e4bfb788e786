import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppWebHost } from '../../../web/app-web-host.js';
import { TOKEN_HEADER } from '../../../web/server.js';
import { dispositionName } from '../../../web/client/disposition-name.js';
import { apiCaller, rawGet, startTestAppHost } from '../../helpers/web-host-kit.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from '../submissions/full-answers.js';
import { AMINA, QUESTIONNAIRES_DIR, insertDraft, today } from '../submissions/harness.js';

const tempDir = useTempDirs();
let app: AppWebHost | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The real app behind the real web host; a key card and a summary saved through the API. */
async function saved() {
  const dataDir = tempDir();
  app = await startTestAppHost(dataDir, tempDir(), QUESTIONNAIRES_DIR);
  const { host, services } = app;
  const call = apiCaller(host);
  const { identity } = await call<{ identity: { id: string } }>('identities.create', AMINA);
  const draftId = insertDraft(services.db, fullSecretariatAnswers({ today: today() }));
  const submission = await call<{ id: string }>('submissions.finalize', { draftId, identityId: identity.id, passphrase: AMINA.passphrase, declaration: true });
  const card = await call<{ path: string; text: string }>('identities.exportCard', { id: identity.id });
  const summary = await call<{ path: string }>('submissions.saveSummaryHtml', { id: submission.id });
  return { host, dataDir, card: card.path, cardText: card.text, summary: summary.path, identityId: identity.id, call };
}

/** A GET of the saved-file endpoint, exactly as given. */
const get = (port: number, query: Record<string, string>, headers: Record<string, string>) =>
  rawGet(port, `/download/saved?${new URLSearchParams(query).toString()}`, headers);

const errorOf = (body: Buffer): { code: string; details?: { reason?: string } } =>
  (JSON.parse(body.toString('utf8')) as { error: { code: string; details?: { reason?: string } } }).error;

describe('the web host’s download of a saved key card or summary', () => {
  it('serves each, byte for byte, as a download under its own name', async () => {
    const { host, card, cardText, summary } = await saved();
    const token = { [TOKEN_HEADER]: host.token };
    const gotCard = await get(host.port, { path: card }, token);
    expect(gotCard.status).toBe(200);
    expect(gotCard.body.toString('utf8')).toBe(cardText);
    expect(gotCard.body.equals(fs.readFileSync(card))).toBe(true);
    expect(gotCard.headers['content-disposition']).toContain(`filename="${path.basename(card)}"`);
    expect(dispositionName(gotCard.headers['content-disposition'])).toBe('bali_process-Amina-Diallo-key-card.txt');
    const gotSummary = await get(host.port, { path: summary }, token);
    expect(gotSummary.status).toBe(200);
    expect(gotSummary.body.equals(fs.readFileSync(summary))).toBe(true);
    expect(dispositionName(gotSummary.headers['content-disposition'])).toBe(path.basename(summary));
    // A summary is HTML: it is handed over as bytes to save, never shown as a page of the app's origin.
    expect(gotSummary.headers['content-type']).toBe('application/octet-stream');
    expect(gotSummary.headers['x-content-type-options']).toBe('nosniff');
    expect(gotSummary.headers['content-length']).toBe(String(fs.statSync(summary).size));
  });

  it('refuses without the token, with a wrong token, from another site and under another host name', async () => {
    const { host, card } = await saved();
    expect((await get(host.port, { path: card }, {})).status).toBe(401);
    expect((await get(host.port, { path: card }, { [TOKEN_HEADER]: 'f'.repeat(64) })).status).toBe(401);
    const foreign = await get(host.port, { path: card }, { [TOKEN_HEADER]: host.token, origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign.body).code).toBe('UNAUTHORIZED');
    const rebound = await get(host.port, { path: card }, { [TOKEN_HEADER]: host.token, host: `evil.example:${String(host.port)}` });
    expect(rebound.status).toBe(403);
  });

  it('serves only what the app saved this session: never another file, a traversal, a renamed, deleted or changed file', async () => {
    const { host, dataDir, card, summary } = await saved();
    const token = { [TOKEN_HEADER]: host.token };
    const exportsDir = path.dirname(card);
    fs.writeFileSync(path.join(exportsDir, 'dropped.txt'), 'not saved by the app');
    for (const other of [path.join(dataDir, 'iscm.db'), `${exportsDir}/../iscm.db`, '../../../../etc/passwd', path.join(exportsDir, 'dropped.txt'), `${card}/../../iscm.db`]) {
      const refused = await get(host.port, { path: other }, token);
      expect(refused.status, other).toBe(404);
      expect(errorOf(refused.body), other).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-saved' } });
    }
    expect((await get(host.port, {}, token)).status).toBe(400);
    // Changed since saved (same size or not): 409, its reason.
    const original = fs.readFileSync(summary);
    fs.writeFileSync(summary, Buffer.from(original).fill(0x20, 0, 10));
    const changed = await get(host.port, { path: summary }, token);
    expect(changed.status).toBe(409);
    expect(errorOf(changed.body)).toMatchObject({ code: 'CONFLICT', details: { reason: 'changed' } });
    // Replaced by a link to the database: refused.
    fs.rmSync(summary);
    fs.symlinkSync(path.join(dataDir, 'iscm.db'), summary);
    expect(errorOf((await get(host.port, { path: summary }, token)).body)).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'gone' } });
    fs.rmSync(summary);
    fs.writeFileSync(summary, original);
    expect((await get(host.port, { path: summary }, token)).status).toBe(200);
    // Renamed: the old path is gone, the new one was never saved; deleted: gone.
    const renamed = path.join(exportsDir, 'renamed.txt');
    fs.renameSync(card, renamed);
    expect(errorOf((await get(host.port, { path: card }, token)).body)).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'gone' } });
    expect(errorOf((await get(host.port, { path: renamed }, token)).body)).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-saved' } });
    fs.rmSync(summary);
    expect((await get(host.port, { path: summary }, token)).status).toBe(404);
  });

  it('a file saved before the host last started is not served, though it is still there', async () => {
    const first = await saved();
    await app?.close();
    const again = await startTestAppHost(first.dataDir, tempDir(), QUESTIONNAIRES_DIR);
    app = again;
    expect(fs.existsSync(first.card)).toBe(true);
    const refused = await get(again.host.port, { path: first.card }, { [TOKEN_HEADER]: again.host.token });
    expect(refused.status).toBe(404);
    expect(errorOf(refused.body)).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'not-saved' } });
  });
});
