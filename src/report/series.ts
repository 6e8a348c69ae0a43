import type { Sample } from '../stats/sample.js';
import { logBinOf, logBinRanker, LOG_BINS } from '../stats/log-bins.js';
import { percentileLegacyOf } from '../stats/percentile.js';
import { distributionOf, type DistributionBar } from './distribution.js';

/** At most this many points per chart, whatever the length of the run. */
export const MAX_POINTS = 240;
/** The finest interval; doubled as often as the run's span needs to stay within MAX_POINTS. */
export const BASE_INTERVAL_MS = 1000;
/** Response codes charted one by one; the rest are summed as OTHER_CODES. */
export const MAX_CODES = 10;
export const OTHER_CODES = 'other';

interface Bucket {
  count: number;
  errors: number;
  elapsedSum: number;
  latencySum: number;
  connectSum: number;
  bytes: number;
  sentBytes: number;
  maxThreads: number;
  readonly elapsed: Uint32Array;
  /** Counts by code index (see ReportSeries.codeIndex); the last slot is OTHER_CODES. */
  readonly codes: Float64Array;
}

const newBucket = (): Bucket => ({
  count: 0, errors: 0, elapsedSum: 0, latencySum: 0, connectSum: 0, bytes: 0, sentBytes: 0, maxThreads: 0,
  elapsed: new Uint32Array(LOG_BINS), codes: new Float64Array(MAX_CODES + 1),
});

/** One point of the report's time series (all samples but controller rows, as Total). NaN when empty. */
export interface SeriesPoint {
  readonly startMs: number;
  readonly count: number;
  readonly errors: number;
  readonly throughputPerS: number;
  readonly errorsPerS: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly latencyMs: number;
  readonly connectMs: number;
  readonly maxThreads: number;
  readonly receivedKBPerS: number;
  readonly sentKBPerS: number;
  readonly codes: Readonly<Record<string, number>>;
}

export interface ReportSeriesResult {
  readonly intervalMs: number;
  readonly points: readonly SeriesPoint[];
  /** Codes in the order charted (most frequent first), OTHER_CODES last when some were folded. */
  readonly codes: readonly string[];
  readonly distribution: readonly DistributionBar[];
  /** Samples without a start time (timeStamp 0, as some WebSocket samplers write): counted, not placed in time. */
  readonly untimed: number;
}

/**
 * The report's charts in bounded memory: buckets aligned on multiples of the interval, the interval doubled
 * (neighbour buckets merged) whenever the run's span would need more than MAX_POINTS of them.
 */
export class ReportSeries {
  private intervalMs = BASE_INTERVAL_MS;
  private readonly buckets = new Map<number, Bucket>();
  private minKey = Number.POSITIVE_INFINITY;
  private maxKey = Number.NEGATIVE_INFINITY;
  private lastKey = Number.NaN;
  private last: Bucket | undefined;
  /** Response code → its index in every bucket's `codes`, in order of first sight. */
  private readonly codeIndexes = new Map<string, number>();
  private lastCode: string | undefined;
  private lastCodeIndex = 0;
  private untimed = 0;
  private readonly untimedElapsed = new Uint32Array(LOG_BINS);

  constructor(private readonly maxPoints = MAX_POINTS) {}

  /** Controller rows are skipped here: they repeat their children's time. */
  add(s: Sample): void {
    if (s.controller !== 'none') return;
    if (s.timeStamp <= 0) {
      // One sample at 1970 would stretch the time axis over 56 years: it counts in the distribution only.
      this.untimed += 1;
      this.untimedElapsed[logBinOf(s.elapsedMs)]! += 1;
      return;
    }
    const b = this.bucketFor(s.timeStamp);
    b.count += 1;
    if (!s.success) b.errors += 1;
    b.elapsedSum += s.elapsedMs;
    b.latencySum += s.latencyMs;
    b.connectSum += s.connectMs;
    b.bytes += s.bytes;
    b.sentBytes += s.sentBytes;
    if (s.allThreads > b.maxThreads) b.maxThreads = s.allThreads;
    b.elapsed[logBinOf(s.elapsedMs)]! += 1;
    b.codes[this.codeIndex(s.responseCode)]! += 1;
  }

  result(): ReportSeriesResult {
    const totals = new Float64Array(MAX_CODES + 1);
    for (const b of this.buckets.values()) for (let i = 0; i <= MAX_CODES; i++) totals[i]! += b.codes[i]!;
    const named = [...this.codeIndexes].sort((a, b) => totals[b[1]]! - totals[a[1]]! || (a[0] < b[0] ? -1 : 1));
    const charted: Array<readonly [string, number]> = totals[MAX_CODES]! > 0 ? [...named, [OTHER_CODES, MAX_CODES]] : named;
    const codes = charted.map(([c]) => c);
    const points: SeriesPoint[] = [];
    const all = Uint32Array.from(this.untimedElapsed);
    const seconds = this.intervalMs / 1000;
    for (let key = this.minKey; key <= this.maxKey; key++) {
      const b = this.buckets.get(key) ?? newBucket();
      for (let i = 0; i < LOG_BINS; i++) all[i]! += b.elapsed[i]!;
      const rank = logBinRanker(b.elapsed);
      const pct = (p: number) => percentileLegacyOf(b.count, p, rank);
      const mean = (sum: number) => (b.count === 0 ? Number.NaN : sum / b.count);
      points.push({
        startMs: key * this.intervalMs,
        count: b.count,
        errors: b.errors,
        throughputPerS: b.count / seconds,
        errorsPerS: b.errors / seconds,
        meanMs: mean(b.elapsedSum),
        p50Ms: pct(50), p90Ms: pct(90), p95Ms: pct(95), p99Ms: pct(99),
        latencyMs: mean(b.latencySum),
        connectMs: mean(b.connectSum),
        maxThreads: b.maxThreads,
        receivedKBPerS: b.bytes / 1024 / seconds,
        sentKBPerS: b.sentBytes / 1024 / seconds,
        codes: Object.fromEntries(charted.map(([c, i]) => [c, b.codes[i]!])),
      });
    }
    return { intervalMs: this.intervalMs, points, codes, distribution: distributionOf(all), untimed: this.untimed };
  }

  /** Samples come roughly in time order: most land in the bucket of the one before. */
  private bucketFor(timeStamp: number): Bucket {
    let key = Math.floor(timeStamp / this.intervalMs);
    if (key === this.lastKey) return this.last!;
    let b = this.buckets.get(key);
    if (b === undefined) {
      const min = Math.min(this.minKey, key);
      const max = Math.max(this.maxKey, key);
      if (max - min + 1 > this.maxPoints) {
        const factor = this.coarsen(min, max);
        key = Math.floor(key / factor);
        b = this.buckets.get(key);
      }
      if (b === undefined) {
        b = newBucket();
        this.buckets.set(key, b);
      }
      this.minKey = Math.min(this.minKey, key);
      this.maxKey = Math.max(this.maxKey, key);
    }
    this.lastKey = key;
    this.last = b;
    return b;
  }

  /** Doubles the interval until keys [min, max] fit, merging neighbour buckets; returns the factor applied. */
  private coarsen(min: number, max: number): number {
    let factor = 1;
    while (Math.floor(max / factor) - Math.floor(min / factor) + 1 > this.maxPoints) factor *= 2;
    const old = [...this.buckets];
    this.buckets.clear();
    for (const [key, b] of old) {
      const k = Math.floor(key / factor);
      const into = this.buckets.get(k);
      if (into === undefined) this.buckets.set(k, b);
      else merge(into, b);
    }
    this.intervalMs *= factor;
    this.minKey = Math.floor(this.minKey / factor);
    this.maxKey = Math.floor(this.maxKey / factor);
    return factor;
  }

  /** Codes mostly repeat: the same code as the sample before costs no map lookup. */
  private codeIndex(code: string): number {
    if (code === this.lastCode) return this.lastCodeIndex;
    let i = this.codeIndexes.get(code);
    if (i === undefined) {
      i = this.codeIndexes.size < MAX_CODES ? this.codeIndexes.size : MAX_CODES;
      if (i < MAX_CODES) this.codeIndexes.set(code, i);
    }
    this.lastCode = code;
    this.lastCodeIndex = i;
    return i;
  }
}

function merge(into: Bucket, b: Bucket): void {
  into.count += b.count;
  into.errors += b.errors;
  into.elapsedSum += b.elapsedSum;
  into.latencySum += b.latencySum;
  into.connectSum += b.connectSum;
  into.bytes += b.bytes;
  into.sentBytes += b.sentBytes;
  into.maxThreads = Math.max(into.maxThreads, b.maxThreads);
  for (let i = 0; i < LOG_BINS; i++) into.elapsed[i]! += b.elapsed[i]!;
  for (let i = 0; i <= MAX_CODES; i++) into.codes[i]! += b.codes[i]!;
}
