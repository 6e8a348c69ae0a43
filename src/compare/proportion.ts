import { errorFunction } from 'simple-statistics';

import type { WindowedLabel } from '../stats/label-windows.js';

/** Errors of one label in one run, with how much they cluster in time. */
export interface ErrorCounts {
  readonly samples: number;
  readonly errors: number;
  /** Variance of the error share over its binomial variance, from the windows (≥ 1). */
  readonly designEffect: number;
}

/**
 * The design effect of a ratio estimate over clusters (the windows): the error share's variance estimated from how
 * errors spread over windows, divided by the binomial variance that assumes independent samples. Errors that come
 * in bursts (a restart, a full queue) make it large; independent ones keep it near 1. Never below 1.
 */
export function errorCounts(row: WindowedLabel): ErrorCounts {
  let samples = 0;
  let errors = 0;
  const cells = row.windows.filter((c) => c !== undefined && c.count > 0);
  for (const c of cells) {
    samples += c!.count;
    errors += c!.errors;
  }
  const p = samples > 0 ? errors / samples : 0;
  const binomial = (p * (1 - p)) / samples;
  const k = cells.length;
  if (binomial === 0 || k < 2) return { samples, errors, designEffect: 1 };
  let squares = 0;
  for (const c of cells) squares += (c!.errors - p * c!.count) ** 2;
  const clustered = ((k / (k - 1)) * squares) / (samples * samples);
  return { samples, errors, designEffect: Math.max(1, clustered / binomial) };
}

export interface ProportionTest {
  /** Current minus baseline, in percentage points. */
  readonly deltaPoints: number;
  readonly low: number;
  readonly high: number;
  readonly pValue: number;
  readonly designEffect: number;
}

/**
 * Two-proportion z-test with a design effect: the larger of the two runs' design effects inflates both variances
 * (under "no change" both runs cluster alike). The p-value uses the pooled share; the interval the runs' own.
 */
export function compareProportions(base: ErrorCounts, cur: ErrorCounts, z: number): ProportionTest {
  const pb = base.errors / base.samples;
  const pc = cur.errors / cur.samples;
  const deff = Math.max(base.designEffect, cur.designEffect);
  const pooled = (base.errors + cur.errors) / (base.samples + cur.samples);
  const seTest = Math.sqrt(pooled * (1 - pooled) * deff * (1 / base.samples + 1 / cur.samples));
  const seDelta = Math.sqrt(deff * ((pb * (1 - pb)) / base.samples + (pc * (1 - pc)) / cur.samples));
  const delta = pc - pb;
  const pValue = seTest === 0 ? (delta === 0 ? 1 : 0) : 1 - errorFunction(Math.abs(delta) / seTest / Math.SQRT2);
  return { deltaPoints: delta * 100, low: (delta - z * seDelta) * 100, high: (delta + z * seDelta) * 100, pValue, designEffect: deff };
}
