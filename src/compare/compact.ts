import type { WindowCell, WindowedLabel, WindowedRun } from '../stats/label-windows.js';

/** About 400 KB of saved baseline: the numbers a digest's windows may hold (a window cell is 5 + 2 per bucket). */
export const MAX_SAVED_NUMBERS = 100_000;
/** Never merge below this many windows: the tests need them. */
export const MIN_COMPACT_WINDOWS = 12;

const numbersOf = (run: WindowedRun) =>
  [...run.labels, run.total].reduce((n, l) => n + l.windows.reduce((m, c) => m + (c === undefined ? 0 : 5 + 2 * c.buckets.length), 0), 0);

/**
 * Keeps a digest of many labels small enough to save: merges neighbouring windows (width doubles, on the same
 * absolute grid as LabelWindows) while it holds more than MAX_SAVED_NUMBERS numbers. Applied to every digest,
 * from a JTL or not, so a saved baseline and its JTL decide alike.
 */
export function compactWindows(run: WindowedRun): WindowedRun {
  let out = run;
  while (numbersOf(out) > MAX_SAVED_NUMBERS && Math.ceil(out.windowCount / 2) >= MIN_COMPACT_WINDOWS) out = mergePairs(out);
  return out;
}

function mergePairs(run: WindowedRun): WindowedRun {
  const first = Math.round(run.originMs / run.windowMs);
  const newFirst = Math.floor(first / 2);
  const newCount = Math.floor((first + run.windowCount - 1) / 2) - newFirst + 1;
  const merge = (l: WindowedLabel): WindowedLabel => {
    const windows: Array<WindowCell | undefined> = Array.from({ length: newCount }, () => undefined);
    l.windows.forEach((cell, i) => {
      if (cell === undefined) return;
      const j = Math.floor((first + i) / 2) - newFirst;
      windows[j] = windows[j] === undefined ? cell : add(windows[j]!, cell);
    });
    return { ...l, windows };
  };
  return { ...run, windowMs: run.windowMs * 2, originMs: newFirst * run.windowMs * 2, windowCount: newCount, labels: run.labels.map(merge), total: merge(run.total) };
}

function add(a: WindowCell, b: WindowCell): WindowCell {
  const counts = new Map(a.buckets.map(([k, v]) => [k, v] as [number, number]));
  for (const [k, v] of b.buckets) counts.set(k, (counts.get(k) ?? 0) + v);
  return { count: a.count + b.count, errors: a.errors + b.errors, sumMs: a.sumMs + b.sumMs, buckets: [...counts].sort((x, y) => x[0] - y[0]) };
}
