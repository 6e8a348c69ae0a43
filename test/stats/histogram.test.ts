import { standardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';

import { MsHistogram } from '../../src/stats/histogram.js';

describe('MsHistogram', () => {
  it('gives the population standard deviation of every value added, dense and sparse alike', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const values = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 0 ? 20_000 + (next() % 500_000) : next() % 3000));
    const h = new MsHistogram();
    for (const v of values) h.add(v);
    expect(h.count).toBe(values.length);
    expect(h.standardDeviation()).toBeCloseTo(standardDeviation(values), 6);
  });

  it('is 0 for identical values and exact for a small set', () => {
    const h = new MsHistogram();
    [5, 5, 5].forEach((v) => h.add(v));
    expect(h.standardDeviation()).toBe(0);
    const g = new MsHistogram();
    [2, 4, 4, 4, 5, 5, 7, 9].forEach((v) => g.add(v));
    expect(g.standardDeviation()).toBe(2);
  });

  it('absorbing another histogram gives the counts of both', () => {
    const a = new MsHistogram();
    const b = new MsHistogram();
    [1, 2, 3, 40_000].forEach((v) => a.add(v));
    [3, 3, 40_000, 16_383].forEach((v) => b.add(v));
    a.absorb(b);
    expect(a.entries()).toEqual([[1, 1], [2, 1], [3, 3], [16_383, 1], [40_000, 2]]);
    expect(a.count).toBe(8);
  });
});
