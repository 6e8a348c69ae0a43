/**
 * What a rate-driven plan promises over time, derived from the same knobs and defaults the plan's JMeter
 * variables use: the runner evaluates it with a run's effective properties and compares it with what JMeter
 * achieved (per group or phase, in progress and in summary.json).
 */
import { pacing } from './pacing.js';
import type { PlanLoad } from './shape.js';

/** One thread group (or phase) of a plan, as planned for one run. */
export interface PlannedGroup {
  /** What users call it: the phase (`phase3`, `spike`) or the group (`REST`, `MCP`). */
  readonly name: string;
  /** Its sample labels start with this; '' takes every label no other group's prefix claims. */
  readonly labelPrefix: string;
  /** Planned start after the test start, s (phases run one after another). */
  readonly startS: number;
  /** The rate climbs linearly from 0 over the ramp-up (threads start one by one, each at its own pace). */
  readonly rampUpS: number;
  /** Ramp-up included. */
  readonly durationS: number;
  /** Requests (samples) per second once every thread runs. */
  readonly rps: number;
  /** Threads JMeter runs for it (the paced count, see pacing.ts). */
  readonly threads: number;
}

/** A plan's schedule: its planned groups under a run's properties (profile, -J; the definition's defaults fill the rest). */
export type RateSchedule = (properties: ReadonlyMap<string, string>) => readonly PlannedGroup[];

/** What users call a group of the plan's shape and which sample labels are its own (same order as the shape's groups). */
export interface GroupNaming {
  readonly name: string;
  readonly labelPrefix: string;
}

/**
 * The schedule of a load (shape.ts's effectiveLoad: the one place that reads threads, rate and durations from the
 * properties): each rated group at its rate on the paced thread count (pacing.ts), phases one after another.
 */
export function plannedGroups(load: PlanLoad, naming: readonly GroupNaming[]): readonly PlannedGroup[] {
  const groups = load.groups.flatMap((g, i) => {
    const named = naming[i];
    if (named === undefined || g.targetRps === undefined) return [];
    return [{ ...named, rampUpS: g.rampUpS ?? 0, durationS: g.durationS, rps: g.targetRps, threads: pacing(g.targetRps, g.threads).threads }];
  });
  return load.sequential ? serial(groups) : groups.map((g) => ({ ...g, startS: 0 }));
}

/** Planned groups one after another: each starts when the one before it is planned to end. */
export function serial(groups: readonly Omit<PlannedGroup, 'startS'>[]): readonly PlannedGroup[] {
  let startS = 0;
  return groups.map((g) => {
    const planned = { ...g, startS };
    startS += g.durationS;
    return planned;
  });
}

/** When the last group is planned to end, s after the test start. */
export const plannedEndS = (groups: readonly PlannedGroup[]): number =>
  groups.reduce((end, g) => Math.max(end, g.startS + g.durationS), 0);

/** The planned rate of one group at `t` s after the test start (0 outside it, linear over its ramp-up). */
export function plannedRpsAt(g: PlannedGroup, t: number): number {
  const into = t - g.startS;
  if (into < 0 || into >= g.durationS) return 0;
  return g.rampUpS > 0 && into < g.rampUpS ? (g.rps * into) / g.rampUpS : g.rps;
}

/** The groups running at `t` (planned), in schedule order. */
export const groupsAt = (groups: readonly PlannedGroup[], t: number): readonly PlannedGroup[] =>
  groups.filter((g) => t >= g.startS && t < g.startS + g.durationS);

/** The group a sample label belongs to: the longest matching prefix. */
export function groupOfLabel(groups: readonly PlannedGroup[], label: string): PlannedGroup | undefined {
  let best: PlannedGroup | undefined;
  for (const g of groups) {
    if (label.startsWith(g.labelPrefix) && (best === undefined || g.labelPrefix.length > best.labelPrefix.length)) best = g;
  }
  return best;
}
