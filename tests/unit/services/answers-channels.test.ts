import { describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import { useServices } from './service-fixture.js';

const start = useServices();
const newDraft = { title: 'GFMD 2026', respondentKind: 'secretariat', mechanism: 'gfmd', language: 'en' };

describe('answers.save against the draft’s questionnaire', () => {
  it('accepts questions, "Other" texts, repeat row lists and questions inside a row', async () => {
    const { call } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const saves = { name: 'Ana', 'mechanism.other': 'A new process', items: ['r1'], 'items[r1].item_title': 'Workshop' };
    for (const [path, value] of Object.entries(saves)) await call('answers.save', { draftId: id, path, value });
    expect((await call<Draft>('drafts.get', { id })).answers).toMatchObject(saves);
  });

  it.each([
    ['unknown', 'an unknown question'],
    ['profile', 'a section id'],
    ['item_title', 'a row question outside its row'],
    ['items[r1].name', 'a question in a group it is not in'],
    ['name.other', 'an "Other" text on a question without one'],
    ['items[r1].item_title.other', 'an "Other" text inside a row on a question without one'],
  ])('refuses %s (%s) with VALIDATION_FAILED and writes nothing', async (path) => {
    const { call, refuse, services } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const error = await refuse('answers.save', { draftId: id, path, value: 'x' });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual({ path });
    expect(services.db.prepare('SELECT count(*) AS n FROM answers WHERE draft_id = ?').get(id)).toEqual({ n: 2 });
  });

  it('refuses a path that does not parse at the contract', async () => {
    const { call, refuse } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    for (const path of ['../etc', 'items[r/1].x', 'a.b.c', '']) {
      expect((await refuse('answers.save', { draftId: id, path, value: 'x' })).code).toBe('INVALID_INPUT');
    }
  });

  it('refuses a finalized draft with READ_ONLY and a trashed one with NOT_FOUND', async () => {
    const { call, refuse, services } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    services.db.prepare("UPDATE drafts SET status = 'finalized' WHERE id = ?").run(id);
    expect((await refuse('answers.save', { draftId: id, path: 'name', value: 'x' })).code).toBe('READ_ONLY');
    services.db.prepare("UPDATE drafts SET status = 'draft', deleted_at = 'now' WHERE id = ?").run(id);
    expect((await refuse('answers.save', { draftId: id, path: 'name', value: 'x' })).code).toBe('NOT_FOUND');
    expect((await refuse('answers.history', { draftId: id, path: 'name' })).code).toBe('NOT_FOUND');
  });

  it('keeps any parseable path when the draft’s questionnaire is not installed (never loses what was typed)', async () => {
    const { call, services } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    services.db.prepare("UPDATE drafts SET questionnaire_version = '9.9.9' WHERE id = ?").run(id);
    await call('answers.save', { draftId: id, path: 'whatever', value: 1 });
    expect((await call<Draft>('drafts.get', { id })).answers).toHaveProperty('whatever', 1);
  });
});

describe('answers.save of attachment references', () => {
  it('refuses a reference to a file that is not in the attachment store', async () => {
    const { call, refuse, services } = start();
    const { id } = await call<DraftSummary>('drafts.create', newDraft);
    const ref = { sha256: 'c'.repeat(64), name: 'ghost.pdf', size: 3, mediaType: 'application/pdf' };
    const error = await refuse('answers.save', { draftId: id, path: 'docs', value: [ref] });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', details: { path: 'docs' } });
    expect(error.message).toContain('ghost.pdf');
    services.db.prepare("INSERT INTO attachments VALUES (?, 3, 'application/pdf', 'ghost.pdf', 'now')").run(ref.sha256);
    await call('answers.save', { draftId: id, path: 'docs', value: [ref] });
    await call('answers.save', { draftId: id, path: 'docs', value: [] });
  });
});
