import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import type {
  DraftVersionStatusView,
  MoveSummaryView,
  ReleasePreview,
} from '../../../core/contract/channels/releases.js';
import type { Submission } from '../../../core/contract/channels/submissions.js';
import { fullSecretariatAnswers } from '../submissions/full-answers.js';
import { useReleaseApp } from './app-kit.js';
import { NEW_RECIPIENT, NEXT, release, SOURCE } from './release-kit.js';

const start = useReleaseApp();
const LABEL = { en: 'IOM', fr: 'OIM', es: 'OIM', ar: 'المنظمة الدولية للهجرة' };
const next = await release(NEXT.json, [{ age: NEW_RECIPIENT, label: LABEL }]);

/** Answers of a secretariat: some that every version has, one per kind of change, and repeat rows. */
const ANSWERS: Record<string, AnswerValue> = {
  respondent_name: 'Amina Diallo',
  [NEXT.removed]: 'https://example.org/mechanism',
  [NEXT.retyped]: 'Mexico, Guatemala, Honduras',
  bodies: ['ministerial'],
  [NEXT.droppedChoice.question]: NEXT.droppedChoice.value,
  achievements: ['row-a', 'row-b'],
  'achievements[row-a].achievement_title': 'Regional framework',
  'achievements[row-b].achievement_title': 'Handbook',
  'mechanism.other': 'kept as typed',
};
const NOT_CARRIED = [
  { path: NEXT.removed, reason: 'question-removed' },
  { path: NEXT.retyped, reason: 'type-changed' },
  { path: NEXT.droppedChoice.question, reason: 'choice-removed' },
];

async function draftWithAnswers(app: ReturnType<typeof start>, answers: Record<string, AnswerValue> = ANSWERS) {
  const draft = await app.call<DraftSummary>('drafts.create', {
    title: 'Bali',
    respondentKind: 'secretariat',
    mechanism: 'bali_process',
    language: 'en',
  });
  for (const [path, value] of Object.entries(answers))
    await app.call('answers.save', { draftId: draft.id, path, value });
  return draft;
}

async function installNext(app: ReturnType<typeof start>): Promise<void> {
  app.choose('next.iscmq', next.bytes);
  const { preview } = await app.call<{ preview: ReleasePreview }>('releases.pick');
  await app.call('releases.install', { stagedId: preview.stagedId });
}

const byPath = <T extends { path: string }>(list: readonly T[]): T[] =>
  [...list].sort((x, y) => x.path.localeCompare(y.path));
const count = (app: ReturnType<typeof start>, sql: string, id: string): number =>
  (app.services.db.prepare(sql).get(id) as { n: number }).n;

describe('moving a draft to a newer version', () => {
  it('says what changes for this draft, carries every answer by id and row id, sets aside what does not fit, and undoes', async () => {
    const app = start();
    const draft = await draftWithAnswers(app);
    expect(
      (await app.call<DraftVersionStatusView>('releases.draftStatus', { draftId: draft.id })).newerVersion,
    ).toBeNull();
    await installNext(app);
    const before = await app.call<Draft>('drafts.get', { id: draft.id });

    const status = await app.call<DraftVersionStatusView>('releases.draftStatus', { draftId: draft.id });
    expect(status).toMatchObject({
      version: SOURCE.version,
      newerVersion: NEXT.version,
      editable: true,
      notCarried: [],
      undo: null,
    });
    expect(status.impact?.newQuestions).toContain(NEXT.added);
    expect(byPath(status.impact?.notCarried ?? []).map(({ path, reason }) => ({ path, reason }))).toEqual(
      byPath(NOT_CARRIED),
    );
    expect(status.impact?.carried).toBe(Object.keys(before.answers).length - NOT_CARRIED.length);

    const moved = await app.call<MoveSummaryView>('releases.moveDraft', { draftId: draft.id, version: NEXT.version });
    expect(moved).toMatchObject({
      fromVersion: SOURCE.version,
      toVersion: NEXT.version,
      setAside: 3,
      restored: 0,
      undoes: null,
    });
    const after = await app.call<Draft>('drafts.get', { id: draft.id });
    expect(after.questionnaireVersion).toBe(NEXT.version);
    const kept = Object.fromEntries(
      Object.entries(before.answers).filter(([p]) => !NOT_CARRIED.some((n) => n.path === p)),
    );
    expect(after.answers).toEqual(kept);
    // The answers that did not fit stay on the draft, visible, with their values and why.
    const moved2 = await app.call<DraftVersionStatusView>('releases.draftStatus', { draftId: draft.id });
    expect(moved2.newerVersion).toBeNull();
    expect(
      byPath(moved2.notCarried).map(({ path, value, reason, fromVersion }) => ({ path, value, reason, fromVersion })),
    ).toEqual(
      byPath(NOT_CARRIED.map((n) => ({ ...n, value: before.answers[n.path] ?? null, fromVersion: SOURCE.version }))),
    );
    expect(moved2.undo).toMatchObject({ moveId: moved.moveId, fromVersion: SOURCE.version, toVersion: NEXT.version });
    // Every answer's history records the move: carried, or not carried with its reason.
    const events = app.services.db
      .prepare(
        'SELECT path, old_value_json, new_value_json, note FROM answer_events WHERE draft_id = ? AND note LIKE ?',
      )
      .all(draft.id, `%(move ${moved.moveId})`) as {
      path: string;
      old_value_json: string;
      new_value_json: string;
      note: string;
    }[];
    expect(events).toHaveLength(Object.keys(before.answers).length);
    expect(events.find((e) => e.path === NEXT.removed)).toMatchObject({
      new_value_json: 'null',
      note: expect.stringContaining('not carried over (question-removed)') as unknown,
    });
    expect(events.find((e) => e.path === 'respondent_name')?.note).toContain('carried over');
    // Nothing was deleted: every value is live or set aside.
    expect(
      count(app, 'SELECT count(*) AS n FROM answers WHERE draft_id = ?', draft.id) +
        count(app, 'SELECT count(*) AS n FROM answers_set_aside WHERE draft_id = ? AND restored_by IS NULL', draft.id),
    ).toBe(Object.keys(before.answers).length);

    const undone = await app.call<MoveSummaryView>('releases.undoMove', { draftId: draft.id });
    expect(undone).toMatchObject({
      fromVersion: NEXT.version,
      toVersion: SOURCE.version,
      restored: 3,
      setAside: 0,
      undoes: moved.moveId,
    });
    const back = await app.call<Draft>('drafts.get', { id: draft.id });
    expect(back.questionnaireVersion).toBe(SOURCE.version);
    expect(back.answers).toEqual(before.answers);
    const backStatus = await app.call<DraftVersionStatusView>('releases.draftStatus', { draftId: draft.id });
    expect(backStatus).toMatchObject({ notCarried: [], undo: null, newerVersion: NEXT.version });
    expect((await app.refuse('releases.undoMove', { draftId: draft.id })).code).toBe('CONFLICT');
  });

  it('an answer given again on the new version is kept when the move is undone; the old one stays listed', async () => {
    const app = start();
    const draft = await draftWithAnswers(app);
    await installNext(app);
    await app.call('releases.moveDraft', { draftId: draft.id, version: NEXT.version });
    await app.call('answers.save', { draftId: draft.id, path: NEXT.added, value: 'a new answer' });
    await app.call('releases.undoMove', { draftId: draft.id });
    const back = await app.call<Draft>('drafts.get', { id: draft.id });
    expect(back.answers[NEXT.removed]).toBe(ANSWERS[NEXT.removed]);
    const status = await app.call<DraftVersionStatusView>('releases.draftStatus', { draftId: draft.id });
    // The answer to the question 1.0.x does not have is now the one not carried over.
    expect(status.notCarried.map(({ path, value, reason }) => ({ path, value, reason }))).toEqual([
      { path: NEXT.added, value: 'a new answer', reason: 'question-removed' },
    ]);
  });

  it('refuses to move to an older, the same or an uninstalled version', async () => {
    const app = start();
    const draft = await draftWithAnswers(app, { respondent_name: 'A' });
    expect((await app.refuse('releases.moveDraft', { draftId: draft.id, version: SOURCE.version })).code).toBe(
      'CONFLICT',
    );
    expect((await app.refuse('releases.moveDraft', { draftId: draft.id, version: '0.0.1' })).code).toBe('CONFLICT');
    expect((await app.refuse('releases.moveDraft', { draftId: draft.id, version: '99.0.0' })).code).toBe('NOT_FOUND');
    expect((await app.refuse('releases.undoMove', { draftId: draft.id })).code).toBe('CONFLICT');
  });

  it('a finalized revision never changes; its amendment can move to the newest version and is then sealed to that release’s recipients', async () => {
    const app = start();
    const { identity } = await app.call<{ identity: { id: string } }>('identities.create', {
      name: 'Amina Diallo',
      title: 'Head',
      organisation: 'RSO',
      mechanism: 'bali_process',
      email: 'a@example.org',
      passphrase: 'a long passphrase',
    });
    const draft = await draftWithAnswers(app, fullSecretariatAnswers({ today: app.today }));
    const r1 = await app.call<Submission>('submissions.finalize', {
      draftId: draft.id,
      identityId: identity.id,
      passphrase: 'a long passphrase',
      declaration: true,
    });
    expect(r1.recipients.map((r) => r.development)).toEqual([true]);
    await installNext(app);
    const frozen = app.services.db.prepare('SELECT * FROM submissions WHERE id = ?').get(r1.id);
    expect((await app.refuse('releases.moveDraft', { draftId: draft.id, version: NEXT.version })).code).toBe(
      'READ_ONLY',
    );
    expect((await app.call<DraftVersionStatusView>('releases.draftStatus', { draftId: draft.id })).impact).toBeNull();
    const amendment = await app.call<DraftSummary>('submissions.amend', { id: r1.id });
    expect(amendment.questionnaireVersion).toBe(SOURCE.version);
    await app.call('releases.moveDraft', { draftId: amendment.id, version: NEXT.version });
    const r2 = await app.call<Submission>('submissions.finalize', {
      draftId: amendment.id,
      identityId: identity.id,
      passphrase: 'a long passphrase',
      declaration: true,
    });
    expect(r2).toMatchObject({
      revision: 2,
      rootId: r1.id,
      supersedes: r1.id,
      questionnaireVersion: NEXT.version,
      development: false,
    });
    expect(r2.recipients).toEqual([{ age: NEW_RECIPIENT, label: 'IOM', development: false }]);
    expect(app.services.db.prepare('SELECT * FROM submissions WHERE id = ?').get(r1.id)).toEqual(frozen);
  });
});
