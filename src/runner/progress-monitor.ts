import { groupsAt, plannedRpsAt, type PlannedGroup } from '../plans/schedule.js';
import type { ProgressState, SummariserLine } from './types.js';

/** Error-rate thresholds (per cent, over one summariser interval) that each raise one warning. */
const ERROR_THRESHOLDS = [5, 20, 50] as const;
/** "Well below the target": under this share of the target rate… */
const SLOW_SHARE = 0.5;
/** …for this many consecutive intervals (a ramp-up or a short dip does not count). */
const SLOW_INTERVALS = 3;

export interface MonitorConfig {
  readonly plannedS?: number;
  readonly targetRps?: number;
  /** The plan's schedule for this run: the target then follows the phases. */
  readonly planned?: readonly PlannedGroup[];
}

/** The phase(s) planned at `t` s and their planned rate, summed over the groups running then. */
export function plannedAt(groups: readonly PlannedGroup[], t: number): { readonly phase: string; readonly rps: number } | undefined {
  const now = groupsAt(groups, t);
  if (now.length === 0) return undefined;
  return { phase: now.map((g) => g.name).join('+'), rps: now.reduce((sum, g) => sum + plannedRpsAt(g, t), 0) };
}

export interface MonitorState {
  readonly progress: ProgressState;
  readonly errorThresholdsWarned: number;
  readonly slowIntervals: number;
  readonly slowWarned: boolean;
}

export const initialMonitorState = (config: MonitorConfig): MonitorState => ({
  progress: {
    elapsedS: 0,
    ...(config.plannedS !== undefined && { plannedS: config.plannedS }),
    samples: 0,
    errors: 0,
    ratePerS: 0,
    errorPct: 0,
    activeThreads: 0,
  },
  errorThresholdsWarned: 0,
  slowIntervals: 0,
  slowWarned: false,
});

/**
 * Folds one summariser line into the live progress (pure). Only `+` (interval) lines move it: they carry
 * the active threads, and their sum is the running total even before JMeter prints its first `=` line.
 */
export function advanceProgress(
  state: MonitorState,
  line: SummariserLine,
  elapsedS: number,
  config: MonitorConfig,
  scheduleS = elapsedS,
): { readonly state: MonitorState; readonly warnings: readonly string[] } {
  if (line.kind === 'total') return { state, warnings: [] };
  const planned = config.planned && plannedAt(config.planned, scheduleS);
  // The interval's middle: a whole interval inside a ramp-up or a phase change is judged by its average target.
  const intervalTarget = config.planned ? plannedAt(config.planned, Math.max(0, scheduleS - line.elapsedS / 2))?.rps : config.targetRps;
  const plannedS = config.planned && config.plannedS !== undefined ? config.plannedS + Math.max(0, elapsedS - scheduleS) : state.progress.plannedS;
  const { planned: _before, ...previous } = state.progress;
  const progress: ProgressState = {
    ...previous,
    elapsedS,
    samples: state.progress.samples + line.count,
    errors: state.progress.errors + line.errors,
    ratePerS: line.ratePerS ?? 0,
    errorPct: line.errorPct,
    activeThreads: line.active ?? state.progress.activeThreads,
    ...(planned !== undefined && { planned }),
    ...(plannedS !== undefined && { plannedS }),
  };
  const warnings: string[] = [];
  let errorThresholdsWarned = state.errorThresholdsWarned;
  while (errorThresholdsWarned < ERROR_THRESHOLDS.length && line.errorPct >= ERROR_THRESHOLDS[errorThresholdsWarned]!) {
    errorThresholdsWarned += 1;
  }
  if (errorThresholdsWarned > state.errorThresholdsWarned) {
    warnings.push(
      `error rate is ${line.errorPct.toFixed(2)}% over the last ${line.elapsedS} s ` +
        `(${progress.errors} failed samples of ${progress.samples} so far): look at the target and jmeter.log`,
    );
  }
  const slow = intervalTarget !== undefined && intervalTarget > 0 && (line.active ?? 1) > 0 && (line.ratePerS ?? 0) < intervalTarget * SLOW_SHARE;
  const slowIntervals = slow ? state.slowIntervals + 1 : 0;
  const slowWarned = state.slowWarned || slowIntervals >= SLOW_INTERVALS;
  if (slowWarned && !state.slowWarned) {
    warnings.push(
      `achieved ${(line.ratePerS ?? 0).toFixed(1)} req/s, well below the plan's target of ${Math.round(intervalTarget ?? 0)} req/s ` +
        'for several intervals: the target is slow, or JMeter has too few threads or too little CPU',
    );
  }
  return { state: { progress, errorThresholdsWarned, slowIntervals, slowWarned }, warnings };
}
