import type { Sample } from './sample.js';
import { RowAccumulator, type RowSnapshot } from './accumulator.js';
import { IntervalSeries, type SeriesSnapshot } from './intervals.js';
import { Timeline, type DaySpan, type TimeOutlier } from './timeline.js';
import type { ApdexThresholds, IntervalStats, LabelStats, StatsMode } from './types.js';

export interface AggregationOptions {
  readonly mode: StatsMode;
  readonly apdex: ApdexThresholds;
  readonly intervalMs: number;
  /** Only samples this accepts count (labels / time filters). */
  readonly keep: (s: Sample) => boolean;
  /** At most this many label rows; samples of later new labels go to the row OTHER_LABELS. */
  readonly maxLabels?: number;
}

/** The row that gathers the labels beyond --max-labels. */
export const OTHER_LABELS = 'other labels';

/** What the aggregation noticed besides the statistics. */
export interface AggregationCounters {
  /** Samples with timeStamp 0 or less (the WebSocket plugin's "no connection" rows). */
  zeroTimestamps: number;
  /** Samples and distinct labels that went to the OTHER_LABELS row (labels counted up to 10,000). */
  groupedSamples: number;
  groupedLabels: number;
  /** The line of the first sample with timeStamp 0 in each file (by file index). */
  readonly firstZeroLine: Map<number, number>;
}

export interface AggregationSnapshot {
  readonly rows: readonly RowSnapshot[];
  readonly total: RowSnapshot;
  readonly intervals: SeriesSnapshot;
  readonly samples: number;
  readonly counters: AggregationCounters;
  readonly days: readonly DaySpan[];
}

const MAX_COUNTED_GROUPED_LABELS = 10_000;

/**
 * The dashboard's rules for where a sample counts: every label has its row (transaction-controller rows too, and
 * empty controllers with no samples), Total and the time series take all but controller rows. In exact mode a
 * sample with timeStamp 0 counts as failed and stays out of the time range; jmeter-compat counts it as JMeter does.
 */
export class Aggregation {
  private readonly rows = new Map<string, RowAccumulator>();
  private readonly total: RowAccumulator;
  private readonly series: IntervalSeries;
  private readonly timeline = new Timeline();
  private readonly grouped = new Set<string>();
  readonly counters: AggregationCounters = { zeroTimestamps: 0, groupedSamples: 0, groupedLabels: 0, firstZeroLine: new Map() };
  samples = 0;
  /** Index of the file being read (for naming where a far-off timestamp is). */
  fileIndex = 0;

  constructor(private readonly o: AggregationOptions) {
    this.total = new RowAccumulator('Total', false, o.mode, o.apdex, -1);
    this.series = new IntervalSeries(o.intervalMs);
  }

  readonly add = (s: Sample): void => {
    if (!this.o.keep(s)) return;
    const row = this.rowOf(s.label, s.controller !== 'none');
    // JMeter skips an empty transaction controller's sample but lists its label.
    if (s.controller === 'empty-tc') return;
    this.samples += 1;
    const untimed = s.timeStamp <= 0;
    if (untimed) {
      this.counters.zeroTimestamps += 1;
      if (!this.counters.firstZeroLine.has(this.fileIndex)) this.counters.firstZeroLine.set(this.fileIndex, s.line ?? 0);
    } else this.timeline.add(s.timeStamp, this.fileIndex, s.line ?? 0);
    const excluded = untimed && this.o.mode === 'exact';
    row.add(s, excluded);
    if (s.controller === 'none') {
      this.total.add(s, excluded);
      if (!excluded) this.series.add(s);
    }
  };

  private rowOf(label: string, isController: boolean): RowAccumulator {
    let row = this.rows.get(label);
    if (row !== undefined) return row;
    if (this.o.maxLabels !== undefined && this.rows.size >= this.o.maxLabels && label !== OTHER_LABELS) {
      this.counters.groupedSamples += 1;
      if (this.grouped.size < MAX_COUNTED_GROUPED_LABELS && !this.grouped.has(label)) {
        this.grouped.add(label);
        this.counters.groupedLabels += 1;
      }
      return this.rowOf(OTHER_LABELS, false);
    }
    row = new RowAccumulator(label, isController, this.o.mode, this.o.apdex, this.rows.size);
    this.rows.set(label, row);
    return row;
  }

  snapshot(): AggregationSnapshot {
    return {
      rows: [...this.rows.values()].map((r) => r.snapshot()),
      total: this.total.snapshot(),
      intervals: this.series.snapshot(),
      samples: this.samples,
      counters: this.counters,
      days: this.timeline.snapshot(),
    };
  }

  /** Folds in the aggregation of a later part of the same input (exact mode, no label limit), read as file `fileIndex`. */
  absorb(other: AggregationSnapshot): void {
    for (const snap of other.rows) {
      let row = this.rows.get(snap.label);
      if (row === undefined) {
        row = new RowAccumulator(snap.label, snap.isController, this.o.mode, this.o.apdex, this.rows.size);
        this.rows.set(snap.label, row);
      }
      row.absorb(snap);
    }
    this.total.absorb(other.total);
    this.series.absorb(other.intervals);
    this.timeline.absorb(other.days.map((d) => ({ ...d, file: this.fileIndex })));
    this.samples += other.samples;
    this.counters.zeroTimestamps += other.counters.zeroTimestamps;
    for (const line of other.counters.firstZeroLine.values()) if (!this.counters.firstZeroLine.has(this.fileIndex)) this.counters.firstZeroLine.set(this.fileIndex, line);
  }

  get isEmpty(): boolean {
    return this.total.count === 0 && this.rows.size === 0;
  }

  /** Days of samples far from the bulk of the run (file as the index set in fileIndex). */
  timeOutliers(): TimeOutlier[] {
    return this.timeline.outliers();
  }

  result(percentiles: readonly number[]): { labels: LabelStats[]; total: LabelStats; intervals: IntervalStats[]; intervalMs: number } {
    return {
      labels: [...this.rows.values()].map((r) => r.stats(percentiles)).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
      total: this.total.stats(percentiles),
      intervals: this.series.series(),
      intervalMs: this.series.intervalMs,
    };
  }
}
