import type { Analysis } from '../jtl/analyze.js';
import type { LabelStats } from './types.js';

/** One entry of JMeter's dashboard statistics.json, fields in JMeter's order. */
export interface StatisticsJsonEntry {
  readonly transaction: string;
  readonly sampleCount: number;
  readonly errorCount: number;
  readonly errorPct: number;
  readonly meanResTime: number;
  readonly medianResTime: number;
  readonly minResTime: number;
  readonly maxResTime: number;
  readonly pct1ResTime: number;
  readonly pct2ResTime: number;
  readonly pct3ResTime: number;
  readonly throughput: number;
  readonly receivedKBytesPerSec: number;
  readonly sentKBytesPerSec: number;
}

/** pct1..3 are the dashboard's aggregate_rpt_pct1..3 (90, 95, 99 by default): the analysis must have computed them. */
export function toStatisticsJson(a: Analysis, pcts: readonly [number, number, number] = [90, 95, 99]): Record<string, StatisticsJsonEntry> {
  const entry = (s: LabelStats): StatisticsJsonEntry => ({
    transaction: s.label,
    sampleCount: s.count,
    errorCount: s.errors,
    // JMeter keeps the error % as a Java float.
    errorPct: Math.fround(s.errorPct),
    meanResTime: s.meanMs,
    medianResTime: s.percentiles['50'] ?? Number.NaN,
    minResTime: s.minMs,
    maxResTime: s.maxMs,
    pct1ResTime: s.percentiles[String(pcts[0])] ?? Number.NaN,
    pct2ResTime: s.percentiles[String(pcts[1])] ?? Number.NaN,
    pct3ResTime: s.percentiles[String(pcts[2])] ?? Number.NaN,
    throughput: s.throughputPerS,
    receivedKBytesPerSec: s.receivedKBPerS,
    sentKBytesPerSec: s.sentKBPerS,
  });
  // As in JMeter's JsonExporter: Total first, then the labels (a label named Total would replace it).
  const out: Record<string, StatisticsJsonEntry> = { Total: entry(a.total) };
  for (const s of a.labels) out[s.label] = entry(s);
  return out;
}

/** JSON text; NaN and Infinity are written as strings, as Jackson does in statistics.json. */
export const statisticsJsonText = (json: Record<string, StatisticsJsonEntry>): string =>
  JSON.stringify(json, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n';
