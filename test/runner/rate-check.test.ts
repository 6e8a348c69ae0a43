import { describe, expect, it } from 'vitest';

import type { Sample } from '../../src/stats/sample.js';
import type { PlannedGroup } from '../../src/plans/schedule.js';
import { cpuBetween } from '../../src/runner/cpu-sampler.js';
import { checkGroup, type GroupMeasurement } from '../../src/runner/rate-check.js';
import { RateMeter } from '../../src/runner/rate-meter.js';
import { isLoopbackUrl, measureGroup, plannedCount } from '../../src/runner/rates-step.js';
import { advanceProgress, initialMonitorState, plannedAt } from '../../src/runner/progress-monitor.js';
import { formatProgressLine } from '../../src/output/progress-format.js';

const group = (o: Partial<PlannedGroup> = {}): PlannedGroup => ({
  name: 'phase3',
  labelPrefix: 'phase3 ',
  startS: 0,
  rampUpS: 0,
  durationS: 10,
  rps: 1000,
  threads: 100,
  ...o,
});

/** A group that made `count` samples in its 10 s window. */
const measured = (count: number, o: Partial<GroupMeasurement> & { errors?: number; meanMs?: number } = {}): GroupMeasurement => ({
  planned: group(),
  samples: count,
  startS: 0,
  endS: 10,
  windowS: 10,
  plannedCount: 10_000,
  window: { count, errors: o.errors ?? 0, elapsedMs: count * (o.meanMs ?? 5) },
  cutShort: false,
  ...o,
});

describe('planned vs achieved: the verdict and its cause', () => {
  it('within ±10 % is ok and says nothing', () => {
    for (const count of [9001, 10_000, 10_999]) {
      const r = checkGroup(measured(count));
      expect([r.verdict, r.warnings]).toEqual(['ok', []]);
    }
    expect(checkGroup(measured(9500)).offPct).toBeCloseTo(-5, 9);
  });

  it('more than 10 % above the plan: not throttled', () => {
    const r = checkGroup(measured(14_000));
    expect([r.verdict, r.cause]).toEqual(['high', 'not throttled']);
    expect(r.warnings).toEqual(['phase3: achieved 1,400 req/s of 1,000 planned (+40.0 %): the plan does not throttle its rate']);
  });

  it('short with failing requests: the target is saturated', () => {
    const r = checkGroup(measured(6000, { errors: 600, cpu: { jmeterCores: 1.9, machineBusy: 1, cores: 2 } }));
    expect([r.verdict, r.cause]).toEqual(['low', 'target saturated']);
    expect(r.warnings[0]).toMatch(/^phase3: achieved 600 req\/s of 1,000 planned \(-40\.0 %\): the target is saturated or failing: mean response 5\.0 ms, 10\.0 % errors/);
  });

  it('short with JMeter or the machine out of CPU: the generator is saturated', () => {
    for (const cpu of [{ jmeterCores: 1.7, machineBusy: 0.85, cores: 2 }, { jmeterCores: 0.4, machineBusy: 0.97, cores: 2 }]) {
      const r = checkGroup(measured(7000, { cpu }));
      expect([r.verdict, r.cause]).toEqual(['low', 'generator saturated']);
      expect(r.warnings[0]).toContain(`JMeter used ${cpu.jmeterCores.toFixed(2)} of 2 cores, the machine was ${(cpu.machineBusy * 100).toFixed(0)} % busy`);
    }
  });

  it('short with responses slower than each thread’s pace (100 threads at 1,000 req/s: 100 ms): the target is saturated', () => {
    const r = checkGroup(measured(7000, { meanMs: 140, cpu: { jmeterCores: 0.3, machineBusy: 0.4, cores: 2 } }));
    expect(r.cause).toBe('target saturated');
    expect(r.warnings[0]).toContain('each of the 100 threads has 100.0 ms per request');
  });

  it('a loopback target on a saturated machine: the machine (generator side) is named, not the target', () => {
    const cpu = { jmeterCores: 0.2, machineBusy: 1, cores: 2 };
    expect(checkGroup(measured(3000, { meanMs: 400, cpu })).cause).toBe('target saturated');
    const local = checkGroup(measured(3000, { meanMs: 400, cpu, targetIsLocal: true }));
    expect(local.cause).toBe('generator saturated');
    expect(local.warnings[0]).toContain('the machine running JMeter and the target (loopback) is saturated');
    expect([isLoopbackUrl('http://127.0.0.1:4444'), isLoopbackUrl('http://[::1]:1'), isLoopbackUrl('http://localhost'), isLoopbackUrl('https://gw.example.com')]).toEqual([true, true, true, false]);
  });

  it('short without a visible cause is put on the generator, with the figures', () => {
    const r = checkGroup(measured(7000, { meanMs: 3, cpu: { jmeterCores: 0.3, machineBusy: 0.4, cores: 2 } }));
    expect(r.cause).toBe('generator saturated');
    expect(r.warnings[0]).toContain('the load generator fell short');
  });

  it('a phase that ran longer than planned is reported; one that never ran too', () => {
    expect(checkGroup(measured(10_000, { endS: 13 })).warnings).toEqual(['phase3: ran 13.0 s, planned 10 s']);
    expect(checkGroup(measured(10_000, { endS: 10.9 })).warnings).toEqual([]);
    const missing = checkGroup({ planned: group(), samples: 0, cutShort: true });
    expect([missing.verdict, missing.warnings]).toEqual(['not-run', ['phase3: not run — the run stopped before it']]);
  });
});

const sample = (timeStamp: number, label: string, o: Partial<Sample> = {}): Sample => ({
  timeStamp,
  elapsedMs: 4,
  label,
  responseCode: '200',
  responseMessage: 'OK',
  success: true,
  failureMessage: '',
  bytes: 1,
  sentBytes: 1,
  allThreads: 1,
  latencyMs: 4,
  connectMs: 0,
  controller: 'none',
  ...o,
});

describe('measuring groups from samples', () => {
  it('sorts samples by label, judges each group from its own first sample over the hold after its ramp-up', () => {
    const one = group({ name: 'phase1', labelPrefix: 'phase1 ', durationS: 4, rampUpS: 1, rps: 100 });
    const two = group({ name: 'phase2', labelPrefix: 'phase2 ', startS: 4, durationS: 4, rps: 50 });
    const meter = new RateMeter([one, two], 10);
    const t0 = 1_000_000;
    for (let i = 0; i < 400; i += 1) meter.add(sample(t0 + i * 10, 'phase1 GET /tools', { success: i % 40 !== 0 }));
    // phase 2 starts 0.5 s late (group changeover) and runs its 4 s at 50 req/s
    for (let i = 0; i < 200; i += 1) meter.add(sample(t0 + 4500 + i * 20, 'phase2 GET /health'));
    meter.add(sample(t0 + 5000, 'phase2 tc', { controller: 'tc' }));
    meter.add(sample(t0 + 5000, 'other label'));
    const [m1, m2] = meter.result().map((s) => measureGroup(s, t0, undefined));
    expect(m1).toMatchObject({ samples: 400, startS: 0, windowS: 3, plannedCount: 300, window: { count: 300, errors: 7 }, cutShort: false });
    expect(m2).toMatchObject({ samples: 200, startS: 4.5, windowS: 4, plannedCount: 200, window: { count: 200, errors: 0 } });
    expect(checkGroup(m1!).achieved).toMatchObject({ rps: 100, plannedRps: 100, errorPct: (7 / 300) * 100 });
    expect(checkGroup(m2!).verdict).toBe('ok');
  });

  it('a run stopped early is judged up to its last sample, not against the whole planned phase', () => {
    const g = group({ durationS: 60, rps: 10 });
    const meter = new RateMeter([g], 10);
    for (let i = 0; i < 100; i += 1) meter.add(sample(i * 100, 'phase3 GET /'));
    const m = measureGroup(meter.result()[0]!, 0, undefined);
    expect(m).toMatchObject({ cutShort: true, windowS: 9.901 });
    expect(checkGroup(m).verdict).toBe('ok');
  });

  it('a group whose first sample came late (thread start-up) is judged up to one pace after its last sample', () => {
    const g = group({ durationS: 8, rps: 200, threads: 40 });
    const meter = new RateMeter([g], 10);
    for (let i = 0; i < 1450; i += 1) meter.add(sample(i * 5, 'phase3 GET /'));
    const m = measureGroup(meter.result()[0]!, 0, undefined);
    expect(m).toMatchObject({ cutShort: false, windowS: 7.445 });
    expect(checkGroup(m).verdict).toBe('ok');
  });

  it('planned samples: the ramp-up counts at its linear average', () => {
    const g = group({ durationS: 10, rampUpS: 4, rps: 100 });
    expect(plannedCount(g, 0, 4)).toBe(200);
    expect(plannedCount(g, 0, 10)).toBe(800);
    expect(plannedCount(g, 4, 12)).toBe(600);
  });

  it('CPU over a window: JMeter in cores, the machine as busy share', () => {
    const readings = [0, 1, 2, 3].map((s) => ({ atMs: s * 1000, jmeterS: s * 1.5, machineBusyS: s * 1.8, machineTotalS: s * 2 }));
    const usage = cpuBetween({ cores: 2, readings }, 1000, 3000);
    expect(usage?.jmeterCores).toBeCloseTo(1.5, 9);
    expect(usage?.machineBusy).toBeCloseTo(0.9, 9);
    expect(cpuBetween({ cores: 2, readings: [] }, 0, 1000)).toBeUndefined();
  });
});

describe('live progress follows the schedule', () => {
  const phases = [group({ name: 'phase1', durationS: 10, rps: 100 }), group({ name: 'phase2', startS: 10, durationS: 10, rampUpS: 4, rps: 400 })];

  it('names the planned phase and rate, and the real planned end (startup lag added)', () => {
    expect(plannedAt(phases, 5)).toEqual({ phase: 'phase1', rps: 100 });
    expect(plannedAt(phases, 12)).toEqual({ phase: 'phase2', rps: 200 });
    expect(plannedAt(phases, 20)).toBeUndefined();
    const config = { plannedS: 20, planned: phases };
    const line = { kind: 'delta', count: 500, elapsedS: 5, ratePerS: 100, avgMs: 3, minMs: 1, maxMs: 9, errors: 0, errorPct: 0, active: 10, started: 10, finished: 0 } as const;
    const { state } = advanceProgress(initialMonitorState(config), line, 8, config, 5);
    expect(state.progress).toMatchObject({ elapsedS: 8, plannedS: 23, planned: { phase: 'phase1', rps: 100 } });
    expect(formatProgressLine(state.progress)).toBe('progress 00:08/00:23 phase=phase1 planned=100.0/s samples=500 rate=100.0/s errors=0.00% active=10');
  });

  it('warns when the rate stays below half the planned rate of each interval', () => {
    const config = { plannedS: 20, planned: phases };
    let state = initialMonitorState(config);
    const warnings: string[] = [];
    for (const at of [12, 15, 18, 21]) {
      const line = { kind: 'delta', count: 500, elapsedS: 3, ratePerS: 90, avgMs: 3, minMs: 1, maxMs: 9, errors: 0, errorPct: 0, active: 10, started: 10, finished: 0 } as const;
      const next = advanceProgress(state, line, at, config, at);
      state = next.state;
      warnings.push(...next.warnings);
    }
    expect(warnings).toEqual(["achieved 90.0 req/s, well below the plan's target of 400 req/s for several intervals: the target is slow, or JMeter has too few threads or too little CPU"]);
  });
});
