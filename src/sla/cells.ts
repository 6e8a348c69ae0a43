import { percentileLegacyOf } from '../stats/percentile.js';
import type { ApdexThresholds } from '../stats/types.js';

/**
 * The samples of one rule in one scope (and one window): exact, as the analyzer's rows — times are whole
 * milliseconds, so a map of value → count holds every sample in O(distinct values) memory.
 */
export class Cell {
  count = 0;
  errors = 0;
  sum = 0;
  bytes = 0;
  sentBytes = 0;
  firstStart = Number.POSITIVE_INFINITY;
  lastEnd = Number.NEGATIVE_INFINITY;
  satisfied = 0;
  tolerated = 0;
  readonly times = new Map<number, number>();

  add(timeMs: number, start: number, elapsedMs: number, success: boolean, bytes: number, sentBytes: number, apdex: ApdexThresholds): void {
    this.count += 1;
    if (!success) this.errors += 1;
    this.sum += timeMs;
    this.bytes += bytes;
    this.sentBytes += sentBytes;
    if (start < this.firstStart) this.firstStart = start;
    if (start + elapsedMs > this.lastEnd) this.lastEnd = start + elapsedMs;
    // As JMeter's APDEX: a failed sample is frustrated.
    if (success) {
      if (timeMs <= apdex.satisfiedMs) this.satisfied += 1;
      else if (timeMs <= apdex.toleratedMs) this.tolerated += 1;
    }
    this.times.set(timeMs, (this.times.get(timeMs) ?? 0) + 1);
  }
}

/** The figures of a cell, in the same definitions as the analyzer's LabelStats (NaN when empty). */
export interface CellStats {
  readonly count: number;
  readonly errorPct: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly percentile: (p: number) => number;
  readonly throughputPerS: number;
  readonly receivedKBPerS: number;
  readonly sentKBPerS: number;
  readonly apdex: number;
  readonly firstStartMs: number;
  readonly lastEndMs: number;
}

export function cellStats(c: Cell): CellStats {
  const sorted = [...c.times].sort((a, b) => a[0] - b[0]);
  const kth = (k: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) if ((seen += count) >= k) return value;
    return Number.NaN;
  };
  const spanMs = c.lastEnd - c.firstStart;
  const n = c.count;
  return {
    count: n,
    errorPct: n === 0 ? Number.NaN : (100 * c.errors) / n,
    meanMs: n === 0 ? Number.NaN : c.sum / n,
    minMs: sorted[0]?.[0] ?? Number.NaN,
    maxMs: sorted.at(-1)?.[0] ?? Number.NaN,
    percentile: (p) => percentileLegacyOf(n, p, kth),
    throughputPerS: n === 0 ? Number.NaN : (n / spanMs) * 1000,
    receivedKBPerS: n === 0 ? Number.NaN : c.bytes / (spanMs / 1000) / 1024,
    sentKBPerS: n === 0 ? Number.NaN : c.sentBytes / (spanMs / 1000) / 1024,
    apdex: n === 0 ? Number.NaN : (c.satisfied + c.tolerated / 2) / n,
    firstStartMs: c.firstStart,
    lastEndMs: c.lastEnd,
  };
}
