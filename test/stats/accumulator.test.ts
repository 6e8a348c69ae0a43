import { describe, expect, it } from 'vitest';

import type { Sample } from '../../src/stats/sample.js';
import { RowAccumulator } from '../../src/stats/accumulator.js';
import { JMETER_APDEX } from '../../src/stats/types.js';

const sample = (over: Partial<Sample>): Sample => ({
  timeStamp: 1000, elapsedMs: 100, label: 'GET /tools', responseCode: '200', responseMessage: 'OK', success: true,
  failureMessage: '', bytes: 1024, sentBytes: 512, allThreads: 1, latencyMs: 50, connectMs: 2, controller: 'none', ...over,
});

describe('RowAccumulator', () => {
  const row = new RowAccumulator('GET /tools', false, 'exact', JMETER_APDEX);
  [
    sample({ timeStamp: 1000, elapsedMs: 100 }),
    sample({ timeStamp: 1500, elapsedMs: 900 }),
    sample({ timeStamp: 2000, elapsedMs: 2000 }),
    sample({ timeStamp: 2500, elapsedMs: 300, success: false, responseCode: '503', responseMessage: 'Service Unavailable' }),
    sample({ timeStamp: 3000, elapsedMs: 200, success: false, failureMessage: 'Missing property in path $[\'result\']' }),
  ].forEach((s) => row.add(s));
  const stats = row.stats([50, 90]);

  it('counts, errors and the error percentage', () => {
    expect(stats).toMatchObject({ count: 5, errors: 2, errorPct: 40, minMs: 100, maxMs: 2000, meanMs: 700 });
  });

  it('throughput over the first start to the last end, KB/s likewise', () => {
    // First start 1000, last end 2000 + 2000 = 4000: 5 samples in 3 s (Java's operation order).
    expect(stats.throughputPerS).toBe((5 / 3000) * 1000);
    expect(stats.receivedKBPerS).toBe((5 * 1024) / (3000 / 1000) / 1024);
    expect(stats.sentKBPerS).toBe((5 * 512) / (3000 / 1000) / 1024);
  });

  it('APDEX: only successes count as satisfied (≤500) or tolerating (≤1500), all samples in the total', () => {
    expect(stats.apdex).toBe((1 + 0.5) / 5);
  });

  it('failures are keyed as JMeter\'s Errors table: code/message, or the assertion message when the code says success', () => {
    expect(stats.failures).toEqual([
      { key: '503/Service Unavailable', count: 1 },
      { key: 'Missing property in path $[\'result\']', count: 1 },
    ]);
    expect(stats.responseCodes).toEqual({ '200': 4, '503': 1 });
  });

  it('percentiles, latency and connect summaries', () => {
    expect(stats.percentiles).toEqual({ '50': 300, '90': 2000 });
    expect(stats.latency).toEqual({ mean: 50, max: 50 });
    expect(stats.connect).toEqual({ mean: 2, max: 2 });
  });

  it('an empty row says "no data" (NaN), not 0', () => {
    const empty = new RowAccumulator('x', false, 'exact', JMETER_APDEX).stats([95]);
    expect(empty.meanMs).toBeNaN();
    expect(empty.percentiles['95']).toBeNaN();
    expect(empty.minMs).toBeNaN();
  });
});
