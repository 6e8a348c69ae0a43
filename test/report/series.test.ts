import { describe, expect, it } from 'vitest';

import type { Sample } from '../../src/stats/sample.js';
import { distributionOf } from '../../src/report/distribution.js';
import { MAX_CODES, MAX_POINTS, OTHER_CODES, ReportSeries } from '../../src/report/series.js';
import { TopErrors } from '../../src/report/top-errors.js';
import { logBinOf, LOG_BINS } from '../../src/stats/log-bins.js';

const T0 = 1_795_000_000_000;
const sample = (o: Partial<Sample>): Sample => ({
  timeStamp: T0, elapsedMs: 10, label: 'GET /a', responseCode: '200', responseMessage: 'OK', success: true, failureMessage: '',
  bytes: 1024, sentBytes: 512, allThreads: 1, latencyMs: 4, connectMs: 1, controller: 'none', ...o,
});

describe('ReportSeries: the charts in a fixed number of points', () => {
  it('one-second points: percentiles, means, rates and codes of each second (controller rows left out)', () => {
    const s = new ReportSeries();
    for (let ms = 0; ms < 100; ms++) s.add(sample({ timeStamp: T0 + 10 * ms, elapsedMs: ms, allThreads: ms % 7, latencyMs: ms / 2, connectMs: 2 }));
    s.add(sample({ timeStamp: T0 + 1500, elapsedMs: 40, success: false, responseCode: '503', bytes: 2048, sentBytes: 0 }));
    s.add(sample({ timeStamp: T0 + 1600, elapsedMs: 9999, controller: 'tc' }));
    const r = s.result();
    expect(r.intervalMs).toBe(1000);
    expect(r.points).toHaveLength(2);
    const [first, second] = r.points;
    // Below 100 ms the bins are whole milliseconds: the LEGACY percentiles of 0..99 exactly.
    expect(first).toMatchObject({ startMs: T0, count: 100, errors: 0, p50Ms: 49.5, meanMs: 49.5, latencyMs: 24.75, connectMs: 2, maxThreads: 6, throughputPerS: 100, receivedKBPerS: 100, sentKBPerS: 50 });
    expect([first!.p90Ms, first!.p95Ms, first!.p99Ms].map((v) => Number(v.toFixed(9)))).toEqual([89.9, 94.95, 98.99]);
    expect(second).toMatchObject({ startMs: T0 + 1000, count: 1, errors: 1, errorsPerS: 1, p99Ms: 40, receivedKBPerS: 2, codes: { '200': 0, '503': 1 } });
    expect(r.codes).toEqual(['200', '503']);
  });

  it('a 24-hour run stays within MAX_POINTS: the interval doubles, nothing is lost, the order of samples does not matter', () => {
    const times = Array.from({ length: 24 * 3600 }, (_, i) => T0 + i * 1000 + (i % 1000));
    const forward = new ReportSeries();
    for (const t of times) forward.add(sample({ timeStamp: t, elapsedMs: t % 300 }));
    const shuffled = new ReportSeries();
    for (let i = 0; i < times.length; i++) shuffled.add(sample({ timeStamp: times[(i * 7919) % times.length]!, elapsedMs: times[(i * 7919) % times.length]! % 300 }));
    const a = forward.result();
    expect(a.points.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(a.points.length).toBeGreaterThan(MAX_POINTS / 2);
    expect(a.intervalMs).toBe(1000 * 512);
    expect(a.points.reduce((n, p) => n + p.count, 0)).toBe(times.length);
    expect(shuffled.result()).toEqual(a);
  });

  it('a gap in the run stays a gap (empty points, no invented figures)', () => {
    const s = new ReportSeries();
    s.add(sample({ timeStamp: T0 }));
    s.add(sample({ timeStamp: T0 + 3000 }));
    const points = s.result().points;
    expect(points.map((p) => p.count)).toEqual([1, 0, 0, 1]);
    expect(points[1]!.p95Ms).toBeNaN();
    expect(points[1]!.meanMs).toBeNaN();
  });

  it('samples without a start time (timeStamp 0) count in the distribution, not on the time axis', () => {
    const s = new ReportSeries();
    s.add(sample({ timeStamp: T0 + 500, elapsedMs: 7 }));
    s.add(sample({ timeStamp: 0, elapsedMs: 7 }));
    const r = s.result();
    expect(r).toMatchObject({ intervalMs: 1000, untimed: 1, points: [{ startMs: T0, count: 1 }] });
    expect(r.distribution.reduce((n, b) => n + b.count, 0)).toBe(2);
  });

  it(`charts at most ${MAX_CODES} response codes one by one, the rest as "${OTHER_CODES}"`, () => {
    const s = new ReportSeries();
    for (let c = 0; c < MAX_CODES + 5; c++) for (let k = 0; k <= c; k++) s.add(sample({ responseCode: String(400 + c) }));
    const r = s.result();
    expect(r.codes).toHaveLength(MAX_CODES + 1);
    expect(r.codes.at(-1)).toBe(OTHER_CODES);
    expect(r.points[0]!.codes[OTHER_CODES]).toBe([10, 11, 12, 13, 14].reduce((n, c) => n + c + 1, 0));
  });

  it('distribution: round bar widths up to p99.5, one bar for the slower rest, every sample counted once', () => {
    const counts = new Uint32Array(LOG_BINS);
    for (let ms = 0; ms < 200; ms++) counts[logBinOf(ms)]! += 5;
    counts[logBinOf(60_000)]! += 1;
    const bars = distributionOf(counts);
    expect(bars[0]).toEqual({ fromMs: 0, toMs: 5, count: 25 });
    expect(bars.at(-1)).toEqual({ fromMs: 200, toMs: Number.POSITIVE_INFINITY, count: 1 });
    expect(bars.reduce((n, b) => n + b.count, 0)).toBe(1001);
    expect(distributionOf(new Uint32Array(LOG_BINS))).toEqual([]);
  });
});

describe('TopErrors: failures by code and message, bounded', () => {
  it('counts, first and last time, labels by frequency, distinct example messages', () => {
    const e = new TopErrors();
    e.add(sample({ success: false, responseCode: '503', responseMessage: 'Unavailable', timeStamp: T0 + 50, label: 'b', failureMessage: 'x\ny' }));
    e.add(sample({ success: false, responseCode: '503', responseMessage: 'Unavailable', timeStamp: T0 + 10, label: 'a', failureMessage: 'x\ny' }));
    e.add(sample({ success: false, responseCode: '503', responseMessage: 'Unavailable', timeStamp: T0 + 90, label: 'a', failureMessage: 'z' }));
    e.add(sample({ success: false, responseCode: '200', responseMessage: 'OK', label: 'a', failureMessage: 'Assertion failed' }));
    e.add(sample({ success: false, responseCode: '200', controller: 'tc' }));
    e.add(sample({ success: true }));
    expect(e.result()).toEqual({
      groups: [
        { responseCode: '503', responseMessage: 'Unavailable', count: 3, firstMs: T0 + 10, lastMs: T0 + 90, labels: [{ label: 'a', count: 2 }, { label: 'b', count: 1 }], otherLabelSamples: 0, examples: ['x\ny', 'z'] },
        { responseCode: '200', responseMessage: 'OK', count: 1, firstMs: T0, lastMs: T0, labels: [{ label: 'a', count: 1 }], otherLabelSamples: 0, examples: ['Assertion failed'] },
      ],
      otherErrors: 0,
    });
  });

  it('keeps 50 groups and counts the rest', () => {
    const e = new TopErrors();
    for (let i = 0; i < 60; i++) e.add(sample({ success: false, responseMessage: `m${i}` }));
    const r = e.result();
    expect(r.groups).toHaveLength(50);
    expect(r.otherErrors).toBe(10);
  });
});
