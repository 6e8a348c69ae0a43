/**
 * Counts of whole-millisecond values: response times are integers in a JTL, so this is an exact record of every
 * sample in O(distinct values) memory. A row starts with a small map of values and only moves to a dense table (up to
 * 16,384 ms, growing by powers of two to the largest value seen) once it holds many distinct values, so a label
 * with a few samples costs a few hundred bytes, a busy one at most 64 KiB plus its rare large values.
 */
const DENSE = 16_384;
/** Distinct values kept in the map before the dense table is used for values below DENSE. */
const SPARSE_FIRST = 64;

export interface HistogramCounts {
  readonly dense: Uint32Array;
  readonly sparse: ReadonlyMap<number, number>;
  readonly count: number;
}

export class MsHistogram implements HistogramCounts {
  dense = new Uint32Array(0);
  readonly sparse = new Map<number, number>();
  count = 0;

  /** Adds another histogram's counts (a part of the same file analyzed elsewhere). */
  absorb(other: HistogramCounts): void {
    for (let v = 0; v < other.dense.length; v++) if (other.dense[v] !== 0) this.addCount(v, other.dense[v] as number);
    for (const [v, c] of other.sparse) this.addCount(v, c);
    this.count += other.count;
  }

  add(ms: number): void {
    this.count += 1;
    const dense = this.dense;
    // A dense counter that would overflow 32 bits moves that value to the sparse map (never a wrapped count).
    if (ms >= 0 && ms < dense.length && dense[ms] !== 0xffffffff) dense[ms] = (dense[ms] as number) + 1;
    else if (ms >= dense.length && ms < DENSE && this.sparse.size >= SPARSE_FIRST && !this.sparse.has(ms)) {
      this.grow(ms);
      this.dense[ms] = 1;
    } else this.sparse.set(ms, (this.sparse.get(ms) ?? 0) + 1);
  }

  private grow(ms: number): void {
    let size = Math.max(256, this.dense.length);
    while (size <= ms) size *= 2;
    const dense = new Uint32Array(Math.min(size, DENSE));
    dense.set(this.dense);
    this.dense = dense;
  }

  private addCount(ms: number, n: number): void {
    if (ms >= 0 && ms < DENSE && this.sparse.size >= SPARSE_FIRST && ms >= this.dense.length && !this.sparse.has(ms)) this.grow(ms);
    if (ms >= 0 && ms < this.dense.length && (this.dense[ms] as number) + n <= 0xffffffff) this.dense[ms] = (this.dense[ms] as number) + n;
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

  /** Ascending [value, count] pairs (a value may sit in both the table and the map: its counts add up). */
  entries(): Array<[number, number]> {
    const counts = new Map(this.sparse);
    for (let v = 0; v < this.dense.length; v++) if ((this.dense[v] as number) > 0) counts.set(v, (counts.get(v) ?? 0) + (this.dense[v] as number));
    return [...counts].sort((a, b) => a[0] - b[0]);
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
