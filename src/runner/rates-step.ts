import { stat } from 'node:fs/promises';

import { plannedEndS, type PlannedGroup } from '../plans/schedule.js';
import type { Sample } from '../stats/sample.js';
import { cpuBetween, type CpuTimeline } from './cpu-sampler.js';
import type { RunStep } from './pipeline.js';
import { checkGroup, RATE_TOLERANCE, type GroupMeasurement, type RateReport } from './rate-check.js';
import { RateMeter, type GroupSamples } from './rate-meter.js';

export type { RateReport } from './rate-check.js';

/** Reads every sample of a JTL (injected: the runner does not depend on the readers). */
export type EachSample = (jtlPath: string, onSample: (s: Sample) => void) => Promise<void>;

/** Planned samples of `g` from `a` to `b` s after its start: the ramp-up climbs linearly, then the rate holds. */
export function plannedCount(g: PlannedGroup, a: number, b: number): number {
  const upTo = (x: number): number => {
    const t = Math.min(Math.max(x, 0), g.durationS);
    if (g.rampUpS <= 0) return g.rps * t;
    return t < g.rampUpS ? (g.rps * t * t) / (2 * g.rampUpS) : (g.rps * g.rampUpS) / 2 + g.rps * (t - g.rampUpS);
  };
  return upTo(b) - upTo(a);
}

/**
 * Pure: the figures of one group. It is judged from its own first sample on (phases start when the one
 * before ends, not at a planned instant), over its hold after the ramp-up, cut where the run stopped early.
 */
export function measureGroup(s: GroupSamples, testStartMs: number, cpu: CpuTimeline | undefined, targetIsLocal = false): GroupMeasurement {
  const g = s.group;
  if (s.firstMs === undefined || s.lastStartMs === undefined || s.lastEndMs === undefined) return { planned: g, samples: 0, cutShort: true, targetIsLocal };
  const plannedEndMs = s.firstMs + g.durationS * 1000;
  const cutShort = s.lastStartMs < plannedEndMs - Math.max(2000, g.durationS * 1000 * RATE_TOLERANCE);
  // JMeter's clock for the group starts before its first sample (thread start-up, first connections), so the
  // group may stop before first sample + duration: no later than one pace after its last sample start.
  const periodMs = (g.threads * 1000) / Math.max(g.rps, 1e-9);
  const toMs = cutShort ? s.lastStartMs + 1 : Math.min(plannedEndMs, s.lastStartMs + periodMs);
  const holdFromMs = s.firstMs + g.rampUpS * 1000;
  const fromMs = toMs - holdFromMs >= 1000 ? holdFromMs : s.firstMs;
  const windowS = Math.max(0.001, (toMs - fromMs) / 1000);
  const usage = cpu && cpuBetween(cpu, fromMs, toMs);
  return {
    planned: g,
    samples: s.samples,
    startS: (s.firstMs - testStartMs) / 1000,
    endS: (s.lastEndMs - testStartMs) / 1000,
    windowS,
    plannedCount: plannedCount(g, (fromMs - s.firstMs) / 1000, (toMs - s.firstMs) / 1000),
    window: s.window(fromMs, toMs),
    ...(usage && cpu && { cpu: { ...usage, cores: cpu.cores } }),
    cutShort,
    targetIsLocal,
  };
}

/** A loopback gateway URL: the target shares this machine's CPU with JMeter. */
export const isLoopbackUrl = (url: string | undefined): boolean => {
  try {
    const host = new URL(url ?? '').hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
};

/** Planned vs achieved per group or phase of a plan with a schedule; each miss becomes a run warning. */
export const ratesStep: RunStep = {
  name: 'rates',
  run: async (ctx) => {
    const planned = ctx.prepared.planned;
    const eachSample = ctx.deps.eachSample;
    if (planned === undefined || eachSample === undefined || ctx.exit === undefined) return {};
    if ((await stat(ctx.folder.jtl).then((s) => s.size, () => 0)) === 0) return {};
    const meter = new RateMeter(planned, RateMeter.sliceFor(plannedEndS(planned)));
    try {
      await eachSample(ctx.folder.jtl, (s) => meter.add(s));
    } catch {
      return {}; // the analyze step already reports an unreadable JTL
    }
    const measured = meter.result();
    // The schedule starts with the first sample: JMeter evaluates the plan's variables (seconds of Groovy) first.
    const firstSampleMs = Math.min(...measured.map((m) => m.firstMs ?? Infinity));
    const testStartMs = Number.isFinite(firstSampleMs) ? firstSampleMs : ctx.startedAt.getTime();
    const local = isLoopbackUrl(ctx.prepared.redactedProperties.get('GATEWAY_URL') ?? 'http://localhost:4444');
    const groups = measured.map((m) => checkGroup(measureGroup(m, testStartMs, ctx.cpu, local)));
    const rates: RateReport = { tolerancePct: RATE_TOLERANCE * 100, groups };
    const warnings = groups.flatMap((g) => g.warnings);
    warnings.forEach((message) => ctx.deps.onEvent?.({ kind: 'warning', message }));
    return { rates, warnings: [...ctx.warnings, ...warnings] };
  },
};
