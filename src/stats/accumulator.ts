import type { Sample } from './sample.js';
import { MsHistogram, type HistogramCounts } from './histogram.js';
import { nextMean } from './mean.js';
import { percentileLegacy, percentileLegacyOf } from './percentile.js';
import type { ApdexThresholds, LabelStats, StatsMode } from './types.js';
import { JMETER_STATISTIC_WINDOW, SlidingWindow } from './window.js';

const MAX_FAILURE_KEYS = 50;

/** Everything a row has folded, as plain data: it crosses worker threads and merges. */
export interface RowSnapshot {
  readonly label: string;
  readonly isController: boolean;
  readonly appearance: number;
  readonly numbers: Readonly<Record<(typeof NUMBER_FIELDS)[number], number>>;
  readonly histogram: HistogramCounts;
  readonly codes: ReadonlyMap<string, number>;
  readonly failures: ReadonlyMap<string, number>;
}

const NUMBER_FIELDS = ['count', 'errors', 'mean', 'min', 'max', 'bytes', 'sentBytes', 'firstStart', 'lastEnd',
  'latencySum', 'latencyMax', 'connectSum', 'connectMax', 'satisfied', 'tolerated'] as const;

/** Folds samples of one row (a label, or Total) in file order. */
export class RowAccumulator {
  count = 0;
  errors = 0;
  mean = Number.NaN;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  bytes = 0;
  sentBytes = 0;
  firstStart = Number.POSITIVE_INFINITY;
  lastEnd = Number.NEGATIVE_INFINITY;
  latencySum = 0;
  latencyMax = Number.NEGATIVE_INFINITY;
  connectSum = 0;
  connectMax = Number.NEGATIVE_INFINITY;
  satisfied = 0;
  tolerated = 0;
  private readonly histogram = new MsHistogram();
  private readonly window: SlidingWindow | undefined;
  private readonly codes = new Tally();
  private readonly failures = new Map<string, number>();

  /** `appearance`: the row's rank in order of first appearance in the input (JMeter's statistics.json order uses it). */
  constructor(readonly label: string, readonly isController: boolean, private readonly mode: StatsMode, private readonly apdex: ApdexThresholds, readonly appearance = 0) {
    this.window = mode === 'jmeter-compat' ? new SlidingWindow(JMETER_STATISTIC_WINDOW) : undefined;
  }

  /**
   * `untimed`: a sample without a usable start time (timeStamp 0, as the WebSocket plugin writes for "no
   * connection"): it counts as a failed sample but stays out of the time range.
   */
  add(s: Sample, untimed = false): void {
    const x = s.elapsedMs;
    this.count += 1;
    this.mean = nextMean(this.mean, this.count, x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.bytes += s.bytes;
    this.sentBytes += s.sentBytes;
    if (!untimed) {
      if (s.timeStamp < this.firstStart) this.firstStart = s.timeStamp;
      if (s.timeStamp + x > this.lastEnd) this.lastEnd = s.timeStamp + x;
    }
    this.latencySum += s.latencyMs;
    if (s.latencyMs > this.latencyMax) this.latencyMax = s.latencyMs;
    this.connectSum += s.connectMs;
    if (s.connectMs > this.connectMax) this.connectMax = s.connectMs;
    this.histogram.add(x);
    this.window?.add(x);
    this.codes.add(s.responseCode);
    if (s.success && !untimed) {
      if (x <= this.apdex.satisfiedMs) this.satisfied += 1;
      else if (x <= this.apdex.toleratedMs) this.tolerated += 1;
      return;
    }
    this.errors += 1;
    const key = failureKey(s);
    if (this.failures.has(key) || this.failures.size < MAX_FAILURE_KEYS) this.failures.set(key, (this.failures.get(key) ?? 0) + 1);
  }

  snapshot(): RowSnapshot {
    const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, this[f]])) as RowSnapshot['numbers'];
    return { label: this.label, isController: this.isController, appearance: this.appearance, numbers, histogram: this.histogram, codes: this.codes.counts(), failures: this.failures };
  }

  /**
   * Folds in a row of a later part of the file (exact mode only: JMeter's window and running mean depend on file
   * order, so jmeter-compat never splits). Means combine by weight.
   */
  absorb(o: RowSnapshot): void {
    const b = o.numbers;
    const nA = this.count;
    const n = nA + b.count;
    if (b.count === 0) return;
    this.mean = nA === 0 ? b.mean : this.mean + ((b.mean - this.mean) * b.count) / n;
    this.count = n;
    this.errors += b.errors;
    this.min = Math.min(this.min, b.min);
    this.max = Math.max(this.max, b.max);
    this.bytes += b.bytes;
    this.sentBytes += b.sentBytes;
    this.firstStart = Math.min(this.firstStart, b.firstStart);
    this.lastEnd = Math.max(this.lastEnd, b.lastEnd);
    this.latencySum += b.latencySum;
    this.latencyMax = Math.max(this.latencyMax, b.latencyMax);
    this.connectSum += b.connectSum;
    this.connectMax = Math.max(this.connectMax, b.connectMax);
    this.satisfied += b.satisfied;
    this.tolerated += b.tolerated;
    this.histogram.absorb(o.histogram);
    for (const [code, c] of o.codes) this.codes.add(code, c);
    for (const [key, c] of o.failures) if (this.failures.has(key) || this.failures.size < MAX_FAILURE_KEYS) this.failures.set(key, (this.failures.get(key) ?? 0) + c);
  }

  stats(percentiles: readonly number[]): LabelStats {
    const n = this.count;
    // No samples, or none with a start time: no time span, so no rates (NaN, never a fake 0).
    const spanMs = this.lastEnd >= this.firstStart ? this.lastEnd - this.firstStart : Number.NaN;
    const sorted = this.window?.sorted();
    const rank = sorted === undefined ? this.histogram.ranker() : undefined;
    const pct = (p: number) => (sorted !== undefined ? percentileLegacy(sorted, p) : percentileLegacyOf(n, p, rank!));
    return {
      label: this.label,
      isController: this.isController,
      appearance: this.appearance,
      count: n,
      errors: this.errors,
      // Java: (double) errors * 100 / total; statistics.json then stores it as a float.
      errorPct: n === 0 ? Number.NaN : (this.errors * 100) / n,
      meanMs: this.mean,
      minMs: n === 0 ? Number.NaN : this.min,
      maxMs: n === 0 ? Number.NaN : this.max,
      stdDevMs: n === 0 ? Number.NaN : this.histogram.standardDeviation(),
      percentiles: compactRecord(percentiles.map((p) => [String(p), pct(p)])),
      throughputPerS: (n / spanMs) * 1000,
      receivedKBPerS: this.bytes / (spanMs / 1000) / 1024,
      sentKBPerS: this.sentBytes / (spanMs / 1000) / 1024,
      latency: { mean: n === 0 ? Number.NaN : this.latencySum / n, max: n === 0 ? Number.NaN : this.latencyMax },
      connect: { mean: n === 0 ? Number.NaN : this.connectSum / n, max: n === 0 ? Number.NaN : this.connectMax },
      apdex: n === 0 ? Number.NaN : (this.satisfied + this.tolerated / 2) / n,
      firstStartMs: this.firstStart,
      lastEndMs: this.lastEnd,
      responseCodes: compactRecord([...this.codes.counts()].sort((a, b) => b[1] - a[1])),
      failures: [...this.failures].sort((a, b) => b[1] - a[1]).map(([key, count]) => ({ key, count })),
    };
  }
}

/**
 * A record keyed by numbers as text ("95", "200"). V8 stores such keys as array elements and would give {"200": n}
 * a 201-slot backing store (1.6 KB a row, 70 MB for 20,000 labels); an element far out first makes it keep them
 * in a small dictionary instead. Same keys, values and order for every reader.
 */
function compactRecord(entries: ReadonlyArray<readonly [string, number]>): Record<string, number> {
  const record: Record<string, number> = {};
  record[2 ** 30] = 0;
  delete record[2 ** 30];
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** Counts of keys that mostly repeat (response codes): a run of the same key costs no map lookup. */
class Tally {
  private readonly map = new Map<string, number>();
  private lastKey: string | undefined;
  private lastCount = 0;

  add(key: string, n = 1): void {
    if (key === this.lastKey) {
      this.lastCount += n;
      return;
    }
    this.settle();
    this.lastKey = key;
    this.lastCount = n;
  }

  counts(): ReadonlyMap<string, number> {
    this.settle();
    return this.map;
  }

  private settle(): void {
    if (this.lastKey !== undefined) this.map.set(this.lastKey, (this.map.get(this.lastKey) ?? 0) + this.lastCount);
    this.lastKey = undefined;
    this.lastCount = 0;
  }
}

/** JMeter's Errors-table key: code/message, or the assertion's message when the code says success. */
function failureKey(s: Sample): string {
  if (s.success) return 'timeStamp 0 (the sampler recorded no start time)';
  const code = Number(s.responseCode);
  const assertion = (code >= 200 && code <= 399) || (s.responseCode === '' && s.failureMessage !== '');
  if (assertion) return s.failureMessage !== '' ? s.failureMessage : 'Assertion failed';
  return `${s.responseCode}/${s.responseMessage}`;
}
