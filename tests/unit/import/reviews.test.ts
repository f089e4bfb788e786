import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewView, SubmissionSummaryView } from '../../../core/contract/channels/iom.js';
import { createDispatcher, type Dispatch } from '../../../core/contract/dispatch.js';
import type { Result } from '../../../core/contract/errors.js';
import { createAppServices, type AppServices } from '../../../main/services/app-services.js';
import { DEV_IDENTITY_FILE, makePackage, makeSigner, type MadePackage } from './package-kit.js';
import { tempDir } from './iom-kit.js';
import { QUESTIONNAIRES_DIR } from './response-kit.js';

/** Review states through the real `iom` channels (input and output checked against the contract) and iom.db. */
let services: AppServices;
let raw: Dispatch;
let call: <T>(channel: string, input: unknown) => Promise<T>;
let r1: MadePackage;
let other: MadePackage;
const signer = makeSigner();
let inbox: string;

async function importAll(paths: string[]): Promise<void> {
  const { operationId } = await call<{ operationId: string }>('iom.startImport', { paths });
  for (;;) {
    const p = await call<{ finished: boolean; error: string | null }>('iom.importProgress', { operationId });
    if (p.finished) {
      expect(p.error).toBeNull();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  services = createAppServices({ dataDir: tempDir(), questionnairesDir: QUESTIONNAIRES_DIR, host: 'web', appVersion: '0.0.0-test' });
  raw = createDispatcher(services.handlers);
  call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = (await raw(channel, input)) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  inbox = tempDir();
  r1 = await makePackage({ dir: inbox, signer });
  other = await makePackage({ dir: inbox, signer: makeSigner('Other'), mechanismIndex: 6 });
  await call('iom.useIdentity', { path: DEV_IDENTITY_FILE });
  await importAll([r1.path, other.path]);
});
afterAll(() => services.close());

describe('review states', () => {
  it('an import puts a submission at received, with one log line; the list carries the state', async () => {
    const review = await call<ReviewView>('iom.reviewOf', { submissionId: r1.submissionId });
    expect(review).toMatchObject({ submissionId: r1.submissionId, state: 'received', reviewedBy: null, reviewedAt: null, lastComment: null, comments: [] });
    expect(review.log).toEqual([{ action: 'imported', from: null, to: 'received', comment: null, actor: expect.any(String) as string, at: expect.stringMatching(/^\d{4}-/) as string }]);
    const list = await call<SubmissionSummaryView[]>('iom.listSubmissions', {});
    expect(list.map((s) => s.reviewState)).toEqual(['received', 'received']);
  });

  it('has issues with a comment, a comment alone, then approved: state, author, time, comments and the log in order', async () => {
    const issues = await call<ReviewView>('iom.setReview', { submissionId: r1.submissionId, state: 'has_issues', comment: 'Section C is empty.', actor: 'Marie Curie' });
    expect(issues).toMatchObject({ state: 'has_issues', reviewedBy: 'Marie Curie', lastComment: 'Section C is empty.' });
    expect(issues.reviewedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const noted = await call<ReviewView>('iom.setReview', { submissionId: r1.submissionId, state: 'has_issues', comment: 'Asked the secretariat by e-mail.', actor: 'Jean' });
    // A comment alone: the state and who set it do not change.
    expect(noted).toMatchObject({ state: 'has_issues', reviewedBy: 'Marie Curie', lastComment: 'Asked the secretariat by e-mail.' });
    const approved = await call<ReviewView>('iom.setReview', { submissionId: r1.submissionId, state: 'approved', actor: 'Jean' });
    expect(approved).toMatchObject({ state: 'approved', reviewedBy: 'Jean', lastComment: 'Asked the secretariat by e-mail.' });
    expect(approved.comments.map((c) => [c.actor, c.comment, c.state])).toEqual([
      ['Marie Curie', 'Section C is empty.', 'has_issues'],
      ['Jean', 'Asked the secretariat by e-mail.', 'has_issues'],
    ]);
    expect(approved.log.map((l) => [l.action, l.from, l.to, l.actor])).toEqual([
      ['imported', null, 'received', expect.any(String)],
      ['state', 'received', 'has_issues', 'Marie Curie'],
      ['comment', 'has_issues', 'has_issues', 'Jean'],
      ['state', 'has_issues', 'approved', 'Jean'],
    ]);
    // The same state without a comment records nothing.
    const again = await call<ReviewView>('iom.setReview', { submissionId: r1.submissionId, state: 'approved', actor: 'Jean' });
    expect(again.log).toHaveLength(4);
    // The list filters by state; the status counts it.
    const approvedList = await call<SubmissionSummaryView[]>('iom.listSubmissions', { reviewState: 'approved' });
    expect(approvedList.map((s) => [s.submissionId, s.reviewedBy])).toEqual([[r1.submissionId, 'Jean']]);
    const status = await call<{ totals: { reviews: Record<string, number> } }>('iom.status', { lang: 'en' });
    expect(status.totals.reviews).toEqual({ received: 1, has_issues: 0, approved: 1, rejected: 0 });
  });

  it('refusals: back to received by hand, no actor, an unknown submission, an unknown state', async () => {
    const back = await raw('iom.setReview', { submissionId: r1.submissionId, state: 'received', actor: 'Jean' });
    expect(back).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('has_issues') as string } });
    expect(await raw('iom.setReview', { submissionId: r1.submissionId, state: 'approved', actor: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await raw('iom.setReview', { submissionId: '55555555-5555-4555-8555-555555555555', state: 'approved', actor: 'Jean' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await raw('iom.setReview', { submissionId: r1.submissionId, state: 'edited', actor: 'Jean' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await raw('iom.reviewOf', { submissionId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await call<ReviewView>('iom.reviewOf', { submissionId: r1.submissionId })).state).toBe('approved');
  });

  it('a new revision of an approved chain starts at received; the older revision keeps its review', async () => {
    const r2 = await makePackage({ dir: inbox, signer, rootId: r1.submissionId, supersedes: r1.submissionId, revision: 2, note: 'corrected' });
    await importAll([r2.path]);
    expect((await call<ReviewView>('iom.reviewOf', { submissionId: r2.submissionId })).state).toBe('received');
    expect((await call<ReviewView>('iom.reviewOf', { submissionId: r1.submissionId })).state).toBe('approved');
    const current = await call<SubmissionSummaryView[]>('iom.listSubmissions', { status: 'current' });
    expect(current.find((s) => s.rootId === r1.submissionId)).toMatchObject({ submissionId: r2.submissionId, reviewState: 'received', reviewedBy: null });
    const status = await call<{ mechanisms: { secretariat: { chains: { submissionId: string; reviewState: string }[] } }[] }>('iom.status', { lang: 'en' });
    const chain = status.mechanisms.flatMap((m) => m.secretariat.chains).find((c) => c.submissionId === r2.submissionId);
    expect(chain?.reviewState).toBe('received');
  });
});
