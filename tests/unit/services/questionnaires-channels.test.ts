import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import { loadQuestionnaire } from '../../../core/questionnaire/index.js';
import { FIXTURES, install, useServices } from './service-fixture.js';

const start = useServices();

describe('questionnaires channels', () => {
  it('current is the newest installed version; get serves the file as checked by core', async () => {
    const { call } = start({ files: ['svc-test/1.0.0.json', 'svc-test/1.1.0.json'] });
    expect(await call('questionnaires.current')).toEqual({ id: 'svc-test', version: '1.1.0' });
    const got = await call<{ ref: unknown; definition: unknown }>('questionnaires.get', { id: 'svc-test', version: '1.0.0' });
    expect(got.ref).toEqual({ id: 'svc-test', version: '1.0.0' });
    expect(got.definition).toEqual(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'svc-test/1.0.0.json'), 'utf8')));
    expect(loadQuestionnaire(got.definition).ok).toBe(true);
  });

  it('refuses an invalid file with its errors, and never serves it', async () => {
    const { refuse } = start({ files: ['svc-test/1.0.0.json', 'svc-broken/1.0.0.json'] });
    const error = await refuse('questionnaires.get', { id: 'svc-broken', version: '1.0.0' });
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toContain('unknown question "nowhere"');
    expect(error.message).toContain('sections[0].items[2].relevant');
  });

  it('refuses a file whose content names another id or version, and a file that is not JSON', async () => {
    const { refuse, questionnairesDir } = start({ files: ['svc-test/1.0.0.json', 'svc-mislabelled/2.0.0.json'] });
    expect((await refuse('questionnaires.get', { id: 'svc-mislabelled', version: '2.0.0' })).message).toContain('declares svc-test 1.0.0');
    fs.writeFileSync(path.join(questionnairesDir, 'svc-test', '3.0.0.json'), '{ not json');
    expect((await refuse('questionnaires.get', { id: 'svc-test', version: '3.0.0' })).code).toBe('BAD_FILE');
    // The newest file is broken: no new draft may start on it.
    expect((await refuse('questionnaires.current')).code).toBe('BAD_FILE');
    expect((await refuse('drafts.create', { title: 't', respondentKind: 'state', mechanism: null, language: 'en' })).code).toBe('BAD_FILE');
  });

  it('answers NOT_FOUND for a version that is not installed, and refuses ids that would leave the folder', async () => {
    const { refuse, tempDir } = start();
    expect((await refuse('questionnaires.get', { id: 'svc-test', version: '9.9.9' })).code).toBe('NOT_FOUND');
    const outside = tempDir();
    install(outside, 'svc-test/1.0.0.json');
    for (const id of ['../svc-test', '..', 'svc-test/..', `..${path.sep}x`]) {
      // The contract refuses these names before the catalog is asked.
      const error = await refuse('questionnaires.get', { id, version: '1.0.0' });
      expect(error.code).toBe('INVALID_INPUT');
    }
    expect((await refuse('questionnaires.get', { id: 'svc-test', version: '../1.0.0' })).code).toBe('INVALID_INPUT');
  });

  it('finds a version installed after start (a missing file is not cached)', async () => {
    const { call, refuse, questionnairesDir } = start();
    expect((await refuse('questionnaires.get', { id: 'svc-test', version: '1.1.0' })).code).toBe('NOT_FOUND');
    install(questionnairesDir, 'svc-test/1.1.0.json');
    expect(await call('questionnaires.current')).toEqual({ id: 'svc-test', version: '1.1.0' });
  });

  it('the real questionnaire loads, and a draft on it starts with its respondent kind and mechanism answered', async () => {
    const { call } = start({ questionnairesDir: path.resolve(import.meta.dirname, '../../../questionnaires'), defaultId: 'iscm-assessment' });
    const got = await call<{ ref: unknown }>('questionnaires.get', { id: 'iscm-assessment', version: '1.0.0' });
    expect(got.ref).toEqual({ id: 'iscm-assessment', version: '1.0.0' });
    const draft = await call<DraftSummary>('drafts.create', { title: 'Bali', respondentKind: 'secretariat', mechanism: 'afml', language: 'ar' });
    expect(draft.progress).toBeGreaterThan(0);
    expect(draft.progress).toBeLessThan(1);
    expect((await call<Draft>('drafts.get', { id: draft.id })).answers).toEqual({ respondent_kind: 'secretariat', mechanism: 'afml' });
  });
});
