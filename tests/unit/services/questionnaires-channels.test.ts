import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../../core/contract/channels/drafts.js';
import { loadQuestionnaire } from '../../../core/questionnaire/index.js';
import { FIXTURES, fixtureRelease, install, useServices } from './service-fixture.js';

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

  it('never installs or serves a bundled release whose questionnaire is invalid, and lists it with its reason', async () => {
    const { call, refuse } = start({ files: ['svc-test/1.0.0.json', 'svc-broken/1.0.0.json'] });
    expect((await refuse('questionnaires.get', { id: 'svc-broken', version: '1.0.0' })).code).toBe('NOT_FOUND');
    const list = await call<{ problems: { file: string; code: string; detail: string; bundled: boolean }[] }>('releases.list');
    expect(list.problems).toHaveLength(1);
    expect(list.problems[0]).toMatchObject({ code: 'RELEASE_QUESTIONNAIRE_INVALID', bundled: true });
    expect(list.problems[0]?.detail).toContain('unknown question "nowhere"');
    expect(list.problems[0]?.detail).toContain('sections[0].items[2].relevant');
  });

  it('keeps the installed release of a version when another with other content claims it, and refuses a file that is not a release', async () => {
    const { call, questionnairesDir } = start();
    await call('questionnaires.current');
    // An updated app carries a different 1.0.0, and a file that is not a release at all.
    install(questionnairesDir, 'svc-mislabelled/2.0.0.json');
    fs.writeFileSync(path.join(questionnairesDir, 'releases', 'zzz-not-a-release.iscmq'), '{ not json');
    const again = start({ questionnairesDir, dataDir: (await call<{ dataDir: string }>('app.info')).dataDir });
    const got = await again.call<{ definition: unknown }>('questionnaires.get', { id: 'svc-test', version: '1.0.0' });
    expect(got.definition).toEqual(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'svc-test/1.0.0.json'), 'utf8')));
    const list = await again.call<{ problems: { file: string; code: string }[] }>('releases.list');
    expect(list.problems.map((p) => [path.basename(p.file), p.code]).sort()).toEqual([
      ['svc-mislabelled-2.0.0.iscmq', 'RELEASE_VERSION_CONFLICT'],
      ['zzz-not-a-release.iscmq', 'RELEASE_NOT_A_RELEASE'],
    ]);
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

  it('finds a version installed after start, through the install channels', async () => {
    const { call, refuse, services } = start();
    expect((await refuse('questionnaires.get', { id: 'svc-test', version: '1.1.0' })).code).toBe('NOT_FOUND');
    const preview = await services.releases.stageBytes(fixtureRelease('svc-test/1.1.0.json'), 'svc-test-1.1.0.iscmq');
    await call('releases.install', { stagedId: preview.stagedId });
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
