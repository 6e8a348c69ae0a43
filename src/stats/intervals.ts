import type { Sample } from './sample.js';
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

/** The buckets of a series and the interval they are for (it doubles as a long run's series grows). */
export interface SeriesSnapshot {
  readonly intervalMs: number;
  readonly buckets: ReadonlyMap<number, Bucket>;
}

/** Buckets kept before the interval doubles: about 2.7 KB each, so a series stays within ~6 MB for any run length. */
export const MAX_BUCKETS = 2048;

/**
 * Time series over fixed intervals of sample start time (controller rows excluded, as in Total). When it holds more
 * than `maxBuckets` intervals, the interval doubles and neighbouring buckets merge (counts stay exact): a 24-hour
 * run at 5 s would need 17,280 buckets and gets 2,160 of 40 s.
 */
export class IntervalSeries {
  private buckets = new Map<number, Bucket>();
  /** Samples come roughly in time order: most land in the bucket of the one before. */
  private lastKey = Number.NaN;
  private last: Bucket | undefined;
  private interval: number;

  constructor(readonly requestedIntervalMs: number, private readonly maxBuckets = MAX_BUCKETS) {
    this.interval = requestedIntervalMs;
  }

  /** The interval in use: the requested one, doubled as often as the run's length needed. */
  get intervalMs(): number {
    return this.interval;
  }

  add(s: Sample): void {
    const key = Math.floor(s.timeStamp / this.interval);
    let b = key === this.lastKey ? this.last : this.buckets.get(key);
    if (b === undefined) {
      b = emptyBucket();
      this.buckets.set(key, b);
      if (this.buckets.size > this.maxBuckets) {
        this.coarsen(this.interval * 2);
        this.add(s);
        return;
      }
    }
    this.lastKey = key;
    this.last = b;
    b.count += 1;
    if (!s.success) b.errors += 1;
    b.sum += s.elapsedMs;
    if (s.allThreads > b.maxThreads) b.maxThreads = s.allThreads;
    b.elapsed[binOf(s.elapsedMs)]! += 1;
  }

  snapshot(): SeriesSnapshot {
    return { intervalMs: this.interval, buckets: this.buckets };
  }

  /** Takes ownership of `other`'s buckets (a finished part's snapshot): no copy, so a long run's series is held once. */
  absorb(other: SeriesSnapshot): void {
    if (other.intervalMs > this.interval) this.coarsen(other.intervalMs);
    const factor = this.interval / other.intervalMs;
    for (const [otherKey, o] of other.buckets) this.merge(Math.floor(otherKey / factor), o);
    while (this.buckets.size > this.maxBuckets) this.coarsen(this.interval * 2);
  }

  /** Re-buckets to a larger interval (a power-of-two multiple of the current one). */
  private coarsen(intervalMs: number): void {
    const factor = intervalMs / this.interval;
    const old = this.buckets;
    this.buckets = new Map();
    this.interval = intervalMs;
    this.lastKey = Number.NaN;
    this.last = undefined;
    for (const [key, b] of old) this.merge(Math.floor(key / factor), b);
  }

  private merge(key: number, o: Bucket): void {
    const b = this.buckets.get(key);
    if (b === undefined) {
      this.buckets.set(key, o);
      return;
    }
    b.count += o.count;
    b.errors += o.errors;
    b.sum += o.sum;
    b.maxThreads = Math.max(b.maxThreads, o.maxThreads);
    for (let i = 0; i < BINS; i++) b.elapsed[i]! += o.elapsed[i]!;
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
          startMs: key * this.interval,
          count: b.count,
          errors: b.errors,
          throughputPerS: (b.count * 1000) / this.interval,
          meanMs: b.sum / b.count,
          p95Ms: percentileLegacyOf(b.count, 95, kth),
          maxThreads: b.maxThreads,
        };
      });
  }
}

const emptyBucket = (): Bucket => ({ count: 0, errors: 0, sum: 0, maxThreads: 0, elapsed: new Uint32Array(BINS) });
