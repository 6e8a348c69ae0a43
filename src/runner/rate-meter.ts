import { groupOfLabel, type PlannedGroup } from '../plans/schedule.js';
import type { Sample } from '../stats/sample.js';

/** Samples, failures and summed response time of one time slice. */
interface Slice {
  count: number;
  errors: number;
  elapsedMs: number;
}

/** What one group did between two instants. */
export interface WindowFigures {
  readonly count: number;
  readonly errors: number;
  readonly elapsedMs: number;
}

/** One group's samples, counted per time slice so any window of them can be measured afterwards. */
export interface GroupSamples {
  readonly group: PlannedGroup;
  readonly samples: number;
  /** Start of its first sample and end of its last, epoch ms (undefined: no sample). */
  readonly firstMs?: number;
  readonly lastStartMs?: number;
  readonly lastEndMs?: number;
  window(fromMs: number, toMs: number): WindowFigures;
}

/**
 * Sorts the samples of a run into the planned groups by label (longest prefix) and counts them per slice of
 * `sliceMs`: memory grows with the run's length / sliceMs, not with its samples. Controller rows are skipped.
 */
export class RateMeter {
  private readonly slices: Map<number, Slice>[];
  private readonly stats: { samples: number; first: number; lastStart: number; lastEnd: number }[];

  constructor(
    private readonly groups: readonly PlannedGroup[],
    private readonly sliceMs: number,
  ) {
    this.slices = groups.map(() => new Map());
    this.stats = groups.map(() => ({ samples: 0, first: Infinity, lastStart: -Infinity, lastEnd: -Infinity }));
  }

  /** The slice for a planned run of `plannedS` seconds: 10 ms, coarser for long runs (≤ ~200,000 slices a group). */
  static sliceFor(plannedS: number): number {
    return Math.max(10, Math.ceil((plannedS * 1000) / 200_000));
  }

  add(s: Sample): void {
    if (s.controller !== 'none') return;
    const group = groupOfLabel(this.groups, s.label);
    if (group === undefined) return;
    const i = this.groups.indexOf(group);
    const st = this.stats[i]!;
    st.samples += 1;
    st.first = Math.min(st.first, s.timeStamp);
    st.lastStart = Math.max(st.lastStart, s.timeStamp);
    st.lastEnd = Math.max(st.lastEnd, s.timeStamp + s.elapsedMs);
    const key = Math.floor(s.timeStamp / this.sliceMs);
    const map = this.slices[i]!;
    let slice = map.get(key);
    if (slice === undefined) map.set(key, (slice = { count: 0, errors: 0, elapsedMs: 0 }));
    slice.count += 1;
    if (!s.success) slice.errors += 1;
    slice.elapsedMs += s.elapsedMs;
  }

  result(): readonly GroupSamples[] {
    return this.groups.map((group, i) => {
      const st = this.stats[i]!;
      const map = this.slices[i]!;
      const window = (fromMs: number, toMs: number): WindowFigures => {
        const from = Math.floor(fromMs / this.sliceMs);
        const to = Math.floor(toMs / this.sliceMs);
        let count = 0;
        let errors = 0;
        let elapsedMs = 0;
        for (const [key, slice] of map) {
          if (key < from || key >= to) continue;
          count += slice.count;
          errors += slice.errors;
          elapsedMs += slice.elapsedMs;
        }
        return { count, errors, elapsedMs };
      };
      return st.samples === 0
        ? { group, samples: 0, window }
        : { group, samples: st.samples, firstMs: st.first, lastStartMs: st.lastStart, lastEndMs: st.lastEnd, window };
    });
  }
}
