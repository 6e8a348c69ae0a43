import { describe, expect, it } from 'vitest';

import type { Sample } from '../../src/stats/sample.js';
import { IntervalSeries } from '../../src/stats/intervals.js';

const sample = (timeStamp: number, elapsedMs: number, success = true, allThreads = 1) => ({ timeStamp, elapsedMs, success, allThreads }) as unknown as Sample;

describe('IntervalSeries (time series per interval of start time)', () => {
  it('counts, errors, throughput, mean, p95 and active threads per interval, in time order', () => {
    const s = new IntervalSeries(1000);
    s.add(sample(2500, 40, false, 3));
    for (let i = 0; i < 20; i++) s.add(sample(1000 + i, i + 1, true, 2));
    const [first, second] = s.series();
    expect(first).toEqual({ startMs: 1000, count: 20, errors: 0, throughputPerS: 20, meanMs: 10.5, p95Ms: 19.95, maxThreads: 2 });
    expect(second).toEqual({ startMs: 2000, count: 1, errors: 1, throughputPerS: 1, meanMs: 40, p95Ms: 40, maxThreads: 3 });
  });

  it('above 100 ms the interval p95 is within 2 %; merging two halves equals one series', () => {
    const whole = new IntervalSeries(5000);
    const a = new IntervalSeries(5000);
    const b = new IntervalSeries(5000);
    for (let i = 0; i < 1000; i++) {
      const x = sample(i * 7, 100 + ((i * 7919) % 5000));
      whole.add(x);
      (i % 2 === 0 ? a : b).add(x);
    }
    a.absorb(b.snapshot());
    expect(a.series()).toEqual(whole.series());
    const sorted = Array.from({ length: 1000 }, (_, i) => 100 + ((i * 7919) % 5000)).sort((x, y) => x - y);
    const p95 = whole.series().reduce((m, r) => Math.max(m, r.p95Ms), 0);
    expect(p95).toBeGreaterThan(0);
    for (const r of whole.series()) expect(r.p95Ms).toBeLessThanOrEqual(sorted.at(-1)! * 1.02);
  });
});

describe('IntervalSeries stays bounded over a long run (issue 12 item 5)', () => {
  it('a 24-hour run at 5 s would need 17,280 buckets: the interval doubles, counts and errors stay exact', () => {
    const s = new IntervalSeries(5000);
    const day = 86_400_000;
    let errors = 0;
    for (let t = 0; t < day; t += 250) {
      const ok = t % 7000 !== 0;
      if (!ok) errors += 1;
      s.add(sample(1_795_000_000_000 + t, 20 + (t % 300), ok));
    }
    const series = s.series();
    expect(series.length).toBeLessThanOrEqual(2048);
    expect(s.intervalMs).toBe(80_000);
    expect(s.requestedIntervalMs).toBe(5000);
    expect(series.reduce((n, b) => n + b.count, 0)).toBe(day / 250);
    expect(series.reduce((n, b) => n + b.errors, 0)).toBe(errors);
    // Inner buckets hold exactly interval / 250 ms samples, at 4 samples a second.
    expect(series[1]).toMatchObject({ count: 320, throughputPerS: 4 });
  });

  it('merging a coarsened series with a finer one re-buckets the finer (two threads on a long file)', () => {
    const whole = new IntervalSeries(1000, 64);
    const a = new IntervalSeries(1000, 64);
    const b = new IntervalSeries(1000, 64);
    for (let t = 0; t < 400_000; t += 100) {
      const x = sample(t, 5 + (t % 40));
      whole.add(x);
      (t < 300_000 ? a : b).add(x);
    }
    expect(a.intervalMs).not.toBe(b.intervalMs);
    a.absorb(b.snapshot());
    expect(a.series()).toEqual(whole.series());
  });
});
