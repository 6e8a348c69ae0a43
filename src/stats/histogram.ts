/**
 * Counts of whole-millisecond values: response times are integers in a JTL, so this is an exact record of every
 * sample in O(distinct values) memory. Dense below 65,536 ms, sparse above.
 */
export class MsHistogram {
  readonly dense = new Float64Array(65_536);
  readonly sparse = new Map<number, number>();
  count = 0;

  /** Adds another histogram's counts (a part of the same file analyzed elsewhere). */
  absorb(other: { readonly dense: Float64Array; readonly sparse: ReadonlyMap<number, number>; readonly count: number }): void {
    for (let v = 0; v < 65_536; v++) if (other.dense[v] !== 0) this.dense[v] = (this.dense[v] as number) + (other.dense[v] as number);
    for (const [v, c] of other.sparse) this.sparse.set(v, (this.sparse.get(v) ?? 0) + c);
    this.count += other.count;
  }

  add(ms: number): void {
    this.count += 1;
    if (ms >= 0 && ms < 65_536) this.dense[ms] = (this.dense[ms] as number) + 1;
    else this.sparse.set(ms, (this.sparse.get(ms) ?? 0) + 1);
  }

  /** Ascending [value, count] pairs. */
  entries(): Array<[number, number]> {
    const out: Array<[number, number]> = [...this.sparse].filter(([v]) => v < 0).sort((a, b) => a[0] - b[0]);
    for (let v = 0; v < 65_536; v++) if ((this.dense[v] as number) > 0) out.push([v, this.dense[v] as number]);
    out.push(...[...this.sparse].filter(([v]) => v >= 65_536).sort((a, b) => a[0] - b[0]));
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
