import { bucketPercentile } from '../stats/log-buckets.js';
import type { WindowedLabel, WindowedRun } from '../stats/label-windows.js';

/** The statistics recomputed on each resampling, in this order. */
export const RESAMPLED = ['mean', 'p50', 'p90', 'p95', 'p99', 'throughput'] as const;
export type ResampledMetric = (typeof RESAMPLED)[number];
const PERCENTILES = [50, 90, 95, 99] as const;

/** One statistic of one label: its value on all windows, and on each resampling. */
export interface ResampledStatistic {
  readonly whole: number;
  readonly replicates: Float64Array;
}

/** Seconds of window i that lie inside the run (the first and last windows are partly outside it). */
export function windowSeconds(run: WindowedRun, i: number): number {
  const start = Math.max(run.originMs + i * run.windowMs, run.firstMs);
  const end = Math.min(run.originMs + (i + 1) * run.windowMs, run.lastMs);
  return Math.max(end - start, 0) / 1000;
}

/**
 * Mean, percentiles and throughput of a label over the whole run and over each resampling of its windows
 * (`indices`, flat, windowCount per resampling; see blockResamples).
 */
export function resampleLabel(run: WindowedRun, row: WindowedLabel, indices: Uint32Array): Record<ResampledMetric, ResampledStatistic> {
  const w = run.windowCount;
  const replicates = w === 0 ? 0 : indices.length / w;
  let maxBucket = 0;
  for (const cell of row.windows) if (cell && cell.buckets.length > 0) maxBucket = Math.max(maxBucket, cell.buckets[cell.buckets.length - 1]![0]);
  const counts = new Float64Array(maxBucket + 1);
  const seconds = Array.from({ length: w }, (_, i) => windowSeconds(run, i));
  const out = Object.fromEntries(RESAMPLED.map((m) => [m, new Float64Array(replicates)])) as Record<ResampledMetric, Float64Array>;

  const evaluate = (pick: (j: number) => number, into: number | undefined): Record<ResampledMetric, number> => {
    counts.fill(0);
    let n = 0;
    let sum = 0;
    let secs = 0;
    for (let j = 0; j < w; j++) {
      const i = pick(j);
      secs += seconds[i]!;
      const cell = row.windows[i];
      if (cell === undefined) continue;
      n += cell.count;
      sum += cell.sumMs;
      for (const [b, c] of cell.buckets) counts[b] = (counts[b] as number) + c;
    }
    const values: Record<ResampledMetric, number> = {
      mean: n > 0 ? sum / n : Number.NaN,
      p50: bucketPercentile(counts, n, PERCENTILES[0]),
      p90: bucketPercentile(counts, n, PERCENTILES[1]),
      p95: bucketPercentile(counts, n, PERCENTILES[2]),
      p99: bucketPercentile(counts, n, PERCENTILES[3]),
      throughput: secs > 0 ? n / secs : Number.NaN,
    };
    if (into !== undefined) for (const m of RESAMPLED) out[m][into] = values[m];
    return values;
  };

  const whole = evaluate((j) => j, undefined);
  for (let r = 0; r < replicates; r++) evaluate((j) => indices[r * w + j]!, r);
  return Object.fromEntries(RESAMPLED.map((m) => [m, { whole: whole[m], replicates: out[m] }])) as Record<ResampledMetric, ResampledStatistic>;
}
