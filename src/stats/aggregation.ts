import type { Sample } from '../jtl/sample.js';
import { RowAccumulator, type RowSnapshot } from './accumulator.js';
import { IntervalSeries, type Bucket } from './intervals.js';
import type { ApdexThresholds, IntervalStats, LabelStats, StatsMode } from './types.js';

export interface AggregationOptions {
  readonly mode: StatsMode;
  readonly apdex: ApdexThresholds;
  readonly intervalMs: number;
  /** Only samples this accepts count (labels / time filters). */
  readonly keep: (s: Sample) => boolean;
}

export interface AggregationSnapshot {
  readonly rows: readonly RowSnapshot[];
  readonly total: RowSnapshot;
  readonly intervals: ReadonlyMap<number, Bucket>;
  readonly samples: number;
}

/**
 * The dashboard's rules for where a sample counts: every label has its row (transaction-controller rows too),
 * Total and the time series take all but controller rows, empty controllers count nowhere.
 */
export class Aggregation {
  private readonly rows = new Map<string, RowAccumulator>();
  private readonly total: RowAccumulator;
  private readonly series: IntervalSeries;
  samples = 0;

  constructor(private readonly o: AggregationOptions) {
    this.total = new RowAccumulator('Total', false, o.mode, o.apdex);
    this.series = new IntervalSeries(o.intervalMs);
  }

  readonly add = (s: Sample): void => {
    if (s.controller === 'empty-tc' || !this.o.keep(s)) return;
    this.samples += 1;
    let row = this.rows.get(s.label);
    if (row === undefined) {
      row = new RowAccumulator(s.label, s.controller === 'tc', this.o.mode, this.o.apdex);
      this.rows.set(s.label, row);
    }
    row.add(s);
    if (s.controller === 'none') {
      this.total.add(s);
      this.series.add(s);
    }
  };

  snapshot(): AggregationSnapshot {
    return { rows: [...this.rows.values()].map((r) => r.snapshot()), total: this.total.snapshot(), intervals: this.series.snapshot(), samples: this.samples };
  }

  /** Folds in the aggregation of a later part of the same input (exact mode). */
  absorb(other: AggregationSnapshot): void {
    for (const snap of other.rows) {
      let row = this.rows.get(snap.label);
      if (row === undefined) {
        row = new RowAccumulator(snap.label, snap.isController, this.o.mode, this.o.apdex);
        this.rows.set(snap.label, row);
      }
      row.absorb(snap);
    }
    this.total.absorb(other.total);
    this.series.absorb(other.intervals);
    this.samples += other.samples;
  }

  get isEmpty(): boolean {
    return this.total.count === 0 && this.rows.size === 0;
  }

  result(percentiles: readonly number[]): { labels: LabelStats[]; total: LabelStats; intervals: IntervalStats[] } {
    return {
      labels: [...this.rows.values()].map((r) => r.stats(percentiles)).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
      total: this.total.stats(percentiles),
      intervals: this.series.series(),
    };
  }
}
