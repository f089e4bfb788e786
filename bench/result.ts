/** One measured figure. Medians of repeated runs; a baseline measured in the same run gives a ratio. */
export interface BenchResult {
  readonly name: string;
  readonly unit: string;
  readonly median: number;
  readonly p95?: number;
  readonly p99?: number;
  readonly runs: number;
  /** The target for this figure, in the same unit (lower is better unless `higherIsBetter`). */
  readonly target?: number;
  readonly higherIsBetter?: boolean;
  readonly baseline?: { readonly name: string; readonly median: number };
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
