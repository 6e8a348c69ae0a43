import type { CompareVerdict } from '../findings/finding.js';
import type { WindowedRun } from '../stats/label-windows.js';

/** The metrics compared per label and for Total. */
export const METRICS = ['samples', 'throughput', 'errorPct', 'mean', 'p50', 'p90', 'p95', 'p99', 'max'] as const;
export type MetricId = (typeof METRICS)[number];

export const METRIC_NAMES: Readonly<Record<MetricId, string>> = {
  samples: 'samples', throughput: 'throughput', errorPct: 'error %', mean: 'mean', p50: 'p50', p90: 'p90', p95: 'p95', p99: 'p99', max: 'max',
};
export const METRIC_UNITS: Readonly<Record<MetricId, string>> = {
  samples: 'samples', throughput: '/s', errorPct: '%', mean: 'ms', p50: 'ms', p90: 'ms', p95: 'ms', p99: 'ms', max: 'ms',
};

/** The analyzer's figures of one label (or Total) that a comparison shows: exact, as `jtl analyze` prints them. */
export interface LabelFigures {
  readonly label: string;
  readonly isController: boolean;
  readonly samples: number;
  readonly errors: number;
  readonly throughput: number;
  readonly errorPct: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Everything a comparison needs from one run, built from JTLs or read from a saved baseline: the analyzer's
 * exact figures for the values shown, and the per-window data for the statistical evidence.
 */
export interface RunDigest {
  /** What it came from: the JTL files, or the files the baseline was saved from. */
  readonly files: readonly string[];
  /** The plan name, when known (run folders). */
  readonly plan?: string;
  readonly labels: readonly LabelFigures[];
  readonly total: LabelFigures;
  readonly windows: WindowedRun;
  /** What the reader noticed (malformed records skipped, a cut-off last record): shown, never lost quietly. */
  readonly warnings?: readonly string[];
}

/** The smallest change that matters, per metric kind (the "practical size" half of a verdict). */
export interface MinimumEffects {
  /** Latencies (mean, percentiles) must move by at least this many percent of the baseline… */
  readonly latencyPct: number;
  /** …and by at least this many ms. */
  readonly latencyMs: number;
  readonly errorPoints: number;
  readonly throughputPct: number;
}

export const DEFAULT_MINIMUM_EFFECTS: MinimumEffects = { latencyPct: 10, latencyMs: 5, errorPoints: 0.5, throughputPct: 10 };

/** A baseline label compared with a differently named current label (`--map 'direct=via gateway'`). */
export interface LabelPair {
  readonly baseline: string;
  readonly current: string;
}

export interface CompareOptions {
  readonly minimumEffects: MinimumEffects;
  /** Level of the intervals, e.g. 0.95. */
  readonly confidence: number;
  /** Bootstrap resamplings per run. */
  readonly resamples: number;
  readonly seed: number;
  /** Metrics whose regression fails the command, for every label and Total. */
  readonly failOn: readonly MetricId[];
  /** Whether "not enough data" on a --fail-on metric fails the command too. */
  readonly failOnNoData: boolean;
  readonly pairs: readonly LabelPair[];
}

export const DEFAULT_COMPARE_OPTIONS: CompareOptions = {
  minimumEffects: DEFAULT_MINIMUM_EFFECTS,
  confidence: 0.99,
  resamples: 1000,
  seed: 1,
  failOn: ['p95', 'p99', 'errorPct'],
  failOnNoData: false,
  pairs: [],
};

/** 'no data' is "not enough data"; 'not applicable' a figure shown without a test (samples, max). */
export type MetricVerdict = CompareVerdict | 'no data' | 'not applicable';

export interface MetricComparison {
  readonly metric: MetricId;
  readonly unit: string;
  /** NaN where the run has no value (no data). */
  readonly baseline: number;
  readonly current: number;
  readonly delta: number;
  /** delta / baseline; NaN when the baseline is 0 or missing. */
  readonly relative: number;
  /** The interval of the delta at the comparison's confidence, in the metric's unit (points for error %). */
  readonly interval?: { readonly low: number; readonly high: number };
  readonly pValue?: number;
  readonly verdict: MetricVerdict;
  /** The reason in words, with the interval or p-value. */
  readonly evidence: string;
  /** Counted by --fail-on. */
  readonly blocking: boolean;
}

export interface LabelComparison {
  /** The label, or 'baseline → current' for a mapped pair, or 'Total'. */
  readonly name: string;
  readonly baselineLabel: string;
  readonly currentLabel: string;
  readonly kind: 'label' | 'pair' | 'total';
  readonly metrics: readonly MetricComparison[];
}

export interface ComparisonModel {
  readonly schemaVersion: number;
  readonly baseline: RunSide;
  readonly current: RunSide;
  readonly settings: Omit<CompareOptions, 'pairs'> & { readonly method: string };
  /** Mapped pairs first, then labels in both runs, then Total. */
  readonly rows: readonly LabelComparison[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

export interface RunSide {
  readonly files: readonly string[];
  readonly plan?: string;
  readonly warnings?: readonly string[];
  readonly windowMs: number;
  readonly windows: number;
}

export const COMPARISON_SCHEMA_VERSION = 1;
