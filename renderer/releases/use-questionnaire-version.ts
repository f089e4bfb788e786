import { useEffect, useState } from 'react';
import { loadQuestionnaire, type LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';

/**
 * One installed questionnaire version, loaded with core's loader (for labels of questions the
 * current version may not have). Undefined while loading, or when it cannot be had.
 */
export function useQuestionnaireVersion(
  id: string,
  version: string | null | undefined,
): LoadedQuestionnaire | undefined {
  const api = useApi();
  const [loaded, setLoaded] = useState<{ key: string; value: LoadedQuestionnaire } | undefined>();
  const key = `${id}@${version ?? ''}`;
  useEffect(() => {
    if (!version) return;
    let live = true;
    void api.questionnaires.get({ id, version }).then((result) => {
      if (!live || !result.ok) return;
      const parsed = loadQuestionnaire(result.value.definition);
      if (parsed.ok) setLoaded({ key: `${id}@${version}`, value: parsed.questionnaire });
    });
    return () => {
      live = false;
    };
  }, [api, id, version]);
  return loaded?.key === key ? loaded.value : undefined;
}
