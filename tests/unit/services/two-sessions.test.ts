import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { buildApi } from '../../../core/contract/build-api.js';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import type { AnswerChangedEvent } from '../../../core/contract/events.js';
import { loadQuestionnaire } from '../../../core/questionnaire/index.js';
import { createDraftSession, type DraftSession } from '../../../renderer/draft/draft-session.js';
import { useServices } from './service-fixture.js';

/**
 * Two windows' draft sessions (the renderer's one change path, with its autosaver) on one draft,
 * against the real services and dispatcher on a real SQLite file; each session hears the
 * services' events as a window does. No browser: the e2e (tests/e2e/two-windows.spec.ts) drives
 * the same through Chromium.
 */
const QUESTIONNAIRES = path.resolve(import.meta.dirname, '../../../questionnaires');
const start = useServices();
const LANGS = 'working_languages';

async function twoWindows() {
  const kit = start({ questionnairesDir: QUESTIONNAIRES, defaultId: 'iscm-assessment' });
  const api = buildApi((name, input) => kit.dispatch(name, input), (listener) => kit.services.events.subscribe(listener));
  const { id } = await kit.call<DraftSummary>('drafts.create', { title: 'T', respondentKind: 'secretariat', mechanism: 'gfmd', language: 'en' });
  const draft = await kit.call<Draft>('drafts.get', { id });
  const { definition } = await kit.call<{ definition: unknown }>('questionnaires.get', { id: draft.questionnaireId, version: draft.questionnaireVersion });
  const loaded = loadQuestionnaire(definition);
  if (!loaded.ok) throw new Error('the questionnaire does not load');
  const open = (): DraftSession => {
    // A long debounce: nothing is saved until the test flushes, so both windows change "at once".
    const session = createDraftSession(draft, loaded.questionnaire, api, { saveDebounceMs: 60_000 });
    api.on('answerChanged', (e: AnswerChangedEvent) => session.hear(e));
    return session;
  };
  const stored = (p: string) => kit.services.db.prepare('SELECT value_json FROM answers WHERE draft_id = ? AND path = ?').pluck().get(id, p);
  return { ...kit, id, one: open(), two: open(), stored };
}

describe('two windows on one draft (draft sessions over the real services)', () => {
  it('ticks in both windows, made before either saved, are both kept and both windows show both', async () => {
    const { one, two, stored } = await twoWindows();
    one.changeItem(LANGS, ['english'], { op: 'add', value: 'english' });
    two.changeItem(LANGS, ['french'], { op: 'add', value: 'french' });
    await one.flush();
    await two.flush();
    await sleep(10);
    expect(stored(LANGS)).toBe('["english","french"]');
    expect(one.answers.get(LANGS)).toEqual(['english', 'french']);
    expect(two.answers.get(LANGS)).toEqual(['english', 'french']);
    // An untick in one is heard by the other.
    one.changeItem(LANGS, ['french'], { op: 'remove', value: 'english' });
    await one.flush();
    await sleep(10);
    expect(two.answers.get(LANGS)).toEqual(['french']);
    expect(one.conflicts.get()).toEqual([]);
    expect(two.conflicts.get()).toEqual([]);
  });

  it('a change heard for an answer not being edited is shown in place, and the next save there is based on it', async () => {
    const { one, two, stored } = await twoWindows();
    one.change('state_name', 'From one', true);
    await one.flush();
    await sleep(10);
    expect(two.answers.get('state_name')).toBe('From one');
    two.change('state_name', 'From one, then two', true);
    await two.flush();
    expect(stored('state_name')).toBe('"From one, then two"');
    expect(two.conflicts.get()).toEqual([]);
    await sleep(10);
    expect(one.answers.get('state_name')).toBe('From one, then two');
  });

  it('the same text edited in both: the stale save is refused, the other version shown, and what was typed kept', async () => {
    const { one, two, stored } = await twoWindows();
    two.change('state_name', 'Typed in two', true);
    one.change('state_name', 'Typed in one', true);
    await one.flush();
    await sleep(10);
    // Two has its own change queued: the other window's is not shown over what it is typing.
    expect(two.answers.get('state_name')).toBe('Typed in two');
    await two.flush();
    expect(stored('state_name')).toBe('"Typed in one"');
    expect(two.answers.get('state_name')).toBe('Typed in one');
    expect(two.conflicts.get()).toEqual([{ path: 'state_name', mine: 'Typed in two', theirs: 'Typed in one' }]);
    expect(two.status.get().kind).not.toBe('failed');
    // Putting it back is a deliberate save based on what is now shown: accepted.
    two.change('state_name', 'Typed in two');
    await two.flush();
    expect(stored('state_name')).toBe('"Typed in two"');
    await sleep(10);
    expect(one.answers.get('state_name')).toBe('Typed in two');
  });
});
