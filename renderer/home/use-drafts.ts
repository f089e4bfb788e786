import { useCallback, useEffect, useState } from 'react';
import type { DraftSummary } from '../../core/contract/channels/drafts.js';
import type { LoadedQuestionnaire } from '../../core/questionnaire/index.js';
import { useApi } from '../api/api-context.js';
import { messageOf, unwrap } from '../api/errors.js';
import { fetchCurrentQuestionnaire } from '../questionnaire/load.js';

/** A list of drafts (home or trash) with a refresh, and the current questionnaire for labels. */
export function useDraftList(which: 'list' | 'trash') {
  const api = useApi();
  const [drafts, setDrafts] = useState<readonly DraftSummary[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const refresh = useCallback(async () => {
    try {
      setDrafts(await unwrap(which === 'list' ? api.drafts.list({}) : api.drafts.trash({})));
      setError(undefined);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [api, which]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { drafts, error, setError, refresh };
}

export function useCurrentQuestionnaire() {
  const api = useApi();
  const [loaded, setLoaded] = useState<LoadedQuestionnaire | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    fetchCurrentQuestionnaire(api).then(
      (q) => live && setLoaded(q),
      (e: unknown) => live && setError(messageOf(e)),
    );
    return () => {
      live = false;
    };
  }, [api, attempt]);
  const retry = useCallback(() => {
    setError(undefined);
    setAttempt((a) => a + 1);
  }, []);
  return { loaded, error, retry };
}
