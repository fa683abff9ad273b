/** Latency figures as the report shows them (milliseconds). */
export type LatencyStats = { count: number; p50: number; p95: number; p99: number; perSecond: number; errors: number };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export function summarize(latencies: number[], durationMs: number, errors: number): LatencyStats {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    perSecond: (sorted.length / durationMs) * 1000,
    errors,
  };
}

/** Raw figures of one load run, kept apart so alternating runs can be merged before summarizing. */
export type Samples = { latencies: number[]; durationMs: number; errors: number };

export function summarizeRuns(runs: Samples[]): LatencyStats {
  return summarize(
    runs.flatMap((run) => run.latencies),
    runs.reduce((total, run) => total + run.durationMs, 0),
    runs.reduce((total, run) => total + run.errors, 0),
  );
}
