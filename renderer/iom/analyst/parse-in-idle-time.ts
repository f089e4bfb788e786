import { answersOf, type AnalystRow } from './analyst-model.js';

/**
 * Parses the rows' answers a slice at a time, leaving the window free between slices for the
 * analyst's keys and clicks, so that a question column or the report later finds them parsed
 * (at 5,000 revisions, about half a second of parsing in all). A row something reads before
 * its turn is parsed then. Returns a stop, for when the rows are no longer shown.
 */
export function parseInIdleTime(rows: readonly AnalystRow[], sliceMs = 12): () => void {
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = (): void => {
    const until = performance.now() + sliceMs;
    // At least one row per slice, whatever the clock says.
    do {
      const row = rows[next++];
      if (row) answersOf(row);
    } while (next < rows.length && performance.now() < until);
    timer = next < rows.length ? setTimeout(step, 0) : undefined;
  };
  timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}
