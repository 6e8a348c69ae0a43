import { standardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';

import { MsHistogram } from '../../src/stats/histogram.js';
import { SlidingWindow } from '../../src/stats/window.js';

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

describe('MsHistogram and SlidingWindow cost what a label holds (issue 12 item 4)', () => {
  it('a few values stay in a small map; many distinct values move to a table sized to the largest one', () => {
    const few = new MsHistogram();
    [120, 130, 120].forEach((v) => few.add(v));
    expect(few.dense.length).toBe(0);
    expect(few.entries()).toEqual([[120, 2], [130, 1]]);
    const many = new MsHistogram();
    for (let v = 0; v < 200; v++) many.add(v * 3);
    expect(many.dense.length).toBe(1024);
    expect(many.count).toBe(200);
    expect(many.entries().length).toBe(200);
    expect(many.ranker()(200)).toBe(597);
  });

  it('the window grows with the values seen and keeps the last `size` of them', () => {
    const w = new SlidingWindow(5);
    [1, 2, 3].forEach((v) => w.add(v));
    expect([...w.sorted()]).toEqual([1, 2, 3]);
    [9, 8, 7, 6].forEach((v) => w.add(v));
    expect([...w.sorted()]).toEqual([3, 6, 7, 8, 9]);
    const big = new SlidingWindow(20_000);
    for (let i = 0; i < 50_000; i++) big.add(i);
    expect(big.sorted()[0]).toBe(30_000);
    expect(big.sorted().length).toBe(20_000);
  });
});
