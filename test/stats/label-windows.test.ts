import { describe, expect, it } from 'vitest';

import type { Sample } from '../../src/stats/sample.js';
import { LabelWindows, MAX_WINDOWS } from '../../src/stats/label-windows.js';
import { bucketBounds, bucketOf, bucketPercentile, EXACT_BELOW } from '../../src/stats/log-buckets.js';

const sample = (timeStamp: number, elapsedMs: number, label = 'a', success = true, controller: Sample['controller'] = 'none'): Sample => ({
  timeStamp, elapsedMs, label, success, controller, responseCode: '200', responseMessage: 'OK', failureMessage: '', bytes: 1, sentBytes: 1, allThreads: 1, latencyMs: 0, connectMs: 0,
});

describe('log buckets', () => {
  it('keep whole milliseconds below 64 ms and contain every value in its bucket above', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(63)).toBe(63);
    for (const v of [64, 65, 100, 999, 1000, 65_535, 3_600_000]) {
      const { lower, width } = bucketBounds(bucketOf(v));
      expect(v).toBeGreaterThanOrEqual(lower);
      expect(v).toBeLessThan(lower + width);
      expect(width / lower).toBeLessThanOrEqual(1 / 32);
    }
    expect(bucketOf(64)).toBe(EXACT_BELOW);
    expect(bucketOf(128)).toBe(EXACT_BELOW + 32);
  });

  it('percentiles: exact below 64 ms, interpolated by rank inside a wider bucket', () => {
    const counts = new Float64Array(200);
    counts[10] = 90;
    counts[bucketOf(100)] = 10;
    expect(bucketPercentile(counts, 100, 50)).toBe(10);
    expect(bucketPercentile(counts, 100, 90)).toBe(10);
    const { lower, width } = bucketBounds(bucketOf(100));
    expect(bucketPercentile(counts, 100, 95)).toBeCloseTo(lower + width * 0.5, 9);
    expect(bucketPercentile(counts, 0, 50)).toBeNaN();
  });
});

describe('LabelWindows', () => {
  it('counts samples, errors and sums per label and window; Total leaves transaction rows out', () => {
    const w = new LabelWindows();
    w.add(sample(10_000, 5));
    w.add(sample(10_500, 7, 'a', false));
    w.add(sample(12_100, 100, 'b'));
    w.add(sample(12_200, 50, 'tx', true, 'tc'));
    w.add(sample(12_300, 50, 'empty', true, 'empty-tc'));
    const r = w.result();
    expect(r.windowMs).toBe(1000);
    expect(r.originMs).toBe(10_000);
    expect(r.windowCount).toBe(3);
    expect(r.firstMs).toBe(10_000);
    expect(r.lastMs).toBe(12_250);
    expect(r.labels.map((l) => l.label)).toEqual(['a', 'b', 'tx']);
    expect(r.labels[0]!.windows[0]).toEqual({ count: 2, errors: 1, sumMs: 12, buckets: [[5, 1], [7, 1]] });
    expect(r.labels[0]!.windows[1]).toBeUndefined();
    expect(r.labels[2]!.isController).toBe(true);
    expect(r.total.windows.map((c) => c?.count ?? 0)).toEqual([2, 0, 1]);
  });

  it('doubles the window width to stay within MAX_WINDOWS, whatever the order of the samples', () => {
    const samples = Array.from({ length: 5000 }, (_, i) => sample(1_000_000 + ((i * 7919) % 5000) * 97, i % 300, `l${i % 3}`, i % 50 !== 0));
    const forward = new LabelWindows();
    const backward = new LabelWindows();
    for (const s of samples) forward.add(s);
    for (const s of [...samples].reverse()) backward.add(s);
    const f = forward.result();
    expect(f.windowCount).toBeLessThanOrEqual(MAX_WINDOWS);
    expect(f.windowCount).toBeGreaterThan(MAX_WINDOWS / 2);
    expect(f.windowMs).toBe(16_000);
    expect(backward.result()).toEqual(f);
    expect(f.total.windows.reduce((n, c) => n + (c?.count ?? 0), 0)).toBe(5000);
    expect(f.total.windows.reduce((n, c) => n + (c?.errors ?? 0), 0)).toBe(100);
  });
});
