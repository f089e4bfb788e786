import { loadQuestionnaire, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import type { IscmApi } from '../../core/contract/index.js';
import { unwrap } from '../api/errors.js';

const cache = new Map<string, Promise<LoadedQuestionnaire>>();

/**
 * A questionnaire from the host, loaded again here with core's loader so skip logic and
 * validation run in the renderer with the very same rules. Cached per id and version.
 */
export function loadQuestionnaireFrom(api: Pick<IscmApi, 'questionnaires'>, id: string, version: string): Promise<LoadedQuestionnaire> {
  const key = `${id}@${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = unwrap(api.questionnaires.get({ id, version })).then(({ definition }) => {
    const loaded = loadQuestionnaire(definition);
    if (!loaded.ok) {
      const first = loaded.errors[0];
      throw new Error(`The questionnaire ${key} is not valid: ${first ? `${first.path}: ${first.message}` : 'unknown error'}`);
    }
    return loaded.questionnaire;
  });
  // A failure is not cached, so "Try again" really tries again.
  loading.catch(() => cache.delete(key));
  cache.set(key, loading);
  return loading;
}

export async function fetchCurrentQuestionnaire(api: Pick<IscmApi, 'questionnaires'>): Promise<LoadedQuestionnaire> {
  const ref = await unwrap(api.questionnaires.current({}));
  return loadQuestionnaireFrom(api, ref.id, ref.version);
}

/**
 * The same through `window.iscm`, for renderer/iom until it takes the API by injection
 * (its own change); every other screen passes the API from `useApi()`.
 */
export const fetchQuestionnaire = (id: string, version: string): Promise<LoadedQuestionnaire> => loadQuestionnaireFrom(window.iscm, id, version);
