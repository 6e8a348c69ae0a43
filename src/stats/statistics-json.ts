import { javaHashMapOrder } from './java-hash-order.js';
import { javaDoubleToString, javaFloatToString } from './java-number.js';
import type { LabelStats, LabelTable } from './types.js';

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

/** Java's Long.MAX_VALUE / MIN_VALUE as doubles: JMeter's min and max of a row without samples. */
const LONG_MAX = 9223372036854775807;
const LONG_MIN = -9223372036854775808;

type Pcts = readonly [number, number, number];

/** pct1..3 are the dashboard's aggregate_rpt_pct1..3 (90, 95, 99 by default): the analysis must have computed them. */
function entry(s: LabelStats, pcts: Pcts): StatisticsJsonEntry {
  const empty = s.count === 0;
  return {
    transaction: s.label,
    sampleCount: s.count,
    errorCount: s.errors,
    // JMeter keeps the error % as a Java float.
    errorPct: Math.fround(s.errorPct),
    meanResTime: s.meanMs,
    medianResTime: s.percentiles['50'] ?? Number.NaN,
    // A row without samples (an empty transaction controller) keeps JMeter's initial values.
    minResTime: empty ? LONG_MAX : s.minMs,
    maxResTime: empty ? LONG_MIN : s.maxMs,
    pct1ResTime: s.percentiles[String(pcts[0])] ?? Number.NaN,
    pct2ResTime: s.percentiles[String(pcts[1])] ?? Number.NaN,
    pct3ResTime: s.percentiles[String(pcts[2])] ?? Number.NaN,
    throughput: empty ? 0 : s.throughputPerS,
    receivedKBytesPerSec: empty ? 0 : s.receivedKBPerS,
    sentKBytesPerSec: empty ? 0 : s.sentKBPerS,
  };
}

/**
 * The entries in JMeter's order: its summary consumer keeps the labels in a HashMap (filled in order of first
 * appearance), and the exporter puts Total, then those labels, into another HashMap, which Jackson writes in its
 * iteration order. A label named Total replaces Total's entry, as in JMeter.
 */
export function statisticsJsonEntries(a: LabelTable, pcts: Pcts = [90, 95, 99]): Array<[string, StatisticsJsonEntry]> {
  const byAppearance = [...a.labels].sort((x, y) => (x.appearance ?? 0) - (y.appearance ?? 0));
  const entries = new Map<string, StatisticsJsonEntry>([['Total', entry(a.total, pcts)]]);
  for (const s of byAppearance) entries.set(s.label, entry(s, pcts));
  const labelOrder = javaHashMapOrder(byAppearance.map((s) => s.label));
  const keys = javaHashMapOrder(['Total', ...labelOrder.filter((k) => k !== 'Total')]);
  return keys.map((k) => [k, entries.get(k)!]);
}

/** statistics.json as an object (key order as JMeter's, except that JavaScript puts integer-like keys first). */
export function toStatisticsJson(a: LabelTable, pcts: Pcts = [90, 95, 99]): Record<string, StatisticsJsonEntry> {
  return Object.fromEntries(statisticsJsonEntries(a, pcts));
}

/** The text of statistics.json as JMeter writes it (Jackson's pretty printer, Java's number formats, its key order). */
export function statisticsJsonTextOf(a: LabelTable, pcts: Pcts = [90, 95, 99]): string {
  return jacksonText(statisticsJsonEntries(a, pcts));
}

/** The same text for an already built object (its key order is kept). */
export const statisticsJsonText = (json: Record<string, StatisticsJsonEntry>): string => jacksonText(Object.entries(json));

const INTEGER_FIELDS = new Set<keyof StatisticsJsonEntry>(['sampleCount', 'errorCount']);

function jacksonText(entries: ReadonlyArray<readonly [string, StatisticsJsonEntry]>): string {
  const field = (name: keyof StatisticsJsonEntry, value: string | number) =>
    `    ${jacksonString(name)} : ${typeof value === 'string' ? jacksonString(value) : javaNumber(name, value)}`;
  const object = ([key, e]: readonly [string, StatisticsJsonEntry]) =>
    `  ${jacksonString(key)} : {\n${(Object.keys(e) as Array<keyof StatisticsJsonEntry>).map((k) => field(k, e[k])).join(',\n')}\n  }`;
  return entries.length === 0 ? '{ }' : `{\n${entries.map(object).join(',\n')}\n}`;
}

function javaNumber(name: keyof StatisticsJsonEntry, value: number): string {
  // Jackson writes NaN and the infinities as strings.
  if (!Number.isFinite(value)) return `"${javaDoubleToString(value)}"`;
  if (INTEGER_FIELDS.has(name)) return String(value);
  return name === 'errorPct' ? javaFloatToString(value) : javaDoubleToString(value);
}

/** A JSON string as Jackson escapes it: `"`, `\`, and control characters (\uXXXX in upper-case hex). */
function jacksonString(text: string): string {
  const escaped = text.replace(/["\\\u0000-\u001f]/g, (c) => {
    const named: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}
