import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../core/contract/dispatch.js';
import type { Result } from '../../../core/contract/errors.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import type { HostCapabilities } from '../../../main/services/host.js';
import { useTempDirs } from '../../helpers/temp-dir.js';
import { fullSecretariatAnswers } from '../submissions/full-answers.js';
import { AMINA, QUESTIONNAIRES_DIR, insertDraft, today } from '../submissions/harness.js';

const tempDir = useTempDirs();
const open: AppServices[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

/**
 * The real app services, called through the real dispatcher (every input and output checked
 * against the contract). Desktop: the host's save dialog answers `chosen` and its file manager
 * records what it is asked to show. Web: no host capabilities.
 */
function app(dataDir: string, desktop?: { chosen: () => string; shown: string[] }) {
  const hostCapabilities: HostCapabilities | undefined = desktop && {
    pickFiles: () => Promise.resolve([]),
    pickSavePath: () => Promise.resolve(desktop.chosen()),
    printToPdf: () => Promise.resolve(new Uint8Array(Buffer.from('%PDF-1.7 the summary'))),
    showItemInFolder: (file) => desktop.shown.push(file),
  };
  const services = createAppServices({
    dataDir,
    questionnairesDir: QUESTIONNAIRES_DIR,
    host: desktop ? 'electron' : 'web',
    appVersion: '0.0.0-test',
    ...(hostCapabilities ? { hostCapabilities } : {}),
  });
  open.push(services);
  const dispatch = createDispatcher(services.handlers);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = (await dispatch(channel, input)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { services, dispatch, call };
}

/** A signing key and a finalized revision, made through the contract. */
async function revision(a: ReturnType<typeof app>): Promise<{ identityId: string; submissionId: string }> {
  const { identity } = await a.call<{ identity: { id: string } }>('identities.create', AMINA);
  const draftId = insertDraft(a.services.db, fullSecretariatAnswers({ today: today() }));
  const submission = await a.call<{ id: string }>('submissions.finalize', { draftId, identityId: identity.id, passphrase: AMINA.passphrase, declaration: true });
  return { identityId: identity.id, submissionId: submission.id };
}

const refusal = async (a: ReturnType<typeof app>, channel: string, input: unknown) => {
  const result = await a.dispatch(channel, input);
  if (result.ok) throw new Error(`${channel} was not refused`);
  return { code: result.error.code, reason: (result.error.details as { reason?: unknown } | undefined)?.reason, message: result.error.message };
};

describe('files.show (desktop): Show in folder for the key card, the summary and a printed PDF', () => {
  it('shows each file the app saved this session, and refuses any other path, an earlier session’s, a renamed or deleted file', async () => {
    const dataDir = tempDir();
    const chosenDir = tempDir();
    let next = 'amina-key-card.txt';
    const shown: string[] = [];
    const a = app(dataDir, { chosen: () => path.join(chosenDir, next), shown });
    const { identityId, submissionId } = await revision(a);

    const card = (await a.call<{ path: string }>('identities.exportCard', { id: identityId })).path;
    expect(card).toBe(path.join(chosenDir, 'amina-key-card.txt'));
    expect(await a.call('files.show', { path: card })).toEqual({ shown: true });
    const summary = (await a.call<{ path: string }>('submissions.saveSummaryHtml', { id: submissionId })).path;
    expect(await a.call('files.show', { path: summary })).toEqual({ shown: true });
    next = 'summary.pdf';
    const pdf = (await a.call<{ path: string | null }>('app.printToPdf', { suggestedName: 'summary' })).path ?? '';
    expect(await a.call('files.show', { path: pdf })).toEqual({ shown: true });
    // The file manager was asked for exactly these three files, in this order.
    expect(shown).toEqual([card, summary, pdf]);

    // Paths the app did not save: the database, a file beside the card, a traversal to the card.
    fs.writeFileSync(path.join(chosenDir, 'someone-else.txt'), 'x');
    for (const other of [path.join(dataDir, 'iscm.db'), path.join(chosenDir, 'someone-else.txt'), `${chosenDir}/x/../amina-key-card.txt`]) {
      expect(await refusal(a, 'files.show', { path: other }), other).toMatchObject({ code: 'NOT_FOUND', reason: 'not-saved' });
    }
    // Renamed: the old path is gone, the new one was never saved. Deleted: gone.
    fs.renameSync(card, path.join(chosenDir, 'renamed.txt'));
    expect(await refusal(a, 'files.show', { path: card })).toMatchObject({ code: 'NOT_FOUND', reason: 'gone' });
    expect(await refusal(a, 'files.show', { path: path.join(chosenDir, 'renamed.txt') })).toMatchObject({ code: 'NOT_FOUND', reason: 'not-saved' });
    fs.rmSync(pdf);
    expect(await refusal(a, 'files.show', { path: pdf })).toMatchObject({ code: 'NOT_FOUND', reason: 'gone' });
    // Changed since saved.
    fs.appendFileSync(summary, '<script>1</script>');
    expect(await refusal(a, 'files.show', { path: summary })).toMatchObject({ code: 'CONFLICT', reason: 'changed' });
    // Nothing refused reached the file manager.
    expect(shown).toEqual([card, summary, pdf]);
    next = 'kept-key-card.txt';
    const kept = (await a.call<{ path: string }>('identities.exportCard', { id: identityId })).path;
    expect(await a.call('files.show', { path: kept })).toEqual({ shown: true });
    shown.length = 0;
    // files.download is the web client's; main on the desktop says to use Show in folder.
    expect(await refusal(a, 'files.download', { path: summary })).toMatchObject({ code: 'NOT_SUPPORTED' });

    // The app starts again on the same data: the kept card is still there, unchanged, but from an earlier session.
    a.services.close();
    open.splice(0);
    const b = app(dataDir, { chosen: () => path.join(chosenDir, 'again.txt'), shown });
    const again = (await b.call<{ path: string }>('identities.exportCard', { id: identityId })).path;
    const earlier = await refusal(b, 'files.show', { path: kept });
    expect(earlier).toMatchObject({ code: 'NOT_FOUND', reason: 'not-saved' });
    expect(earlier.message).toContain('since it started');
    expect(await b.call('files.show', { path: again })).toEqual({ shown: true });
    expect(shown).toEqual([again]);
  });

  it('the web host has no file manager: NOT_SUPPORTED, even for a file it saved', async () => {
    const dataDir = tempDir();
    const a = app(dataDir);
    const { identityId } = await revision(a);
    const card = (await a.call<{ path: string }>('identities.exportCard', { id: identityId })).path;
    // No save dialog in the web host: the card goes to the exports folder the host serves.
    expect(path.dirname(card)).toBe(path.join(dataDir, 'exports'));
    expect(await refusal(a, 'files.show', { path: card })).toMatchObject({ code: 'NOT_SUPPORTED' });
    // Main does not answer the download (the web client fetches it from the host's endpoint).
    expect(await refusal(a, 'files.download', { path: card })).toMatchObject({ code: 'NOT_SUPPORTED' });
  });
});
