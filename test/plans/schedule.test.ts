import { describe, expect, it } from 'vitest';

import { renderPlan } from '../../src/plans/build.js';
import { findPlan } from '../../src/plans/catalogue.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { pacing } from '../../src/plans/pacing.js';
import { groupOfLabel, groupsAt, plannedEndS, plannedRpsAt, type PlannedGroup } from '../../src/plans/schedule.js';

/** A run's properties (profile, -J): the definition's defaults fill the rest. */
const props = (values: Record<string, number>): ReadonlyMap<string, string> =>
  new Map(Object.entries(values).map(([name, value]) => [name, String(value)]));
const scheduleOf = (plan: string) => findPlan(plan)!.schedule!;

describe('pacing: a whole-millisecond period per thread and a thread count that make the rate', () => {
  it('holds every rate from 1 to 12,000 req/s within 0.5 / threads, and exactly for round rates', () => {
    for (const rps of [1, 7, 50, 99, 333, 500, 1000, 1234, 2000, 2500, 4000, 6000, 7777, 8000, 10_000, 12_000]) {
      for (const threads of [1, 4, 10, 100, 400, 2000]) {
        const p = pacing(rps, threads);
        const achieved = (p.threads * 1000) / p.periodMs;
        expect(Math.abs(achieved - rps) / rps, `${rps} req/s on ${threads} threads → ${p.threads} × 1000 / ${p.periodMs}`).toBeLessThanOrEqual(0.5 / p.threads + 1e-9);
        expect(p.periodMs).toBeGreaterThanOrEqual(1);
      }
    }
    expect(pacing(10_000, 2000)).toEqual({ periodMs: 200, threads: 2000 });
    expect(pacing(2000, 100)).toEqual({ periodMs: 50, threads: 100 });
    // 300 req/s on 4 threads: 13.3 ms does not exist; 10 ms on 3 threads is exact
    expect(pacing(300, 4)).toEqual({ periodMs: 10, threads: 3 });
    expect(pacing(8000, 100)).toEqual({ periodMs: 12, threads: 96 });
  });
});

describe('rate schedules from the plan definitions', () => {
  it('stress: seven phases one after another, scaled by TIME_SCALE, threads capped by MAX_THREADS and paced', () => {
    const groups = scheduleOf('stress_test')(props({ TIME_SCALE: 0.05 }));
    expect(groups.map((g) => [g.name, g.startS, g.durationS, g.rampUpS, g.rps])).toEqual([
      ['phase1', 0, 15, 2, 1000],
      ['phase2', 15, 15, 2, 2000],
      ['phase3', 30, 15, 2, 4000],
      ['phase4', 45, 15, 2, 6000],
      ['phase5', 60, 15, 2, 8000],
      ['phase6', 75, 15, 2, 10_000],
      ['cooldown', 90, 15, 0, 1000],
    ]);
    expect(plannedEndS(groups)).toBe(105);
    expect(groups.map((g) => g.threads)).toEqual([200, 400, 800, 1200, 1600, 2000, 200]);
    const capped = scheduleOf('stress_test')(props({ MAX_THREADS: 4, PHASE6_RPS: 300 }));
    expect(capped.find((g) => g.name === 'phase6')?.threads).toBe(3);
  });

  it('spike: the spike phase lasts its ramp-up plus PEAK_HOLD; base and peak knobs are shared', () => {
    const groups = scheduleOf('spike_test')(props({ TIME_SCALE: 0.1, BASE_RPS: 500, PEAK_RPS: 8000 }));
    expect(groups.map((g) => [g.name, g.startS, g.durationS, g.rampUpS, g.rps])).toEqual([
      ['baseline', 0, 12, 1, 500],
      ['spike', 12, 15, 3, 8000],
      ['recovery', 27, 12, 0, 500],
      ['verify', 39, 12, 0, 500],
    ]);
    const spike = groups[1]!;
    expect(plannedRpsAt(spike, 12 + 1.5)).toBe(4000);
    expect(plannedRpsAt(spike, 20)).toBe(8000);
    expect(plannedRpsAt(spike, 27)).toBe(0);
    expect(groupsAt(groups, 26.9).map((g) => g.name)).toEqual(['spike']);
  });

  it('load test: TARGET_RPS split 60/40 between REST and MCP at any rate, threads split the same way', () => {
    for (const rps of [100, 2500, 4000, 9999]) {
      const [rest, mcp] = scheduleOf('load_test')(props({ TARGET_RPS: rps }));
      expect(rest!.rps).toBeCloseTo(rps * 0.6, 9);
      expect(mcp!.rps).toBeCloseTo(rps * 0.4, 9);
    }
    const [rest, mcp] = scheduleOf('load_test')(props({ THREADS: 400, REST_SHARE: 70, DURATION: 40, RAMP_UP: 0 }));
    expect([rest!.threads, mcp!.threads, rest!.durationS, rest!.rampUpS]).toEqual([280, 120, 40, 0]);
    expect(groupOfLabel([rest!, mcp!], 'MCP tools/call')?.name).toBe('MCP');
    expect(groupOfLabel([rest!, mcp!], 'MCP initialize (thread start)')?.name).toBe('MCP');
    expect(groupOfLabel([rest!, mcp!], 'GET /tools')?.name).toBe('REST');
  });

  it('is the catalogue load (loadUnder) of the same properties on paced threads: one source for both', () => {
    const plan = findPlan('load_test')!;
    const run = props({ TARGET_RPS: 250, THREADS: 50, DURATION: 8, RAMP_UP: 0 });
    const load = plan.loadUnder(run);
    expect(load.groups.map((g) => [g.label, g.threads, g.targetRps, g.durationS, g.rampUpS])).toEqual([
      ['REST', 30, 150, 8, 0],
      ['MCP', 20, 100, 8, 0],
    ]);
    expect(load).toMatchObject({ threads: 50, targetRps: 250, durationS: 8 });
    expect(plan.schedule!(run).map((g) => [g.name, g.rps, g.durationS, g.rampUpS, g.threads])).toEqual([
      ['REST', 150, 8, 0, pacing(150, 30).threads],
      ['MCP', 100, 8, 0, pacing(100, 20).threads],
    ]);
  });

  it('single-rate plans: DURATION and RAMP_UP scaled, at least 1 s; the plans without a rate have no schedule', () => {
    const [rest] = scheduleOf('rest_api_baseline')(props({ TIME_SCALE: 0.001 }));
    expect(rest).toMatchObject({ name: 'REST', startS: 0, durationS: 1, rampUpS: 0, rps: 1000, threads: 100 } satisfies Partial<PlannedGroup>);
    expect(scheduleOf('mcp_test_servers_baseline')(props({})).map((g) => [g.name, g.labelPrefix, g.rps])).toEqual([
      ['fast_time', 'fast_time ', 2000],
      ['fast_test', 'fast_test ', 2000],
    ]);
    for (const name of ['sse_streaming_baseline', 'websocket_baseline', 'admin_ui_baseline']) expect(findPlan(name)?.schedule).toBeUndefined();
  });

  it('every planned group owns the labels of its thread group in the generated plan', () => {
    for (const name of ['load_test', 'stress_test', 'spike_test', 'mcp_test_servers_baseline']) {
      const xml = renderPlan(name, PLAN_DEFINITIONS[name]!);
      const groups = findPlan(name)!.schedule!(props({}));
      const labels = [...xml.matchAll(/<HTTPSamplerProxy [^>]*testname="([^"]+)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));
      expect(labels.length).toBeGreaterThan(groups.length);
      // Each thread group's samplers come in one run; the groups' label owners must follow the same order.
      const owners = labels.map((l) => groupOfLabel(groups, l)?.name);
      expect(owners).not.toContain(undefined);
      const runs = owners.filter((o, i) => i === 0 || o !== owners[i - 1]);
      expect(runs).toEqual(groups.map((g) => g.name));
    }
  });
});
