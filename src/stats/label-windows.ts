import type { Sample } from './sample.js';
import { bucketOf } from './log-buckets.js';

/** One label in one time window: what the comparison's resampling needs, nothing more. */
export interface WindowCell {
  readonly count: number;
  readonly errors: number;
  /** Sum of response times (ms), for the mean. */
  readonly sumMs: number;
  /** Sparse histogram in log buckets (see log-buckets.ts): ascending [bucket, count] pairs. */
  readonly buckets: ReadonlyArray<readonly [number, number]>;
}

export interface WindowedLabel {
  readonly label: string;
  readonly isController: boolean;
  /** One entry per window of the run, `undefined` where the label had no sample. */
  readonly windows: ReadonlyArray<WindowCell | undefined>;
}

/** A run cut into time windows of equal width, per label and Total. */
export interface WindowedRun {
  readonly windowMs: number;
  /** Start of the first window, epoch ms (a multiple of windowMs). */
  readonly originMs: number;
  readonly windowCount: number;
  /** First sample start and last sample end, epoch ms: the first and last windows are covered only in part. */
  readonly firstMs: number;
  readonly lastMs: number;
  readonly labels: readonly WindowedLabel[];
  readonly total: WindowedLabel;
}

export const BASE_WINDOW_MS = 1000;
export const MAX_WINDOWS = 32;

interface Cell {
  count: number;
  errors: number;
  sumMs: number;
  readonly buckets: Map<number, number>;
}

interface Row {
  readonly isController: boolean;
  readonly windows: Map<number, Cell>;
}

/**
 * Per-label, per-window counts, errors and log-bucket histograms in bounded memory: windows start at 1 s and
 * double in width (pairs merged) whenever the run would span more than MAX_WINDOWS, so a run of any length ends
 * with 16..32 windows (fewer when shorter than 32 s). The final width depends only on the set of samples, not
 * on their order. Feed it the samples the analyzer keeps (AnalyzeOptions.onSample).
 */
export class LabelWindows {
  private widthMs = BASE_WINDOW_MS;
  private minIndex = Infinity;
  private maxIndex = -Infinity;
  private firstMs = Infinity;
  private lastMs = -Infinity;
  private readonly rows = new Map<string, Row>();
  private readonly total: Row = { isController: false, windows: new Map() };

  readonly add = (s: Sample): void => {
    if (s.controller === 'empty-tc') return;
    const index = Math.floor(s.timeStamp / this.widthMs);
    if (index < this.minIndex) this.minIndex = index;
    if (index > this.maxIndex) this.maxIndex = index;
    if (s.timeStamp < this.firstMs) this.firstMs = s.timeStamp;
    if (s.timeStamp + s.elapsedMs > this.lastMs) this.lastMs = s.timeStamp + s.elapsedMs;
    while (this.maxIndex - this.minIndex + 1 > MAX_WINDOWS) this.doubleWidth();
    const at = Math.floor(s.timeStamp / this.widthMs);
    let row = this.rows.get(s.label);
    if (row === undefined) {
      row = { isController: s.controller === 'tc', windows: new Map() };
      this.rows.set(s.label, row);
    }
    addTo(row, at, s);
    if (s.controller === 'none') addTo(this.total, at, s);
  };

  private doubleWidth(): void {
    this.widthMs *= 2;
    this.minIndex = Math.floor(this.minIndex / 2);
    this.maxIndex = Math.floor(this.maxIndex / 2);
    for (const row of [...this.rows.values(), this.total]) {
      const old = [...row.windows];
      row.windows.clear();
      for (const [index, cell] of old) {
        const into = row.windows.get(Math.floor(index / 2));
        if (into === undefined) row.windows.set(Math.floor(index / 2), cell);
        else mergeCell(into, cell);
      }
    }
  }

  get isEmpty(): boolean {
    return this.minIndex === Infinity;
  }

  result(): WindowedRun {
    const windowCount = this.isEmpty ? 0 : this.maxIndex - this.minIndex + 1;
    const freeze = (label: string, row: Row): WindowedLabel => ({
      label,
      isController: row.isController,
      windows: Array.from({ length: windowCount }, (_, i) => {
        const cell = row.windows.get(this.minIndex + i);
        return cell && { count: cell.count, errors: cell.errors, sumMs: cell.sumMs, buckets: [...cell.buckets].sort((a, b) => a[0] - b[0]) };
      }),
    });
    return {
      windowMs: this.widthMs,
      originMs: this.isEmpty ? 0 : this.minIndex * this.widthMs,
      windowCount,
      firstMs: this.firstMs,
      lastMs: this.lastMs,
      labels: [...this.rows].map(([label, row]) => freeze(label, row)).sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)),
      total: freeze('Total', this.total),
    };
  }
}

function addTo(row: Row, index: number, s: Sample): void {
  let cell = row.windows.get(index);
  if (cell === undefined) {
    cell = { count: 0, errors: 0, sumMs: 0, buckets: new Map() };
    row.windows.set(index, cell);
  }
  cell.count += 1;
  if (!s.success) cell.errors += 1;
  cell.sumMs += s.elapsedMs;
  const b = bucketOf(s.elapsedMs);
  cell.buckets.set(b, (cell.buckets.get(b) ?? 0) + 1);
}

function mergeCell(into: Cell, from: Cell): void {
  into.count += from.count;
  into.errors += from.errors;
  into.sumMs += from.sumMs;
  for (const [b, c] of from.buckets) into.buckets.set(b, (into.buckets.get(b) ?? 0) + c);
}
