import type { PlannedGroup } from '../plans/schedule.js';
import type { WindowFigures } from './rate-meter.js';

/** Achieved more than this share off the plan, in either direction, is a warning. */
export const RATE_TOLERANCE = 0.1;
/** A target failing this share of its requests is saturated (or broken). */
const TARGET_ERROR_SHARE = 0.05;
/** JMeter using this share of the machine's cores, or the machine this busy, is a saturated generator. */
const GENERATOR_CORE_SHARE = 0.8;
const MACHINE_BUSY_SHARE = 0.9;

/** What one group or phase did, measured from the JTL (and CPU readings) — the input of the check. */
export interface GroupMeasurement {
  readonly planned: PlannedGroup;
  readonly samples: number;
  /** Its first sample's start and last sample's end, s after the test start (undefined: no sample). */
  readonly startS?: number;
  readonly endS?: number;
  /** The part judged: the hold after the ramp-up (the whole group when the hold is shorter than 1 s), s. */
  readonly windowS?: number;
  /** Planned samples in that window (the ramp counts at its planned average). */
  readonly plannedCount?: number;
  readonly window?: WindowFigures;
  /** JMeter's CPU in cores and the machine's busy share over the window (local Linux runs). */
  readonly cpu?: { readonly jmeterCores: number; readonly machineBusy: number; readonly cores: number };
  /** The run stopped before this group's planned end (Ctrl-C, a live check). */
  readonly cutShort: boolean;
  /** The target runs on this machine (loopback URL): a busy machine then slows its responses too. */
  readonly targetIsLocal?: boolean;
}

export type RateVerdict = 'ok' | 'low' | 'high' | 'not-run';
export type RateCause = 'target saturated' | 'generator saturated' | 'not throttled';

/** Planned vs achieved for one group or phase: what summary.json keeps under `rates`. */
export interface GroupRate {
  readonly name: string;
  readonly planned: { readonly startS: number; readonly rampUpS: number; readonly durationS: number; readonly rps: number; readonly threads: number };
  readonly achieved?: {
    readonly startS: number;
    readonly durationS: number;
    readonly windowS: number;
    readonly rps: number;
    readonly plannedRps: number;
    readonly samples: number;
    readonly errorPct: number;
    readonly meanMs: number;
    readonly jmeterCores?: number;
    readonly machineBusyPct?: number;
  };
  /** Achieved vs planned over the window, in % (negative: short). */
  readonly offPct?: number;
  readonly verdict: RateVerdict;
  readonly cause?: RateCause;
  /** The warnings about this group: rate off the plan, phase longer than planned. */
  readonly warnings: readonly string[];
}

export interface RateReport {
  readonly tolerancePct: number;
  readonly groups: readonly GroupRate[];
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (n: number): string => `${n >= 0 ? '+' : ''}${n.toFixed(1)} %`;

/** Why a group fell short: errors → target; JMeter out of CPU → generator; responses slower than the pace → target; machine out of CPU → generator. */
function shortfallCause(m: GroupMeasurement, errorShare: number, meanMs: number): { cause: RateCause; why: string } {
  const periodMs = (m.planned.threads * 1000) / Math.max(m.planned.rps, 1e-9);
  const cpu = m.cpu;
  const cpuText = cpu ? `JMeter used ${cpu.jmeterCores.toFixed(2)} of ${cpu.cores} cores, the machine was ${(cpu.machineBusy * 100).toFixed(0)} % busy` : 'no CPU figures';
  const figures = `mean response ${meanMs.toFixed(1)} ms, ${(errorShare * 100).toFixed(1)} % errors, ${cpuText}`;
  if (errorShare >= TARGET_ERROR_SHARE) {
    return { cause: 'target saturated', why: `the target is saturated or failing: ${figures}` };
  }
  const generator = { cause: 'generator saturated' as const, why: `the load generator is saturated: ${figures}; use a bigger or less busy machine, or remote engines` };
  if (cpu && cpu.jmeterCores >= cpu.cores * GENERATOR_CORE_SHARE) return generator;
  if (cpu && m.targetIsLocal && cpu.machineBusy >= MACHINE_BUSY_SHARE) {
    return { cause: 'generator saturated', why: `the machine running JMeter and the target (loopback) is saturated: ${figures}; slow responses here measure the machine, not the target` };
  }
  // Responses slower than the pace explain the shortfall, even on a busy machine (the target may share it).
  if (meanMs >= periodMs * 0.9) {
    return {
      cause: 'target saturated',
      why: `the target is saturated: ${figures}; each of the ${m.planned.threads} threads has ${periodMs.toFixed(1)} ms per request, so responses this slow cap the rate (raise THREADS if the target can take more)`,
    };
  }
  if (cpu && cpu.machineBusy >= MACHINE_BUSY_SHARE) return generator;
  return { cause: 'generator saturated', why: `the load generator fell short (${figures}): see jmeter.log (GC pauses, thread start-up)` };
}

/** Pure: the verdict and warnings for one group. */
export function checkGroup(m: GroupMeasurement): GroupRate {
  const { planned: g } = m;
  const planned = { startS: g.startS, rampUpS: g.rampUpS, durationS: g.durationS, rps: g.rps, threads: g.threads };
  if (m.samples === 0 || m.window === undefined || m.windowS === undefined || m.startS === undefined || m.endS === undefined) {
    const warning = m.cutShort ? `${g.name}: not run — the run stopped before it` : `${g.name}: no samples — the phase did not run`;
    return { name: g.name, planned, verdict: 'not-run', warnings: [warning] };
  }
  const { count, errors, elapsedMs } = m.window;
  const rps = count / m.windowS;
  const plannedRps = (m.plannedCount ?? g.rps * m.windowS) / m.windowS;
  const off = plannedRps > 0 ? rps / plannedRps - 1 : 0;
  const errorShare = count > 0 ? errors / count : 0;
  const meanMs = count > 0 ? elapsedMs / count : 0;
  const achieved = {
    startS: m.startS,
    durationS: m.endS - m.startS,
    windowS: m.windowS,
    rps,
    plannedRps,
    samples: m.samples,
    errorPct: errorShare * 100,
    meanMs,
    ...(m.cpu && { jmeterCores: m.cpu.jmeterCores, machineBusyPct: m.cpu.machineBusy * 100 }),
  };
  const warnings: string[] = [];
  let verdict: RateVerdict = 'ok';
  let cause: RateCause | undefined;
  const head = `${g.name}: achieved ${fmt(rps)} req/s of ${fmt(plannedRps)} planned (${pct(off * 100)})`;
  if (off > RATE_TOLERANCE) {
    verdict = 'high';
    cause = 'not throttled';
    warnings.push(`${head}: the plan does not throttle its rate`);
  } else if (off < -RATE_TOLERANCE) {
    verdict = 'low';
    const short = shortfallCause(m, errorShare, meanMs);
    cause = short.cause;
    warnings.push(`${head}: ${short.why}`);
  }
  const lateS = achieved.durationS - g.durationS;
  if (!m.cutShort && lateS > Math.max(1, g.durationS * RATE_TOLERANCE)) {
    warnings.push(`${g.name}: ran ${achieved.durationS.toFixed(1)} s, planned ${g.durationS} s`);
  }
  return { name: g.name, planned, achieved, offPct: off * 100, verdict, ...(cause && { cause }), warnings };
}
