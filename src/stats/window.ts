/**
 * The last `size` values in arrival order: commons-math DescriptiveStatistics with a window, which JMeter's
 * dashboard uses for percentiles (jmeter.reportgenerator.statistic_window, default 20,000).
 */
export class SlidingWindow {
  private readonly values: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(readonly size: number) {
    this.values = new Float64Array(size);
  }

  add(value: number): void {
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
    if (this.filled < this.size) this.filled += 1;
  }

  sorted(): Float64Array {
    return this.values.slice(0, this.filled).sort();
  }
}

export const JMETER_STATISTIC_WINDOW = 20_000;
