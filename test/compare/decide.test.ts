import { describe, expect, it } from 'vitest';

import { decide, practicalThreshold } from '../../src/compare/decide.js';
import { compareProportions, errorCounts } from '../../src/compare/proportion.js';
import { blockLength, blockResamples } from '../../src/compare/resample.js';
import { studentQuantile } from '../../src/compare/student.js';
import { DEFAULT_MINIMUM_EFFECTS } from '../../src/compare/types.js';
import type { WindowedLabel } from '../../src/stats/label-windows.js';

describe('practical size', () => {
  it('latency: the larger of 10 % and 5 ms; error %: 0.5 points; throughput: 10 %', () => {
    expect(practicalThreshold('latency', 20, DEFAULT_MINIMUM_EFFECTS)).toBe(5);
    expect(practicalThreshold('latency', 300, DEFAULT_MINIMUM_EFFECTS)).toBe(30);
    expect(practicalThreshold('errorPct', 3, DEFAULT_MINIMUM_EFFECTS)).toBe(0.5);
    expect(practicalThreshold('throughput', 250, DEFAULT_MINIMUM_EFFECTS)).toBe(25);
  });
});

describe('verdicts from size and evidence together', () => {
  it('regressed only when the change is large enough AND its interval excludes 0', () => {
    expect(decide('latency', 40, 10, 70, 30)).toBe('regressed');
    expect(decide('latency', 40, -5, 85, 30)).toBe('no data');
    expect(decide('latency', 20, 5, 35, 30)).toBe('no data');
    expect(decide('latency', -40, -70, -10, 30)).toBe('improved');
  });
  it('unchanged only when the whole interval lies within ± the threshold', () => {
    expect(decide('latency', 2, -10, 14, 30)).toBe('unchanged');
    expect(decide('latency', 2, -31, 14, 30)).toBe('no data');
    expect(decide('errorPct', 0, 0, 0, 0.5)).toBe('unchanged');
  });
  it('for throughput a fall is the regression', () => {
    expect(decide('throughput', -50, -80, -20, 25)).toBe('regressed');
    expect(decide('throughput', 50, 20, 80, 25)).toBe('improved');
  });
});

const windowsOf = (cells: ReadonlyArray<[number, number]>): WindowedLabel => ({
  label: 'x',
  isController: false,
  windows: cells.map(([count, errors]) => ({ count, errors, sumMs: 0, buckets: [] })),
});

describe('two-proportion test with a design effect', () => {
  it('errors spread evenly: design effect 1; in one burst: large', () => {
    expect(errorCounts(windowsOf(Array.from({ length: 10 }, () => [100, 1]))).designEffect).toBe(1);
    const burst = errorCounts(windowsOf([[100, 10], ...Array.from({ length: 9 }, (): [number, number] => [100, 0])]));
    expect(burst).toMatchObject({ samples: 1000, errors: 10 });
    // Σ(e_i − p n_i)² = 9² + 9·1² = 90; ×10/9 / 1000² = 1e-4; binomial 0.01·0.99/1000 = 9.9e-6.
    expect(burst.designEffect).toBeCloseTo(1e-4 / 9.9e-6, 9);
  });

  it('z-test: pooled p-value, unpooled interval, both inflated by the larger design effect', () => {
    const t = compareProportions({ samples: 1000, errors: 10, designEffect: 1 }, { samples: 1000, errors: 30, designEffect: 1 }, 1.96);
    // pooled 0.02: se = sqrt(0.02·0.98·2/1000) = 0.006261; z = 0.02/0.006261 = 3.194; p = 0.0014
    expect(t.deltaPoints).toBeCloseTo(2, 12);
    expect(t.pValue).toBeCloseTo(0.0014, 4);
    const se = Math.sqrt((0.01 * 0.99 + 0.03 * 0.97) / 1000);
    expect(t.low).toBeCloseTo((0.02 - 1.96 * se) * 100, 9);
    const clustered = compareProportions({ samples: 1000, errors: 10, designEffect: 4 }, { samples: 1000, errors: 30, designEffect: 1 }, 1.96);
    expect(clustered.high - clustered.low).toBeCloseTo(2 * (t.high - t.low), 9);
    expect(clustered.pValue).toBeGreaterThan(0.1);
  });
});

describe('resampling', () => {
  it('circular blocks of ⌈W^⅓⌉ consecutive windows, the same for the same seed', () => {
    expect(blockLength(27)).toBe(3);
    expect(blockLength(32)).toBe(4);
    const a = blockResamples(10, 50, 7);
    expect(a).toEqual(blockResamples(10, 50, 7));
    expect(a).not.toEqual(blockResamples(10, 50, 8));
    expect(Math.max(...a)).toBeLessThan(10);
    // Inside each block of 3 (blockLength(10) = 3), windows follow each other (wrapping at 10).
    for (let r = 0; r < 50; r++) for (const start of [0, 3, 6]) expect(a[r * 10 + start + 1]).toBe((a[r * 10 + start]! + 1) % 10);
  });

  it('Student t quantiles as in the tables', () => {
    for (const [df, exact] of [[3, 3.182], [5, 2.571], [7, 2.365], [10, 2.228], [30, 2.042]] as const) {
      expect(studentQuantile(0.95, df)).toBeCloseTo(exact, 3);
    }
    expect(studentQuantile(0.99, 7)).toBeCloseTo(3.499, 3);
    expect(studentQuantile(0.99, 1)).toBeCloseTo(63.657, 1);
  });
});
