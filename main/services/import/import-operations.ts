import { randomUUID } from 'node:crypto';
import type { ImportProgressView } from '../../../core/contract/channels/iom.js';
import { AppError } from '../../../core/contract/errors.js';
import type { BatchProgress } from './batch.js';
import type { BatchSummary, FileOutcome, OutcomeCounts } from './outcomes.js';

type Listener = (progress: { operationId: string; done: number; total: number }) => void;

/**
 * Imports started from the workspace run in the background; the window asks for their
 * progress (and receives `progress` events where the host forwards them). The last few
 * finished operations are kept so a slow poll still sees the final outcome.
 */
export function createImportOperations(onProgress?: Listener) {
  const operations = new Map<string, ImportProgressView>();
  const KEEP = 20;
  const emptyCounts = (): OutcomeCounts => ({ imported: 0, superseded: 0, duplicate: 0, conflict: 0, held: 0, rejected: 0 });
  const update = (id: string, change: Partial<ImportProgressView>): void => {
    const current = operations.get(id);
    if (current) operations.set(id, { ...current, ...change });
  };
  return {
    start(run: (progress: (p: BatchProgress) => void) => Promise<BatchSummary>): string {
      const operationId = randomUUID();
      operations.set(operationId, { operationId, done: 0, total: 0, current: null, finished: false, counts: emptyCounts(), outcomes: [], error: null });
      for (const old of [...operations.keys()].slice(0, Math.max(0, operations.size - KEEP))) operations.delete(old);
      const outcomes: FileOutcome[] = [];
      const counts = emptyCounts();
      const progress = (p: BatchProgress): void => {
        if (p.outcome) {
          outcomes.push(p.outcome);
          counts[p.outcome.kind] += 1;
        }
        // The list is shared, not copied on every file: `get` hands out a copy.
        update(operationId, { done: p.done, total: p.total, current: p.outcome ? null : p.file, counts: { ...counts }, outcomes });
        onProgress?.({ operationId, done: p.done, total: p.total });
      };
      run(progress)
        .then((summary) => update(operationId, { finished: true, current: null, done: summary.total, total: summary.total, counts: summary.counts, outcomes: [...summary.outcomes] }))
        .catch((error: unknown) => update(operationId, { finished: true, current: null, error: error instanceof Error ? error.message : String(error) }));
      return operationId;
    },
    get(operationId: string): ImportProgressView {
      const found = operations.get(operationId);
      if (!found) throw new AppError('NOT_FOUND', 'This import is not known (the app may have restarted).');
      return { ...found, counts: { ...found.counts }, outcomes: [...found.outcomes] };
    },
  };
}
