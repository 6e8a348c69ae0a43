import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderAllPlans } from '../../src/plans/build.js';
import { findPlan, planCatalogue } from '../../src/plans/catalogue.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { plansDir } from '../../src/plans/paths.js';
import { knobsOf } from '../../src/plans/properties-doc.js';

const files = new Map(renderAllPlans().map((f) => [f.path, f.content]));
const knobs = knobsOf;

/** The defaults of docs/spec plans.md: each must be a ${__P(NAME,default)} of the file. */
const SPEC: Record<string, Record<string, string>> = {
  rest_api_baseline: { THREADS: '100', RAMP_UP: '60', DURATION: '600', TARGET_RPS: '1000' },
  mcp_jsonrpc_baseline: { THREADS: '200', RAMP_UP: '60', DURATION: '900', TARGET_RPS: '1000' },
  mcp_test_servers_baseline: { THREADS: '200', RAMP_UP: '60', DURATION: '600', TARGET_RPS: '2000', FAST_TIME_URL: 'http://localhost:8888', FAST_TEST_URL: 'http://localhost:8880' },
  load_test: { THREADS: '400', RAMP_UP: '120', DURATION: '1800', TARGET_RPS: '4000' },
  stress_test: { PHASE1_RPS: '1000', PHASE2_RPS: '2000', PHASE3_RPS: '4000', PHASE4_RPS: '6000', PHASE5_RPS: '8000', PHASE6_RPS: '10000', COOLDOWN_RPS: '1000', MAX_THREADS: '2000' },
  spike_test: { BASE_RPS: '1000', BASE_THREADS: '200', BASELINE_DURATION: '120', PEAK_RPS: '10000', PEAK_THREADS: '2000', SPIKE_RAMP_UP: '30', PEAK_HOLD: '120', RECOVERY_DURATION: '120', VERIFY_DURATION: '120' },
  soak_test: { THREADS: '400', RAMP_UP: '300', DURATION: '86400', TARGET_RPS: '2000' },
  sse_streaming_baseline: { CONNECTIONS: '1000', DURATION: '600', RAMP_UP: '60', HEALTH_THREADS: '10', HEALTH_INTERVAL_MS: '10000' },
  websocket_baseline: { CONNECTIONS: '500', DURATION: '600', MSG_PER_SEC: '20' },
  admin_ui_baseline: { USERS: '50', DURATION: '300', THINK_TIME_MIN: '3000', THINK_TIME_MAX: '5000' },
};


describe('plan catalogue', () => {
  it('lists the ten plans, with the fixed file names, all present in plans/', () => {
    expect(planCatalogue.map((p) => p.name).sort()).toEqual(Object.keys(PLAN_DEFINITIONS).sort());
    for (const p of planCatalogue) {
      expect(p.file).toBe(`${p.name}.jmx`);
      expect(existsSync(join(plansDir(), p.file)), p.file).toBe(true);
    }
    expect(findPlan('stress_test')?.phased).toBe(true);
    expect(findPlan('rest_api_baseline.jmx')?.name).toBe('rest_api_baseline');
    expect(findPlan('nope')).toBeUndefined();
  });

  it.each(Object.entries(SPEC))('%s carries the spec defaults as properties', (name, expected) => {
    const k = knobs(files.get(`${name}.jmx`) ?? '');
    for (const [prop, def] of Object.entries(expected)) expect(`${prop}=${k.get(prop)}`).toBe(`${prop}=${def}`);
    if (name !== 'mcp_test_servers_baseline') expect(k.get('GATEWAY_URL')).toBe('http://localhost:4444');
    expect(k.get('TIME_SCALE')).toBe('1');
  });

  it('required properties are exactly the knobs without a default; secrets never have a value', () => {
    for (const p of planCatalogue) {
      const k = knobs(files.get(p.file) ?? '');
      const empty = [...k].filter(([, d]) => d === '').map(([n]) => n).sort();
      expect(empty, p.name).toEqual([...p.requiredProperties].sort());
      expect(['TOKEN', 'ADMIN_PASSWORD'].filter((s) => (k.get(s) ?? '') !== '')).toEqual([]);
    }
  });

  it('the catalogue figures are read from the definitions: every property its shapes name is a knob of the plan', () => {
    for (const p of planCatalogue) {
      const k = knobs(files.get(p.file) ?? '');
      const named = p.shape.groups.flatMap((g) => [g.threads, ...(g.rampUp ? [g.rampUp] : []), ...g.duration, ...(g.rate ? [g.rate] : [])]);
      if (p.shape.maxThreads) named.push(p.shape.maxThreads);
      expect(named.filter((n) => !k.has(n)), p.name).toEqual([]);
    }
    const rest = findPlan('rest_api_baseline');
    expect(rest?.defaults).toEqual({ threads: 100, rampUpS: 60, durationS: 600, targetRps: 1000 });
    expect(rest?.loadUnder(new Map([['THREADS', '7'], ['TIME_SCALE', '0.5']]))).toMatchObject({ threads: 7, durationS: 300, rampUpS: 30 });
  });

  it('plansDir() resolves the repository plans/ folder from the module location', () => {
    expect(existsSync(join(plansDir(), 'data', 'timezones.csv'))).toBe(true);
  });
});

describe('knobsOf', () => {
  it('reads nested and escaped defaults', () => {
    const xml = '<a>${__P(A,${__P(B,x)}/f.csv)} ${__P(C,a\\,b)} ${__groovy(Math.max(1L\\, ${__P(D,2)}))} ${__P(TOKEN,)}</a>';
    expect([...knobsOf(xml)]).toEqual([['A', '${__P(B,x)}/f.csv'], ['B', 'x'], ['C', 'a,b'], ['D', '2'], ['TOKEN', '']]);
  });
});
