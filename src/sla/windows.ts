import type { Cell } from './cells.js';
import { compare, largerIsWorse, type SlaRule } from './rule.js';

export interface WindowJudgement {
  /** The worst window's value (NaN when a window had no samples at all). */
  readonly worst: number;
  readonly breached: number;
  readonly evidence: string;
}

const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);

/**
 * Judges every window from the first to the last that has samples: a window in between with no samples at
 * all (the target stalled) is a breach, never skipped. The worst window decides the measured value.
 */
export function judgeWindows(rule: SlaRule, cells: ReadonlyArray<Cell | undefined>, value: (c: Cell) => number, originMs: number): WindowJudgement {
  const windowMs = rule.windowMs!;
  const start = (k: number): number => originMs + (rule.warmUpMs ?? 0) + k * windowMs;
  let worst = Number.NaN;
  let worstAt = -1;
  let breached = 0;
  let empty = 0;
  cells.forEach((c, k) => {
    if (c === undefined || c.count === 0) {
      empty += 1;
      breached += 1;
      return;
    }
    const v = value(c);
    if (Number.isNaN(v)) return;
    if (!compare(v, rule.op, rule.threshold)) breached += 1;
    if (Number.isNaN(worst) || (largerIsWorse(rule.op) ? v > worst : v < worst)) {
      worst = v;
      worstAt = k;
    }
  });
  const where = worstAt < 0 ? '' : `worst window ${clock(start(worstAt))}–${clock(start(worstAt + 1))} UTC`;
  const evidence = [
    `${breached} of ${cells.length} ${Math.round(windowMs / 1000)}-s windows breached`,
    ...(where ? [where] : []),
    ...(empty > 0 ? [`${empty} window${empty === 1 ? '' : 's'} without samples`] : []),
  ].join('; ');
  return { worst, breached, evidence };
}
