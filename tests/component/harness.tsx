/**
 * Component tests render the real screens against the real app: the app services on a fresh
 * data folder (real SQLite, real engine), called through the real contract dispatcher, with
 * `window.iscm`'s shape built by the contract's own `buildApi`. Only what a host does for the
 * user outside the page (a file dialog) or a failure to provoke is stood in.
 */
import path from 'node:path';
import { render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeAll, expect } from 'vitest';
import type { AnswerValue } from '../../core/answers/value.js';
import { buildApi } from '../../core/contract/build-api.js';
import type { Draft } from '../../core/contract/channels/drafts.js';
import { createDispatcher } from '../../core/contract/dispatch.js';
import type { IscmApi } from '../../core/contract/index.js';
import { evaluate, loadQuestionnaire, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { createAppServices, type AppServices } from '../../main/services/app-services.js';
import type { HostCapabilities } from '../../main/services/host.js';
import { classifyStorageError } from '../../main/services/storage-errors.js';
import { ApiProvider } from '../../renderer/api/api-context.js';
import { unwrap } from '../../renderer/api/errors.js';
import { DraftWorkspace } from '../../renderer/draft/DraftWorkspace.js';
import { loadQuestionnaireFrom } from '../../renderer/questionnaire/load.js';
import type { Route } from '../../renderer/routing/route.js';
import { makeRelease, writeAppFolder } from '../helpers/releases.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { COMPONENT_QUESTIONNAIRE_ID, componentQuestionnaire } from './questionnaire.js';

export interface TestApp {
  readonly api: IscmApi;
  readonly services: AppServices;
  readonly dataDir: string;
  /** A new draft on the test questionnaire, with these answers saved through the contract. */
  readonly newDraft: (answers?: Readonly<Record<string, AnswerValue>>) => Promise<string>;
  /** The draft as saved in the database now. */
  readonly saved: (draftId: string) => Promise<Draft>;
}

/** A factory of test apps; each has its own data folder, closed after the test. */
export interface TestAppOptions {
  readonly hostCapabilities?: HostCapabilities;
  /** Changes the API the screens get (a failure to provoke); the harness itself keeps the real one. */
  readonly wrap?: (api: IscmApi) => IscmApi;
  /** The real ISCM questionnaire instead of the test one (the forms that start a draft ask its questions). */
  readonly realQuestionnaire?: boolean;
}

const REAL_QUESTIONNAIRES = path.resolve(import.meta.dirname, '..', '..', 'questionnaires');

/** A factory of test apps; each has its own data folder, closed after the test. */
export function useTestApp(): (options?: TestAppOptions) => TestApp {
  const tempDir = useTempDirs();
  const open: AppServices[] = [];
  // The test questionnaire reaches the app as every questionnaire does: a signed release among
  // the app folder's bundled ones (signed once per file; each app gets a copy).
  let release: Buffer | undefined;
  beforeAll(async () => {
    release = (await makeRelease(Buffer.from(JSON.stringify(componentQuestionnaire)))).bytes;
  });
  afterEach(() => {
    for (const s of open.splice(0)) s.close();
  });
  return (options = {}) => {
    const dataDir = tempDir();
    const questionnairesDir = options.realQuestionnaire ? REAL_QUESTIONNAIRES : tempDir();
    if (!options.realQuestionnaire) {
      if (!release) throw new Error('useTestApp() must be called in a describe block (its release is made in beforeAll).');
      writeAppFolder(questionnairesDir, [{ name: `${COMPONENT_QUESTIONNAIRE_ID}-1.0.0.iscmq`, bytes: release }]);
    }
    const services = createAppServices({
      dataDir,
      questionnairesDir,
      host: options.hostCapabilities ? 'electron' : 'web',
      appVersion: '0.0.0-test',
      defaultQuestionnaireId: options.realQuestionnaire ? 'iscm-assessment' : COMPONENT_QUESTIONNAIRE_ID,
      ...(options.hostCapabilities ? { hostCapabilities: options.hostCapabilities } : {}),
    });
    open.push(services);
    const dispatch = createDispatcher(services.handlers, { classifyError: classifyStorageError });
    const real = buildApi((channel, input) => dispatch(channel, input), (listener) => services.events.subscribe(listener));
    const api = options.wrap ? options.wrap(real) : real;
    return {
      api,
      services,
      dataDir,
      newDraft: async (answers = {}) => {
        const draft = await unwrap(real.drafts.create({ title: 'Test draft', respondentKind: 'secretariat', mechanism: null, language: 'en' }));
        for (const [p, value] of Object.entries(answers)) await unwrap(real.answers.save({ draftId: draft.id, path: p, value }));
        return draft.id;
      },
      saved: (draftId) => unwrap(real.drafts.get({ id: draftId })),
    };
  };
}

export function renderWithApi(api: IscmApi, ui: ReactNode) {
  return render(<ApiProvider api={api}>{ui}</ApiProvider>);
}

/** Opens a draft on a section (or the review) as the draft screen does, once its questionnaire is loaded. */
export async function openDraft(app: TestApp, draftId: string, where: { section: string; focus?: string } | 'review') {
  const draft = await app.saved(draftId);
  const loaded: LoadedQuestionnaire = await loadQuestionnaireFrom(app.api, draft.questionnaireId, draft.questionnaireVersion);
  const route: Route = where === 'review' ? { name: 'review', draftId } : { name: 'draft', draftId, ...where };
  const view = renderWithApi(app.api, <DraftWorkspace draft={draft} loaded={loaded} route={route} onReload={() => undefined} />);
  await screen.findByRole('heading', { level: 1 });
  return view;
}

/** Waits until the host has committed `value` at `path` (the autosaver saves after a pause or on blur). */
export async function expectSaved(app: TestApp, draftId: string, answerPath: string, value: AnswerValue) {
  await waitFor(async () => expect((await app.saved(draftId)).answers[answerPath] ?? null).toEqual(value), { timeout: 3000 });
}

/** The test questionnaire as core loads it. */
export function loadedTestQuestionnaire(): LoadedQuestionnaire {
  const result = loadQuestionnaire(componentQuestionnaire);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.questionnaire;
}

/** What core's engine says about `answerPath` under these answers: the text a field must show. */
export function engineMessage(answers: Readonly<Record<string, AnswerValue>>, answerPath: string, lang = 'en'): string {
  const found = evaluate(loadedTestQuestionnaire(), answers, { lang }).problems.filter((p) => p.path === answerPath);
  if (found.length === 0) throw new Error(`the engine finds no problem at ${answerPath}`);
  return found.map((p) => p.message).join(' ');
}
