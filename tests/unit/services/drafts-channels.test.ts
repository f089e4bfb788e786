import { describe, expect, it } from 'vitest';
import type { AnswerEvent, Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import { fixtureRelease, useServices } from './service-fixture.js';

const start = useServices();
const newDraft = { title: 'GFMD 2026', respondentKind: 'secretariat', mechanism: 'gfmd', language: 'en' };

describe('drafts channels', () => {
  it('create stores the respondent kind and mechanism as answers (with events) so skip logic sees them', async () => {
    const { call, services } = start();
    const created = await call<DraftSummary>('drafts.create', newDraft);
    expect(created).toMatchObject({ questionnaireId: 'svc-test', questionnaireVersion: '1.0.0', respondentKind: 'secretariat', mechanism: 'gfmd' });
    const draft = await call<Draft>('drafts.get', { id: created.id });
    expect(draft.answers).toEqual({ respondent_kind: 'secretariat', mechanism: 'gfmd' });
    const events = services.db.prepare('SELECT path FROM answer_events WHERE draft_id = ? ORDER BY id').all(created.id);
    expect(events).toEqual([{ path: 'respondent_kind' }, { path: 'mechanism' }]);
  });

  it('changing the respondent kind or mechanism answer later updates the draft shown in the list', async () => {
    const { call } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    await call('answers.save', { draftId: id, path: 'respondent_kind', value: 'state' });
    await call('answers.save', { draftId: id, path: 'mechanism', value: 'bali_process' });
    expect((await call<DraftSummary[]>('drafts.list'))[0]).toMatchObject({ respondentKind: 'state', mechanism: 'bali_process', progress: 2 / 4 });
    await call('answers.save', { draftId: id, path: 'mechanism', value: null });
    expect((await call<DraftSummary[]>('drafts.list'))[0]).toMatchObject({ respondentKind: 'state', mechanism: null });
  });

  it('create without a mechanism stores only the respondent kind; a kind that is not a choice is refused', async () => {
    const { call, refuse } = start();
    const created = await call<DraftSummary>('drafts.create', { ...newDraft, mechanism: null });
    expect((await call<Draft>('drafts.get', { id: created.id })).answers).toEqual({ respondent_kind: 'secretariat' });
    expect((await refuse('drafts.create', { ...newDraft, respondentKind: 'pirate' })).code).toBe('VALIDATION_FAILED');
    expect(await call<DraftSummary[]>('drafts.list')).toHaveLength(1);
  });

  it('progress counts the relevant required questions, following skip logic', async () => {
    const { call } = start();
    // secretariat: respondent_kind, mechanism, name, budget, one activity row → 2 of 5 answered at creation.
    const secretariat = await call<DraftSummary>('drafts.create', newDraft);
    expect(secretariat.progress).toBeCloseTo(2 / 5);
    // a State does not see "details": 2 of 4.
    const state = await call<DraftSummary>('drafts.create', { ...newDraft, respondentKind: 'state' });
    expect(state.progress).toBeCloseTo(2 / 4);
    const id = secretariat.id;
    await call('answers.save', { draftId: id, path: 'name', value: 'Ana' });
    await call('answers.save', { draftId: id, path: 'budget', value: 10 });
    await call('answers.save', { draftId: id, path: 'items', value: ['r1'] });
    const list = await call<DraftSummary[]>('drafts.list');
    // One row with an unanswered required question: the group counts as answered (1 row ≥ minRows), the row's question does not.
    expect(list.find((d) => d.id === id)?.progress).toBeCloseTo(5 / 6);
    await call('answers.save', { draftId: id, path: 'items[r1].item_title', value: 'Workshop' });
    expect((await call<DraftSummary[]>('drafts.list')).find((d) => d.id === id)?.progress).toBe(1);
    expect((await call<Draft>('drafts.get', { id })).progress).toBe(1);
  });

  it('the list caches each draft’s progress in its row; a change to its answers clears it', async () => {
    const { call, services } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const cachedProgress = () => services.db.prepare('SELECT progress FROM drafts WHERE id = ?').pluck().get(id);
    expect(cachedProgress()).toBeNull();
    await call('drafts.list');
    expect(cachedProgress()).toBeCloseTo(2 / 5);
    await call('answers.save', { draftId: id, path: 'name', value: 'Ana' });
    expect(cachedProgress()).toBeNull();
    const [listed] = await call<DraftSummary[]>('drafts.list');
    expect(listed?.progress).toBeCloseTo(3 / 5);
    expect(cachedProgress()).toBeCloseTo(3 / 5);
    // An unchanged save (autosave of the same value) keeps the cache.
    await call('answers.save', { draftId: id, path: 'name', value: 'Ana' });
    expect(cachedProgress()).toBeCloseTo(3 / 5);
  });

  it('progress is null when the draft’s questionnaire version is not installed', async () => {
    const { call, services } = start();
    const created = await call<DraftSummary>('drafts.create', newDraft);
    services.db.prepare("UPDATE drafts SET questionnaire_version = '9.9.9' WHERE id = ?").run(created.id);
    const [listed] = await call<DraftSummary[]>('drafts.list');
    expect(listed?.progress).toBeNull();
  });

  it('update renames, switches language and remembers the last section; only the first two move updatedAt', async () => {
    const { call, refuse } = start();
    const created = await call<DraftSummary>('drafts.create', newDraft);
    const visited = await call<DraftSummary>('drafts.update', { id: created.id, lastSection: 'details' });
    expect(visited).toMatchObject({ lastSection: 'details', updatedAt: created.updatedAt, title: 'GFMD 2026' });
    const renamed = await call<DraftSummary>('drafts.update', { id: created.id, title: '  GFMD 2027 ', language: 'ar' });
    expect(renamed).toMatchObject({ title: 'GFMD 2027', language: 'ar', lastSection: 'details' });
    expect(renamed.updatedAt > created.updatedAt).toBe(true);
    expect((await refuse('drafts.update', { id: created.id, lastSection: '../x' })).code).toBe('INVALID_INPUT');
    expect((await refuse('drafts.update', { id: crypto.randomUUID(), title: 'x' })).code).toBe('NOT_FOUND');
  });

  it('duplicate copies every answer as new events noted "copied from", and shares attachments by reference', async () => {
    const { call, services } = start();
    const source = await call<DraftSummary>('drafts.create', newDraft);
    const sha = 'a'.repeat(64);
    services.db.prepare("INSERT INTO attachments VALUES (?, 3, 'text/plain', 'a.txt', 'now')").run(sha);
    services.db.prepare("INSERT INTO attachment_uses VALUES (?, ?, 'now')").run(source.id, sha);
    const answers = {
      name: 'Ana',
      'mechanism.other': 'ignored unless other',
      items: ['r1', 'r2'],
      'items[r2].item_title': 'Second',
      'items[r1].item_title': 'First',
      docs: [{ sha256: sha, name: 'a.txt', size: 3, mediaType: 'text/plain' }],
    };
    for (const [path, value] of Object.entries(answers)) await call('answers.save', { draftId: source.id, path, value });
    const copy = await call<DraftSummary>('drafts.duplicate', { id: source.id, title: 'GFMD 2027' });
    expect(copy).toMatchObject({ title: 'GFMD 2027', respondentKind: 'secretariat', mechanism: 'gfmd', status: 'draft', lastSection: null });
    const original = await call<Draft>('drafts.get', { id: source.id });
    const copied = await call<Draft>('drafts.get', { id: copy.id });
    expect(copied.answers).toEqual(original.answers);
    expect(copied.progress).toBe(original.progress);
    const notes = services.db.prepare('SELECT DISTINCT note FROM answer_events WHERE draft_id = ?').all(copy.id);
    expect(notes).toEqual([{ note: `copied from ${source.id}` }]);
    expect(services.db.prepare('SELECT sha256 FROM attachment_uses WHERE draft_id = ?').all(copy.id)).toEqual([{ sha256: sha }]);
  });

  it('duplicate moves to the newest version of the same questionnaire, leaving out answers it has no question for', async () => {
    const { call, services } = start();
    const source = await call<DraftSummary>('drafts.create', newDraft);
    await call('answers.save', { draftId: source.id, path: 'name', value: 'Ana' });
    await call('answers.save', { draftId: source.id, path: 'notes', value: 'kept' });
    await call('releases.install', { stagedId: (await services.releases.stageBytes(fixtureRelease('svc-test/1.1.0.json'), 'r.iscmq')).stagedId });
    const copy = await call<DraftSummary>('drafts.duplicate', { id: source.id, title: 'Next year' });
    expect(copy.questionnaireVersion).toBe('1.1.0');
    expect((await call<Draft>('drafts.get', { id: copy.id })).answers).toEqual({ respondent_kind: 'secretariat', mechanism: 'gfmd', notes: 'kept' });
    expect((await call<Draft>('drafts.get', { id: source.id })).answers).toHaveProperty('name', 'Ana');
  });

  it('delete moves to the trash, restore brings it back with its answers, emptyTrash removes only trashed drafts', async () => {
    const { call, refuse, services } = start();
    const keep = await call<DraftSummary>('drafts.create', newDraft);
    const gone = await call<DraftSummary>('drafts.create', { ...newDraft, title: 'Old' });
    const back = await call<DraftSummary>('drafts.create', { ...newDraft, title: 'Back' });
    await call('answers.save', { draftId: back.id, path: 'name', value: 'Kept' });
    await call('drafts.delete', { id: gone.id });
    await call('drafts.delete', { id: back.id });
    expect((await refuse('drafts.delete', { id: back.id })).code).toBe('NOT_FOUND');
    expect((await refuse('drafts.get', { id: back.id })).code).toBe('NOT_FOUND');
    expect((await call<DraftSummary[]>('drafts.list')).map((d) => d.id)).toEqual([keep.id]);
    const trash = await call<DraftSummary[]>('drafts.trash');
    expect(trash.map((d) => d.id).sort()).toEqual([gone.id, back.id].sort());
    expect(trash.every((d) => d.deletedAt !== null)).toBe(true);

    const restored = await call<DraftSummary>('drafts.restore', { id: back.id });
    expect(restored.deletedAt).toBeNull();
    expect((await call<Draft>('drafts.get', { id: back.id })).answers).toHaveProperty('name', 'Kept');
    expect((await refuse('drafts.restore', { id: keep.id })).code).toBe('NOT_FOUND');

    expect(await call('drafts.emptyTrash')).toEqual({ removed: 1 });
    expect(await call('drafts.trash')).toEqual([]);
    expect((await call<DraftSummary[]>('drafts.list')).map((d) => d.id).sort()).toEqual([keep.id, back.id].sort());
    const left = services.db.prepare('SELECT count(*) AS n FROM answer_events WHERE draft_id = ?').get(gone.id);
    expect(left).toEqual({ n: 0 });
    expect(await call('drafts.emptyTrash')).toEqual({ removed: 0 });
  });

  it('history lists the events of one answer, newest first; restoring is a save', async () => {
    const { call } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    for (const value of ['A', 'An', 'Ana', null]) await call('answers.save', { draftId: id, path: 'name', value });
    const history = await call<AnswerEvent[]>('answers.history', { draftId: id, path: 'name' });
    expect(history.map((e) => [e.oldValue, e.newValue])).toEqual([
      ['Ana', null],
      ['An', 'Ana'],
      ['A', 'An'],
      [null, 'A'],
    ]);
    expect(history[0]?.id).toBeGreaterThan(history[1]?.id ?? Infinity);
    await call('answers.save', { draftId: id, path: 'name', value: history[0]?.oldValue ?? null });
    expect((await call<Draft>('drafts.get', { id })).answers.name).toBe('Ana');
    expect(await call('answers.history', { draftId: id, path: 'notes' })).toEqual([]);
  });
});
