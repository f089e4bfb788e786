import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue } from '../../../core/answers/value.js';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import type { AnswerChangedEvent } from '../../../core/contract/events.js';
import { toggleChoice } from '../../../core/questionnaire/index.js';
import { useServices } from './service-fixture.js';

// The real questionnaire: multiple choices with and without an exclusive choice, and repeat groups.
const QUESTIONNAIRES = path.resolve(import.meta.dirname, '../../../questionnaires');
const start = useServices();
const newDraft = { title: 'Two windows', respondentKind: 'secretariat', mechanism: 'gfmd', language: 'en' };
const LANGS = 'working_languages';
const RISKS = 'risks';

async function open() {
  const kit = start({ questionnairesDir: QUESTIONNAIRES, defaultId: 'iscm-assessment' });
  const heard: AnswerChangedEvent[] = [];
  kit.services.events.subscribe((name, payload) => {
    if (name === 'answerChanged') heard.push(payload as AnswerChangedEvent);
  });
  const { id } = await kit.call<DraftSummary>('drafts.create', newDraft);
  const stored = (p: string) => kit.services.db.prepare('SELECT value_json, version FROM answers WHERE draft_id = ? AND path = ?').get(id, p);
  const events = (p: string) => kit.services.db.prepare('SELECT count(*) FROM answer_events WHERE draft_id = ? AND path = ?').pluck().get(id, p);
  return { ...kit, id, heard, stored, events };
}

describe('answer versions: a save based on a stale version is refused', () => {
  it('each change moves the version on; drafts.get gives every answer’s version', async () => {
    const { call, id } = await open();
    expect((await call<Draft>('drafts.get', { id })).versions).toEqual({ respondent_kind: 1, mechanism: 1 });
    expect(await call('answers.save', { draftId: id, path: 'state_name', value: 'A', baseVersion: 0 })).toMatchObject({ version: 1 });
    expect(await call('answers.save', { draftId: id, path: 'state_name', value: 'AB', baseVersion: 1 })).toMatchObject({ version: 2 });
    // The same value again writes nothing and keeps the version.
    expect(await call('answers.save', { draftId: id, path: 'state_name', value: 'AB', baseVersion: 2 })).toMatchObject({ version: 2 });
    expect((await call<Draft>('drafts.get', { id })).versions).toMatchObject({ state_name: 2 });
  });

  it('refuses a save based on an older version with ANSWER_STALE, the stored value and version, and writes nothing', async () => {
    const { call, refuse, id, stored, events } = await open();
    await call('answers.save', { draftId: id, path: 'state_name', value: 'window one', baseVersion: 0 });
    // Window two opened before that save: it still holds version 0.
    const error = await refuse('answers.save', { draftId: id, path: 'state_name', value: 'window two', baseVersion: 0 });
    expect(error.code).toBe('ANSWER_STALE');
    expect(error.details).toEqual({ path: 'state_name', version: 1, value: 'window one' });
    expect(error.message).toMatch(/changed in another window/);
    expect(stored('state_name')).toEqual({ value_json: '"window one"', version: 1 });
    expect(events('state_name')).toBe(1);
    // Based on what it was refused with, the same window's save goes through.
    expect(await call('answers.save', { draftId: id, path: 'state_name', value: 'window two', baseVersion: 1 })).toMatchObject({ version: 2 });
  });

  it('a stale whole array of a multiple choice is refused instead of overwriting the other window’s ticks', async () => {
    const { call, refuse, id, stored } = await open();
    await call('answers.save', { draftId: id, path: LANGS, value: ['english'], baseVersion: 0 });
    await call('answers.save', { draftId: id, path: LANGS, value: ['english', 'french'], baseVersion: 1 });
    const error = await refuse('answers.save', { draftId: id, path: LANGS, value: ['english', 'arabic'], baseVersion: 1 });
    expect(error).toMatchObject({ code: 'ANSWER_STALE', details: { path: LANGS, version: 2, value: ['english', 'french'] } });
    expect(stored(LANGS)).toEqual({ value_json: '["english","french"]', version: 2 });
  });

  it('the same value as stored is accepted whatever its base (nothing is lost)', async () => {
    const { call, id, events } = await open();
    await call('answers.save', { draftId: id, path: 'state_name', value: 'same', baseVersion: 0 });
    expect(await call('answers.save', { draftId: id, path: 'state_name', value: 'same', baseVersion: 0 })).toMatchObject({ version: 1 });
    expect(events('state_name')).toBe(1);
  });

  it('a save without a base version writes unconditionally (tools), and still moves the version on', async () => {
    const { call, id } = await open();
    await call('answers.save', { draftId: id, path: 'state_name', value: 'a' });
    expect(await call('answers.save', { draftId: id, path: 'state_name', value: 'b' })).toMatchObject({ version: 2 });
  });
});

describe('answers.change: one value or row added or removed against the stored answer', () => {
  it('two windows ticking different boxes of one multiple choice both keep their ticks', async () => {
    const { call, id, stored } = await open();
    // Both windows show the question unticked; neither knows of the other's tick.
    expect(await call('answers.change', { draftId: id, path: LANGS, op: 'add', value: 'french', origin: 'w1' })).toMatchObject({ value: ['french'], version: 1 });
    expect(await call('answers.change', { draftId: id, path: LANGS, op: 'add', value: 'english', origin: 'w2' })).toMatchObject({ value: ['english', 'french'], version: 2 });
    expect(await call('answers.change', { draftId: id, path: LANGS, op: 'remove', value: 'french', origin: 'w1' })).toMatchObject({ value: ['english'], version: 3 });
    expect(stored(LANGS)).toEqual({ value_json: '["english"]', version: 3 });
  });

  it('ticking follows the question’s exclusive choice, in the stored answer', async () => {
    const { call, id } = await open();
    await call('answers.change', { draftId: id, path: RISKS, op: 'add', value: 'overlap' });
    await call('answers.change', { draftId: id, path: RISKS, op: 'add', value: 'single_donor' });
    expect(await call('answers.change', { draftId: id, path: RISKS, op: 'add', value: 'no_major_risks' })).toMatchObject({ value: ['no_major_risks'] });
    expect(await call('answers.change', { draftId: id, path: RISKS, op: 'add', value: 'overlap' })).toMatchObject({ value: ['overlap'] });
    expect(await call('answers.change', { draftId: id, path: RISKS, op: 'remove', value: 'overlap' })).toMatchObject({ value: null });
  });

  it('two windows adding a repeat row each keep both rows; a removal takes out only that row', async () => {
    const { call, id, stored } = await open();
    await call('answers.change', { draftId: id, path: 'achievements', op: 'add', value: 'row-a' });
    await call('answers.change', { draftId: id, path: 'achievements', op: 'add', value: 'row-b' });
    // Adding a row already there changes nothing.
    expect(await call('answers.change', { draftId: id, path: 'achievements', op: 'add', value: 'row-a' })).toMatchObject({ value: ['row-a', 'row-b'], version: 2 });
    expect(await call('answers.change', { draftId: id, path: 'achievements', op: 'remove', value: 'row-a' })).toMatchObject({ value: ['row-b'], version: 3 });
    expect(stored('achievements')).toEqual({ value_json: '["row-b"]', version: 3 });
  });

  it('refuses a change on anything but a multiple choice or a repeat group, an unknown choice and a bad row id', async () => {
    const { refuse, id, stored } = await open();
    for (const [p, value] of [['state_name', 'x'], [`${LANGS}.other`, 'x'], [LANGS, 'klingon'], ['achievements', 'a b']] as const) {
      const error = await refuse('answers.change', { draftId: id, path: p, op: 'add', value });
      expect(error.code, p).toBe('VALIDATION_FAILED');
      expect(stored(p.replace('.other', ''))).toBeUndefined();
    }
  });

  it('refuses a change to a finalized or missing draft like a save', async () => {
    const { refuse } = await open();
    expect((await refuse('answers.change', { draftId: crypto.randomUUID(), path: LANGS, op: 'add', value: 'english' })).code).toBe('NOT_FOUND');
  });
});

describe('answerChanged: the other windows hear of each commit', () => {
  it('is emitted once per commit, after it, with the value, version and origin; never for a refusal or an unchanged value', async () => {
    const { call, refuse, id, heard, services } = await open();
    heard.length = 0;
    let committedWhenHeard: unknown;
    services.events.subscribe((name) => {
      if (name === 'answerChanged') committedWhenHeard = services.db.prepare('SELECT value_json FROM answers WHERE draft_id = ? AND path = ?').pluck().get(id, LANGS);
    });
    await call('answers.change', { draftId: id, path: LANGS, op: 'add', value: 'arabic', origin: 'window-1' });
    expect(committedWhenHeard).toBe('["arabic"]');
    await call('answers.save', { draftId: id, path: 'state_name', value: 'Name', baseVersion: 0, origin: 'window-2' });
    await call('answers.save', { draftId: id, path: 'state_name', value: 'Name', baseVersion: 1, origin: 'window-2' });
    await refuse('answers.save', { draftId: id, path: 'state_name', value: 'Stale', baseVersion: 0, origin: 'window-1' });
    await call('answers.change', { draftId: id, path: LANGS, op: 'add', value: 'arabic', origin: 'window-1' });
    await call('answers.save', { draftId: id, path: 'state_name', value: 'Tool' });
    expect(heard).toEqual([
      { draftId: id, path: LANGS, value: ['arabic'], version: 1, origin: 'window-1' },
      { draftId: id, path: 'state_name', value: 'Name', version: 1, origin: 'window-2' },
      { draftId: id, path: 'state_name', value: 'Tool', version: 2, origin: null },
    ]);
  });
});

describe('two writers interleaving add and remove on one multiple choice (property)', () => {
  type Op = { readonly op: 'add' | 'remove'; readonly value: string };
  const opOf = (values: readonly string[]) => fc.record({ op: fc.constantFrom<'add' | 'remove'>('add', 'remove'), value: fc.constantFrom(...values) });

  it('the final answer is the sequential application of the interleaved changes, and each writer keeps its own ticks', async () => {
    const { call, id: firstDraft } = await open();
    const draft = await call<Draft>('drafts.get', { id: firstDraft });
    const q = (await call<{ definition: { choiceLists: Record<string, { value: string; exclusive?: boolean }[]> } }>('questionnaires.get', { id: draft.questionnaireId, version: draft.questionnaireVersion })).definition;
    for (const [path, list] of [[LANGS, 'working_languages'], [RISKS, 'risks']] as const) {
      const choices = (q.choiceLists[list] ?? []).map((c) => ({ ...c, label: { en: c.value } })) as unknown as Parameters<typeof toggleChoice>[0];
      const values = choices.map((c) => c.value);
      const half = Math.ceil(values.length / 2);
      await fc.assert(
        fc.asyncProperty(fc.array(opOf(values.slice(0, half)), { maxLength: 12 }), fc.array(opOf(values.slice(half)), { maxLength: 12 }), fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), async (a, b, schedule) => {
          const { id } = await call<DraftSummary>('drafts.create', newDraft);
          // The interleaving: at each step, writer A or B sends its next change (whichever has one left).
          const order: Op[] = [];
          let i = 0;
          let j = 0;
          for (const pickA of schedule) {
            const next = (pickA && i < a.length) || j >= b.length ? a[i++] : b[j++];
            if (next) order.push(next);
          }
          order.push(...a.slice(i), ...b.slice(j));
          let model: AnswerValue = null;
          for (const { op, value } of order) {
            await call('answers.change', { draftId: id, path, op, value });
            model = toggleChoice(choices, Array.isArray(model) ? model : [], value, op === 'add');
          }
          const final = (await call<Draft>('drafts.get', { id })).answers[path] ?? null;
          expect(final).toEqual(model);
          // Without an exclusive choice, each writer's own values end as its last change left them, whatever the interleaving.
          if (path === LANGS) {
            const expected = values.filter((v) => [...a, ...b].filter((o) => o.value === v).at(-1)?.op === 'add');
            expect(final ?? []).toEqual(expected);
          }
        }),
        { numRuns: 40 },
      );
    }
  });
});

