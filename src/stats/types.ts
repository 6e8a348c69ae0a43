/** Which numbers to reproduce: exact over all samples, or JMeter's dashboard bit for bit (20,000-sample window). */
export type StatsMode = 'exact' | 'jmeter-compat';

export interface ApdexThresholds {
  readonly satisfiedMs: number;
  readonly toleratedMs: number;
}

export const JMETER_APDEX: ApdexThresholds = { satisfiedMs: 500, toleratedMs: 1500 };
export const DEFAULT_PERCENTILES: readonly number[] = [50, 90, 95, 99];

export interface Summary {
  readonly mean: number;
  readonly max: number;
}

/** The statistics of one label, or of Total. Times in ms; NaN where there is no data. */
export interface LabelStats {
  readonly label: string;
  /** A transaction controller's row: it has its own row but is not part of Total (as in JMeter's dashboard). */
  readonly isController: boolean;
  /** Rank of the label's first appearance in the input (0 = first); JMeter's statistics.json order depends on it. */
  readonly appearance?: number;
  /** 0 for a row that has no samples: an empty transaction controller (JMeter lists it too), all figures NaN. */
  readonly count: number;
  readonly errors: number;
  readonly errorPct: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  readonly stdDevMs: number;
  /** Percentile → value, keyed by the percentile as written (`"90"`, `"99.9"`). */
  readonly percentiles: Readonly<Record<string, number>>;
  readonly throughputPerS: number;
  readonly receivedKBPerS: number;
  readonly sentKBPerS: number;
  readonly latency: Summary;
  readonly connect: Summary;
  readonly apdex: number;
  readonly firstStartMs: number;
  readonly lastEndMs: number;
  readonly responseCodes: Readonly<Record<string, number>>;
  /** Failures by `responseCode/message` (JMeter's Errors table key), most frequent first. */
  readonly failures: ReadonlyArray<{ readonly key: string; readonly count: number }>;
}

/** The rows of a statistics table: one per label (controller rows included) and Total. */
export interface LabelTable {
  /** Sorted by label. */
  readonly labels: readonly LabelStats[];
  /** All samples but transaction-controller rows, as JMeter's Total. */
  readonly total: LabelStats;
}

/** One interval of the run (all samples but controller rows). */
export interface IntervalStats {
  readonly startMs: number;
  readonly count: number;
  readonly errors: number;
  readonly throughputPerS: number;
  readonly meanMs: number;
  readonly p95Ms: number;
  readonly maxThreads: number;
}
