/**
 * The last `size` values in arrival order: commons-math DescriptiveStatistics with a window, which JMeter's
 * dashboard uses for percentiles (jmeter.reportgenerator.statistic_window, default 20,000). Storage grows with the
 * values actually seen (doubling), so a row with a few samples does not hold a 20,000-slot array.
 */
export class SlidingWindow {
  private values = new Float64Array(8);
  private next = 0;
  private filled = 0;

  constructor(readonly size: number) {}

  add(value: number): void {
    if (this.filled < this.size) {
      if (this.filled === this.values.length) {
        const grown = new Float64Array(Math.min(this.size, this.values.length * 2));
        grown.set(this.values);
        this.values = grown;
      }
      this.values[this.filled] = value;
      this.filled += 1;
      this.next = this.filled % this.size;
      return;
    }
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.size;
  }

  sorted(): Float64Array {
    return this.values.slice(0, this.filled).sort();
  }
}

export const JMETER_STATISTIC_WINDOW = 20_000;
