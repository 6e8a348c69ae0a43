/**
 * Buckets for response times that keep a histogram small whatever the run length: whole milliseconds below
 * EXACT_BELOW, then SUB_BUCKETS equal steps per power of two (at most 1/SUB_BUCKETS = 3.1 % wide). Used where an
 * approximate distribution per time window is enough (the comparison's bootstrap); the analyzer's own
 * percentiles stay exact.
 */
export const EXACT_BELOW = 64;
export const SUB_BUCKETS = 32;
const EXACT_BITS = Math.log2(EXACT_BELOW);

export function bucketOf(ms: number): number {
  if (!(ms >= 0)) return 0;
  if (ms < EXACT_BELOW) return Math.floor(ms);
  const e = Math.floor(Math.log2(ms));
  const sub = Math.min(SUB_BUCKETS - 1, Math.floor((ms / 2 ** e - 1) * SUB_BUCKETS));
  return EXACT_BELOW + (e - EXACT_BITS) * SUB_BUCKETS + sub;
}

/** The lower bound of a bucket, and its width (1 for the whole-millisecond buckets). */
export function bucketBounds(bucket: number): { readonly lower: number; readonly width: number } {
  if (bucket < EXACT_BELOW) return { lower: bucket, width: 1 };
  const e = Math.floor((bucket - EXACT_BELOW) / SUB_BUCKETS) + EXACT_BITS;
  const sub = (bucket - EXACT_BELOW) % SUB_BUCKETS;
  return { lower: 2 ** e * (1 + sub / SUB_BUCKETS), width: 2 ** e / SUB_BUCKETS };
}

/**
 * The p-th percentile (0..100) of bucket counts: whole-millisecond buckets are exact values, wider buckets are
 * interpolated by rank inside the bucket (so a small shift moves the estimate instead of jumping a bucket).
 */
export function bucketPercentile(counts: Float64Array | Uint32Array, total: number, p: number): number {
  if (total <= 0) return Number.NaN;
  const rank = Math.max(1, (p / 100) * total);
  let seen = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b] as number;
    if (c === 0) continue;
    if (seen + c >= rank) {
      if (b < EXACT_BELOW) return b;
      const { lower, width } = bucketBounds(b);
      return lower + (width * (rank - seen)) / c;
    }
    seen += c;
  }
  return Number.NaN;
}
