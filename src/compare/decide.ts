import type { MetricVerdict, MinimumEffects } from './types.js';

export type MetricKind = 'latency' | 'throughput' | 'errorPct';

/** The smallest change of this metric that matters, in its unit, for this baseline value. */
export function practicalThreshold(kind: MetricKind, baseline: number, min: MinimumEffects): number {
  if (kind === 'latency') return Math.max(min.latencyMs, (min.latencyPct / 100) * Math.abs(baseline));
  if (kind === 'throughput') return (min.throughputPct / 100) * Math.abs(baseline);
  return min.errorPoints;
}

/**
 * Practical size and statistical evidence together:
 * - regressed / improved: the change is at least the threshold AND its interval excludes 0 (not noise);
 * - unchanged: the whole interval lies within ± the threshold (any change is too small to matter);
 * - not enough data: otherwise — the interval still allows a change that matters, but the data cannot show one.
 * For throughput a fall is the regression; for latency and errors a rise.
 */
export function decide(kind: MetricKind, delta: number, low: number, high: number, threshold: number): MetricVerdict {
  const worse = kind === 'throughput' ? -1 : 1;
  if (Math.abs(delta) >= threshold && threshold > 0 && (low > 0 || high < 0)) {
    return Math.sign(delta) === worse ? 'regressed' : 'improved';
  }
  if (low > -threshold && high < threshold) return 'unchanged';
  return 'no data';
}
