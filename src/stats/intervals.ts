import type { Sample } from '../jtl/sample.js';
import { percentileLegacyOf } from './percentile.js';
import type { IntervalStats } from './types.js';

interface Bucket {
  count: number;
  errors: number;
  sum: number;
  maxThreads: number;
  readonly elapsed: Map<number, number>;
}

/** Time series over fixed intervals of sample start time (controller rows excluded, as in Total). */
export class IntervalSeries {
  private readonly buckets = new Map<number, Bucket>();

  constructor(readonly intervalMs: number) {}

  add(s: Sample): void {
    const key = Math.floor(s.timeStamp / this.intervalMs);
    let b = this.buckets.get(key);
    if (b === undefined) {
      b = { count: 0, errors: 0, sum: 0, maxThreads: 0, elapsed: new Map() };
      this.buckets.set(key, b);
    }
    b.count += 1;
    if (!s.success) b.errors += 1;
    b.sum += s.elapsedMs;
    if (s.allThreads > b.maxThreads) b.maxThreads = s.allThreads;
    b.elapsed.set(s.elapsedMs, (b.elapsed.get(s.elapsedMs) ?? 0) + 1);
  }

  series(): IntervalStats[] {
    return [...this.buckets]
      .sort((a, b) => a[0] - b[0])
      .map(([key, b]) => {
        const values = [...b.elapsed].sort((x, y) => x[0] - y[0]);
        const kth = (k: number) => {
          let seen = 0;
          for (const [v, c] of values) if ((seen += c) >= k) return v;
          return Number.NaN;
        };
        return {
          startMs: key * this.intervalMs,
          count: b.count,
          errors: b.errors,
          throughputPerS: (b.count * 1000) / this.intervalMs,
          meanMs: b.sum / b.count,
          p95Ms: percentileLegacyOf(b.count, 95, kth),
          maxThreads: b.maxThreads,
        };
      });
  }
}
