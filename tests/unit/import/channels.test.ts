import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgressView } from '../../../core/contract/channels/iom.js';
import { createDispatcher, type Dispatch } from '../../../core/contract/dispatch.js';
import type { Result } from '../../../core/contract/errors.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import { formatKeyCard } from '../../../main/services/import/key-card.js';
import { tempDir } from './iom-kit.js';
import { DEV_IDENTITY_FILE, makePackage, makeRevisions, makeSigner, type MadePackage } from './package-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

/** The `iom` channels through the real services and dispatcher, as the workspace calls them. */
let services: AppServices;
let call: <T>(channel: string, input: unknown) => Promise<T>;
let raw: Dispatch;
let r1: MadePackage;
let r2: MadePackage;
let other: MadePackage;

beforeAll(async () => {
  const dataDir = tempDir();
  services = createAppServices({ dataDir, questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' });
  raw = createDispatcher(services.handlers);
  call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = (await raw(channel, input)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const inbox = tempDir();
  [r1, r2] = await makeRevisions(inbox, makeSigner());
  other = await makePackage({ dir: inbox, signer: makeSigner('Other'), mechanismIndex: 5 });
});
afterAll(() => services.close());

async function finished(operationId: string): Promise<ImportProgressView> {
  for (;;) {
    const p = await call<ImportProgressView>('iom.importProgress', { operationId });
    if (p.finished) return p;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('iom channels', () => {
  it('without an identity, import is refused with a clear message; then one is used', async () => {
    const refused = await raw('iom.startImport', { paths: [r1.path] });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const info = await call<{ recipient: string | null; canPickFiles: boolean }>('iom.useIdentity', { path: DEV_IDENTITY_FILE });
    expect(info.recipient).toMatch(/^age1/);
    expect(info.canPickFiles).toBe(false);
    expect(await raw('iom.pickFiles', { folder: false })).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
  });

  it('imports in reverse order with progress, then lists, opens and exports', async () => {
    const { operationId } = await call<{ operationId: string }>('iom.startImport', { paths: [r2.path, r1.path, other.path] });
    const done = await finished(operationId);
    expect(done).toMatchObject({ done: 3, total: 3, error: null, counts: { imported: 2, superseded: 1, rejected: 0 } });
    const current = await call<{ submissionId: string }[]>('iom.listSubmissions', { status: 'current' });
    expect(current.map((s) => s.submissionId).sort()).toEqual([r2.submissionId, other.submissionId].sort());
    const superseded = await call<{ submissionId: string }[]>('iom.listSubmissions', { status: 'superseded' });
    expect(superseded.map((s) => s.submissionId)).toEqual([r1.submissionId]);
    const withAnswers = await call<{ summary: { submissionId: string }; responsesJson: string; answersText: string }[]>('iom.listSubmissionAnswers', {});
    // With their written answers folded for the search, made at import.
    for (const s of withAnswers) expect(s.answersText).toContain('texte libre pour');
    expect(withAnswers.map((s) => s.summary.submissionId).sort()).toEqual([r2.submissionId, other.submissionId].sort());
    // The answers as the signed text iom.db holds.
    const answers = JSON.parse(withAnswers.find((s) => s.summary.submissionId === r2.submissionId)?.responsesJson ?? '{}') as Record<string, unknown>;
    expect(answers.mechanism).toBe(r2.manifest.mechanism.value);
    expect(await call<unknown[]>('iom.listSubmissionAnswers', { status: 'all' })).toHaveLength(3);
    const one = await call<{ responses: Record<string, unknown>; history: { submissionId: string }[] }>('iom.getSubmission', { submissionId: r2.submissionId });
    expect(one.responses.mechanism).toBe(r2.manifest.mechanism.value);
    // Its chain's revisions, newest first; the other chain's is not in it.
    expect(one.history.map((h) => h.submissionId)).toEqual([r2.submissionId, r1.submissionId]);
    const status = await call<{ mechanisms: { mechanism: string; label: string; secretariat: { received: boolean } }[] }>('iom.status', { lang: 'fr' });
    expect(status.mechanisms.filter((m) => m.secretariat.received)).toHaveLength(2);
    expect(status.mechanisms.find((m) => m.mechanism === 'bali_process')?.label).toMatch(/^Processus de Bali/);
    const out = tempDir();
    const exported = await call<{ folder: string; files: string[] }>('iom.export', { format: 'xlsx', outDir: out, lang: 'es', allRevisions: false });
    expect(exported.files.map((f) => path.basename(f))).toEqual(['iscm-assessment.xlsx']);
    expect(path.dirname(exported.folder)).toBe(out);
    expect(fs.existsSync(path.join(exported.folder, 'iscm-assessment.xlsx'))).toBe(true);
  });

  it('a key card registers a key for one respondent ahead of time; an unreadable card is a clear error', async () => {
    const key = makeSigner('Future');
    const card = path.join(tempDir(), 'card.txt');
    fs.writeFileSync(card, formatKeyCard({ name: 'Future', mechanism: null, organisation: 'UNHCR Bureau', publicKey: key.publicKey, fingerprint: key.fingerprint }));
    expect(await call('iom.importKeyCard', { path: card, mechanism: 'igc', kind: 'organisation', actor: 'Jean' })).toEqual({
      respondentKey: 'igc/organisation/unhcr-bureau',
      fingerprint: key.fingerprint,
      changed: true,
    });
    const keys = await call<{ signers: { respondent: { respondentKey: string; party: string }; source: string }[] }>('iom.listKeys', {});
    expect(keys.signers.find((k) => k.respondent.respondentKey === 'igc/organisation/unhcr-bureau')).toMatchObject({ source: 'card', respondent: { party: 'UNHCR Bureau' } });
    expect(await raw('iom.importKeyCard', { path: `${card}.missing`, kind: 'state', actor: 'Jean' })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
  });

  it('strict mode is a setting kept in iom.db, with who changed it', async () => {
    expect(await call('iom.settings', {})).toEqual({ requireRegistered: false });
    expect(await call('iom.setSettings', { requireRegistered: true, actor: 'Jean' })).toEqual({ requireRegistered: true });
    expect((await call<{ requireRegistered: boolean }>('iom.status', { lang: 'en' })).requireRegistered).toBe(true);
    expect(await call('iom.setSettings', { requireRegistered: false, actor: 'Jean' })).toEqual({ requireRegistered: false });
    expect(await raw('iom.setSettings', { requireRegistered: true, actor: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('bad input never reaches the service', async () => {
    expect(await raw('iom.rejectKey', { fingerprint: 'nope', actor: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await raw('iom.importKeyCard', { path: '/x', kind: 'planet', actor: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await raw('iom.chooseSubmission', { rootId: 'not-a-uuid', actor: 'x' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await raw('iom.startImport', { paths: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await raw('iom.getSubmission', { submissionId: '../etc' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
