import { describe, expect, it } from 'vitest';

import { seededRandom } from '../../src/stats/random.js';
import { MsHistogram } from '../../src/stats/histogram.js';
import { nextMean } from '../../src/stats/mean.js';
import { percentileLegacy, percentileLegacyOf } from '../../src/stats/percentile.js';
import { SlidingWindow } from '../../src/stats/window.js';

describe('percentileLegacy (commons-math LEGACY, as JMeter\'s dashboard)', () => {
  it('reproduces the documented examples', () => {
    const tens = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];
    expect(percentileLegacy(tens, 50)).toBe(550);
    expect(percentileLegacy(tens, 90)).toBe(990);
    expect(percentileLegacy(tens, 95)).toBe(1000);
    expect(percentileLegacy(tens, 99)).toBe(1000);
    expect(percentileLegacy([1, 3, 5, 7, 9], 50)).toBe(5);
    expect(percentileLegacy([1, 3, 5, 7, 9], 90)).toBe(9);
  });

  it('computes pos = (p/100)·(n+1) in that order (bit-equal to Java)', () => {
    // 0.9 * 21 = 18.900000000000002 in IEEE doubles, 90 * 21 / 100 = 18.9: the digits differ.
    const values = Array.from({ length: 20 }, (_, i) => i * 7 + 1);
    const pos = 0.9 * 21;
    expect(percentileLegacy(values, 90)).toBe(values[17]! + (pos - 18) * (values[18]! - values[17]!));
  });

  it('is NaN without data, never a fake 0; one value is every percentile', () => {
    expect(percentileLegacy([], 95)).toBeNaN();
    expect(percentileLegacy([42], 1)).toBe(42);
    expect(percentileLegacy([42], 100)).toBe(42);
  });

  it('over a histogram equals over the sorted values, whatever the values', () => {
    const random = seededRandom(5);
    for (let round = 0; round < 50; round++) {
      const h = new MsHistogram();
      const values: number[] = [];
      for (let i = 0; i < 1 + Math.floor(random() * 500); i++) {
        const v = random() < 0.05 ? 70_000 + Math.floor(random() * 1e6) : Math.floor(random() * random() * 3000);
        values.push(v);
        h.add(v);
      }
      values.sort((a, b) => a - b);
      const rank = h.ranker();
      for (const p of [0.1, 50, 90, 95, 99, 99.9, 100]) expect(percentileLegacyOf(h.count, p, rank)).toBe(percentileLegacy(values, p));
    }
  });
});

describe('the dashboard\'s other building blocks', () => {
  it('the mean is commons-math FirstMoment, not sum/n', () => {
    const values = [3, 7, 7, 19, 24, 1, 0, 13, 5, 8, 11];
    let mean = Number.NaN;
    values.forEach((x, i) => (mean = nextMean(mean, i + 1, x)));
    let m = 0;
    values.forEach((x, i) => (m += (x - m) / (i + 1)));
    expect(mean).toBe(m);
    expect(mean).toBeCloseTo(values.reduce((a, b) => a + b) / values.length, 12);
  });

  it('the sliding window keeps the last N values in arrival order', () => {
    const w = new SlidingWindow(3);
    [5, 1, 9, 3, 7].forEach((v) => w.add(v));
    expect([...w.sorted()]).toEqual([3, 7, 9]);
  });
});
