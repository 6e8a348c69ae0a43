/**
 * JMeter's dashboard uses commons-math's Percentile with the LEGACY estimator: pos = (p/100)·(n+1), computed in
 * that order so results are bit-equal to JMeter's. `kth(k)` returns the k-th smallest value (1-based) of the n
 * values, so the same function serves a sorted array and a histogram. Empty input → NaN (never a fake 0).
 */
export function percentileLegacyOf(n: number, p: number, kth: (k: number) => number): number {
  if (n === 0) return Number.NaN;
  if (n === 1) return kth(1);
  const q = p / 100;
  const pos = q === 0 ? 0 : q === 1 ? n : q * (n + 1);
  if (pos < 1) return kth(1);
  if (pos >= n) return kth(n);
  const k = Math.floor(pos);
  const lower = kth(k);
  return lower + (pos - k) * (kth(k + 1) - lower);
}

/** LEGACY percentile of an ascending array. */
export const percentileLegacy = (sorted: ArrayLike<number>, p: number): number =>
  percentileLegacyOf(sorted.length, p, (k) => sorted[k - 1] as number);
