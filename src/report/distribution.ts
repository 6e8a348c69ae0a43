import { logBinRanker, logBinStart, logBinValue } from '../stats/log-bins.js';
import { percentileLegacyOf } from '../stats/percentile.js';

/** One bar of the response-time distribution: samples with fromMs ≤ elapsed < toMs (the last bar: ≥ fromMs). */
export interface DistributionBar {
  readonly fromMs: number;
  readonly toMs: number;
  readonly count: number;
}

const DISTRIBUTION_BARS = 40;
const NICE = [1, 2, 2.5, 5, 10];

/**
 * The response-time distribution in DISTRIBUTION_BARS bars of a round width up to the 99.5th percentile, plus one
 * bar for everything slower, so one outlier does not squeeze the rest into a single bar.
 */
export function distributionOf(counts: Uint32Array): DistributionBar[] {
  let n = 0;
  for (const c of counts) n += c;
  if (n === 0) return [];
  const top = percentileLegacyOf(n, 99.5, logBinRanker(counts));
  const raw = Math.max(1, top / DISTRIBUTION_BARS);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const width = (NICE.find((f) => f * magnitude >= raw) ?? 10) * magnitude;
  const bars: DistributionBar[] = Array.from({ length: DISTRIBUTION_BARS }, (_, i) => ({ fromMs: i * width, toMs: (i + 1) * width, count: 0 }));
  let over = 0;
  for (let bin = 0; bin < counts.length; bin++) {
    const c = counts[bin] as number;
    if (c === 0) continue;
    // A 2 % wide bin lies in one bar, or is split at most once: its value decides (exact below 100 ms).
    const v = bin < 100 ? logBinStart(bin) : logBinValue(bin);
    const i = Math.floor(v / width);
    if (i < DISTRIBUTION_BARS) (bars[i] as { count: number }).count += c;
    else over += c;
  }
  const last = DISTRIBUTION_BARS * width;
  return over === 0 ? bars : [...bars, { fromMs: last, toMs: Number.POSITIVE_INFINITY, count: over }];
}
