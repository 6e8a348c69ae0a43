/** Where samples of one day start: how many, and the first of them (file index and line). */
export interface DaySpan {
  readonly day: number;
  count: number;
  readonly file: number;
  readonly line: number;
}

/** A group of samples dated far from the bulk of the run (e.g. one record from 1970). */
export interface TimeOutlier {
  readonly firstMs: number;
  readonly lastMs: number;
  readonly count: number;
  /** Days between this group and the nearest day of the bulk of the run. */
  readonly daysAway: number;
  readonly file: number;
  readonly line: number;
}

const DAY_MS = 86_400_000;
/** More distinct days than this (garbage timestamps) are not tracked further: the outliers found are still named. */
const MAX_DAYS = 100_000;
/** Days with samples further apart than this split the run into groups. */
export const OUTLIER_GAP_DAYS = 30;

/**
 * Counts samples per calendar day of their start time, so that a timestamp decades away from the others (which
 * stretches the time span and makes throughput meaningless) can be named with its file and line.
 */
export class Timeline {
  private readonly days = new Map<number, DaySpan>();
  private lastDay = Number.NaN;
  private last: DaySpan | undefined;

  add(timeStamp: number, file: number, line: number): void {
    const day = Math.floor(timeStamp / DAY_MS);
    if (day === this.lastDay) {
      this.last!.count += 1;
      return;
    }
    let span = this.days.get(day);
    if (span === undefined) {
      if (this.days.size >= MAX_DAYS) return;
      span = { day, count: 0, file, line };
      this.days.set(day, span);
    }
    span.count += 1;
    this.lastDay = day;
    this.last = span;
  }

  snapshot(): readonly DaySpan[] {
    return [...this.days.values()];
  }

  /** Folds in a later part of the same input (its first samples of a day come after ours). */
  absorb(spans: readonly DaySpan[]): void {
    for (const s of spans) {
      const mine = this.days.get(s.day);
      if (mine !== undefined) mine.count += s.count;
      else if (this.days.size < MAX_DAYS) this.days.set(s.day, { ...s });
    }
    this.lastDay = Number.NaN;
  }

  /** The groups of days more than OUTLIER_GAP_DAYS away from the group holding most samples. */
  outliers(): TimeOutlier[] {
    const days = [...this.days.values()].sort((a, b) => a.day - b.day);
    const groups: DaySpan[][] = [];
    for (const d of days) {
      const group = groups.at(-1);
      if (group !== undefined && d.day - group.at(-1)!.day <= OUTLIER_GAP_DAYS) group.push(d);
      else groups.push([d]);
    }
    if (groups.length < 2) return [];
    const size = (g: DaySpan[]) => g.reduce((n, d) => n + d.count, 0);
    const bulk = groups.reduce((a, b) => (size(b) > size(a) ? b : a));
    return groups
      .filter((g) => g !== bulk)
      .map((g) => {
        const first = g.reduce((a, b) => (b.file < a.file || (b.file === a.file && b.line < a.line) ? b : a));
        const away = g[0]!.day > bulk.at(-1)!.day ? g[0]!.day - bulk.at(-1)!.day : bulk[0]!.day - g.at(-1)!.day;
        return { firstMs: g[0]!.day * DAY_MS, lastMs: (g.at(-1)!.day + 1) * DAY_MS, count: size(g), daysAway: away, file: first.file, line: first.line };
      });
  }
}
