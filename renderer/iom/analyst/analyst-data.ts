import { useCallback } from 'react';
import { useApi } from '../../api/api-context.js';
import { unwrap } from '../../api/errors.js';
import { useLoader } from '../../api/use-loader.js';
import { loadQuestionnaireFrom } from '../../questionnaire/load.js';
import { analystRow, questionnaireKey, type AnalystData } from './analyst-model.js';

const versionOrder = new Intl.Collator('en', { numeric: true });

/** The rows (all revisions, filtered in memory) and their questionnaires, in one load. */
export function useAnalystData() {
  const api = useApi();
  const load = useCallback(async (): Promise<AnalystData> => {
    const rows = (await unwrap(api.iom.listSubmissionAnswers({ status: 'all' }))).map(analystRow);
    const refs = new Map<string, { id: string; version: string }>();
    for (const r of rows) refs.set(questionnaireKey(r.summary.questionnaireId, r.summary.questionnaireVersion), { id: r.summary.questionnaireId, version: r.summary.questionnaireVersion });
    const loaded = await Promise.all([...refs].map(async ([key, ref]) => [key, await loadQuestionnaireFrom(api, ref.id, ref.version)] as const));
    const questionnaires = new Map(loaded);
    const newestRef = [...refs.values()].sort((a, b) => versionOrder.compare(b.version, a.version))[0];
    const newest = newestRef ? questionnaires.get(questionnaireKey(newestRef.id, newestRef.version)) : undefined;
    return { rows, questionnaires, newest };
  }, [api]);
  return useLoader(load);
}
