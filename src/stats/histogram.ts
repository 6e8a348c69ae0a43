/**
 * Counts of whole-millisecond values: response times are integers in a JTL, so this is an exact record of every
 * sample in O(distinct values) memory. Dense below 16,384 ms (64 KiB of counts per row), sparse above.
 */
const DENSE = 16_384;

export class MsHistogram {
  readonly dense = new Uint32Array(DENSE);
  readonly sparse = new Map<number, number>();
  count = 0;

  /** Adds another histogram's counts (a part of the same file analyzed elsewhere). */
  absorb(other: { readonly dense: Uint32Array; readonly sparse: ReadonlyMap<number, number>; readonly count: number }): void {
    for (let v = 0; v < DENSE; v++) if (other.dense[v] !== 0) this.addCount(v, other.dense[v] as number);
    for (const [v, c] of other.sparse) this.addCount(v, c);
    this.count += other.count;
  }

  add(ms: number): void {
    this.count += 1;
    // A dense counter that would overflow 32 bits moves that value to the sparse map (never a wrapped count).
    if (ms >= 0 && ms < DENSE && this.dense[ms] !== 0xffffffff) this.dense[ms] = (this.dense[ms] as number) + 1;
    else this.sparse.set(ms, (this.sparse.get(ms) ?? 0) + 1);
  }

  private addCount(ms: number, n: number): void {
    if (ms >= 0 && ms < DENSE && (this.dense[ms] as number) + n <= 0xffffffff) this.dense[ms] = (this.dense[ms] as number) + n;
    else this.sparse.set(ms, (this.sparse.get(ms) ?? 0) + n);
  }

  /** The population standard deviation (as JMeter's Aggregate Report), from the counts: exact, in two passes. */
  standardDeviation(): number {
    const entries = this.entries();
    let sum = 0;
    for (const [value, count] of entries) sum += value * count;
    const mean = sum / this.count;
    let squares = 0;
    for (const [value, count] of entries) squares += count * (value - mean) * (value - mean);
    return Math.sqrt(squares / this.count);
  }

  /** Ascending [value, count] pairs. */
  entries(): Array<[number, number]> {
    const counts = new Map(this.sparse);
    for (let v = 0; v < DENSE; v++) if ((this.dense[v] as number) > 0) counts.set(v, (counts.get(v) ?? 0) + (this.dense[v] as number));
    const out = [...counts].sort((a, b) => a[0] - b[0]);
    return out;
  }

  /** A function returning the k-th smallest value (1-based), for percentileLegacyOf. */
  ranker(): (k: number) => number {
    const entries = this.entries();
    return (k) => {
      let seen = 0;
      for (const [value, count] of entries) {
        seen += count;
        if (seen >= k) return value;
      }
      return Number.NaN;
    };
  }
}
