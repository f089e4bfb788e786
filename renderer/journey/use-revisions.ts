import { useEffect, useMemo, useState } from 'react';
import type { DraftSummary } from '../../core/contract/channels/drafts.js';
import type { Submission } from '../../core/contract/channels/submissions.js';
import { useApi } from '../api/api-context.js';

/**
 * The signed revisions behind the home list's drafts: each finalized draft's own revision and
 * the one that supersedes it. Reloaded whenever the list is (a finalize or an amend changes it);
 * a failure only leaves the badges out, the list itself says its own errors.
 */
export function useRevisionsByDraft(drafts: readonly DraftSummary[] | undefined) {
  const api = useApi();
  const [all, setAll] = useState<readonly Submission[]>([]);
  useEffect(() => {
    if (drafts === undefined) return;
    let live = true;
    void api.submissions.list({}).then((result) => {
      if (live && result.ok) setAll(result.value);
    });
    return () => {
      live = false;
    };
  }, [api, drafts]);
  return useMemo(() => {
    const byDraft = new Map(all.map((s) => [s.draftId, s]));
    const byId = new Map(all.map((s) => [s.id, s]));
    return {
      of: (draftId: string): { revision?: Submission; newer?: Submission } => {
        const revision = byDraft.get(draftId);
        if (!revision) return {};
        const newer = revision.supersededBy ? byId.get(revision.supersededBy) : undefined;
        return newer ? { revision, newer } : { revision };
      },
    };
  }, [all]);
}
