import { loadQuestionnaire, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { unwrap } from '../api/errors.js';

const cache = new Map<string, Promise<LoadedQuestionnaire>>();

/**
 * A questionnaire from the host, loaded again here with core's loader so skip logic and
 * validation run in the renderer with the very same rules. Cached per id and version.
 */
export function fetchQuestionnaire(id: string, version: string): Promise<LoadedQuestionnaire> {
  const key = `${id}@${version}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const loading = unwrap(window.iscm.questionnaires.get({ id, version })).then(({ definition }) => {
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

export async function fetchCurrentQuestionnaire(): Promise<LoadedQuestionnaire> {
  const ref = await unwrap(window.iscm.questionnaires.current({}));
  return fetchQuestionnaire(ref.id, ref.version);
}
