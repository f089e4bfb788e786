import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Draft } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { messageOf, unwrap } from '../api/errors.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { loadQuestionnaireFrom } from '../questionnaire/load.js';
import type { Route } from '../routing/hash-route.js';
import { DraftWorkspace } from './DraftWorkspace.js';

type Loaded = { draft: Draft; loaded: LoadedQuestionnaire };

/** Loads a draft and its questionnaire version, then shows the wizard: the questions in the draft's language, the app in the user's own. */
export function DraftScreen({ draftId, route }: { draftId: string; route: Route }) {
  const { t } = useTranslation();
  const api = useApi();
  const [data, setData] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(async () => {
    try {
      setError(undefined);
      const draft = await unwrap(api.drafts.get({ id: draftId }));
      const loaded = await loadQuestionnaireFrom(api, draft.questionnaireId, draft.questionnaireVersion);
      setData({ draft, loaded });
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api, draftId]);
  useEffect(() => {
    void load();
  }, [load]);
  if (error) return <ErrorMessage message={error} onRetry={() => void load()} />;
  if (!data) return <p>{t('app.loading')}</p>;
  // A move to another version is a new questionnaire for the workspace: it starts afresh.
  return <DraftWorkspace key={data.draft.questionnaireVersion} draft={data.draft} loaded={data.loaded} route={route} onReload={() => void load()} />;
}
