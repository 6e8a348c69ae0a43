import type { Sample } from '../jtl/sample.js';
import { percentileLegacyOf } from './percentile.js';
import type { IntervalStats } from './types.js';

export interface Bucket {
  count: number;
  errors: number;
  sum: number;
  maxThreads: number;
  readonly elapsed: Uint32Array;
}

/**
 * Per-interval response times go into log-spaced bins (exact below 100 ms, then 2 % wide), so a 24-hour run's
 * series stays small: the interval p95 is within 2 % (the whole-run percentiles stay exact).
 */
const LINEAR = 100;
const GROWTH = Math.log(1.02);
const BINS = LINEAR + Math.ceil(Math.log(1e7 / LINEAR) / GROWTH) + 1;
const binByLog = (ms: number) => (ms < LINEAR ? Math.max(0, ms) : Math.min(BINS - 1, LINEAR + Math.floor(Math.log(ms / LINEAR) / GROWTH)));
/** The bins of the common response times, looked up rather than computed for every sample. */
const BIN_TABLE = Uint16Array.from({ length: 1 << 16 }, (_, ms) => binByLog(ms));
const binOf = (ms: number) => (ms >= 0 && ms < BIN_TABLE.length ? (BIN_TABLE[ms] as number) : binByLog(ms));
const valueOf = (bin: number) => (bin < LINEAR ? bin : Math.round(LINEAR * Math.exp((bin - LINEAR + 0.5) * GROWTH)));

/** Time series over fixed intervals of sample start time (controller rows excluded, as in Total). */
export class IntervalSeries {
  private readonly buckets = new Map<number, Bucket>();
  /** Samples come roughly in time order: most land in the bucket of the one before. */
  private lastKey = Number.NaN;
  private last: Bucket | undefined;

  constructor(readonly intervalMs: number) {}

  add(s: Sample): void {
    const key = Math.floor(s.timeStamp / this.intervalMs);
    let b = key === this.lastKey ? this.last : this.buckets.get(key);
    if (b === undefined) {
      b = { count: 0, errors: 0, sum: 0, maxThreads: 0, elapsed: new Uint32Array(BINS) };
      this.buckets.set(key, b);
    }
    this.lastKey = key;
    this.last = b;
    b.count += 1;
    if (!s.success) b.errors += 1;
    b.sum += s.elapsedMs;
    if (s.allThreads > b.maxThreads) b.maxThreads = s.allThreads;
    b.elapsed[binOf(s.elapsedMs)]! += 1;
  }

  snapshot(): ReadonlyMap<number, Bucket> {
    return this.buckets;
  }

  /** Takes ownership of `other`'s buckets (a finished part's snapshot): no copy, so a long run's series is held once. */
  absorb(other: ReadonlyMap<number, Bucket>): void {
    for (const [key, o] of other) {
      const b = this.buckets.get(key);
      if (b === undefined) {
        this.buckets.set(key, o);
        continue;
      }
      b.count += o.count;
      b.errors += o.errors;
      b.sum += o.sum;
      b.maxThreads = Math.max(b.maxThreads, o.maxThreads);
      for (let i = 0; i < BINS; i++) b.elapsed[i]! += o.elapsed[i]!;
    }
  }

  series(): IntervalStats[] {
    return [...this.buckets]
      .sort((a, b) => a[0] - b[0])
      .map(([key, b]) => {
        const kth = (k: number) => {
          let seen = 0;
          for (let bin = 0; bin < BINS; bin++) if ((seen += b.elapsed[bin]!) >= k) return valueOf(bin);
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
