import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { planCatalogue } from '../../src/plans/catalogue.js';
import { plansDir } from '../../src/plans/paths.js';
import type { PlanLoad } from '../../src/plans/shape.js';
import { normalizeRunOptions } from '../../src/runner/options.js';
import { prepareRun } from '../../src/runner/prepare.js';
import { repoRoot } from '../jmx/jmeter-home.js';

type Figures = Pick<PlanLoad, 'threads' | 'durationS'> & { rampUpS?: number; targetRps?: number; groups?: readonly string[] };

const phase = (label: string, threads: number, rps: number, durationS: number) => `${label} ${threads}t ${rps}/s ${durationS}s`;

/** The catalogue's production figures (docs/plans.md): what a run with no profile or `--profile production` gets. */
const PRODUCTION: Record<string, Figures & { properties?: Record<string, string> }> = {
  rest_api_baseline: { threads: 100, rampUpS: 60, durationS: 600, targetRps: 1000 },
  mcp_jsonrpc_baseline: { threads: 200, rampUpS: 60, durationS: 900, targetRps: 1000 },
  mcp_test_servers_baseline: {
    threads: 400, rampUpS: 60, durationS: 600, targetRps: 4000,
    groups: [phase('fast_time_server', 200, 2000, 600), phase('fast_test_server', 200, 2000, 600)],
  },
  load_test: { threads: 400, rampUpS: 120, durationS: 1800, targetRps: 4000, properties: { REST_SHARE: '60' } },
  stress_test: {
    threads: 2000, rampUpS: 30, durationS: 2100, targetRps: 10_000, properties: { MAX_THREADS: '2000' },
    groups: [
      phase('phase1', 200, 1000, 300), phase('phase2', 400, 2000, 300), phase('phase3', 800, 4000, 300), phase('phase4', 1200, 6000, 300),
      phase('phase5', 1600, 8000, 300), phase('phase6', 2000, 10_000, 300), phase('cooldown', 200, 1000, 300),
    ],
  },
  spike_test: {
    threads: 2000, rampUpS: 10, durationS: 510, targetRps: 10_000,
    groups: [phase('baseline', 200, 1000, 120), phase('spike', 2000, 10_000, 150), phase('recovery', 200, 1000, 120), phase('verify', 200, 1000, 120)],
  },
  soak_test: { threads: 400, rampUpS: 300, durationS: 86_400, targetRps: 2000 },
  sse_streaming_baseline: {
    threads: 1010, rampUpS: 60, durationS: 600, properties: { CONNECTIONS: '1000', HEALTH_THREADS: '10', HEALTH_INTERVAL_MS: '10000' },
  },
  websocket_baseline: { threads: 500, rampUpS: 60, durationS: 600, targetRps: 10_000, properties: { CONNECTIONS: '500', MSG_PER_SEC: '20' } },
  admin_ui_baseline: { threads: 50, rampUpS: 30, durationS: 300, properties: { USERS: '50', THINK_TIME_MIN: '3000', THINK_TIME_MAX: '5000' } },
};

/** properties/ci.properties: every plan's whole shape in seconds with a handful of threads (TIME_SCALE=0.01). */
const CI: Record<string, Figures> = {
  rest_api_baseline: { threads: 4, rampUpS: 1, durationS: 5, targetRps: 100 },
  mcp_jsonrpc_baseline: { threads: 4, rampUpS: 1, durationS: 5, targetRps: 100 },
  mcp_test_servers_baseline: { threads: 8, rampUpS: 1, durationS: 5, targetRps: 200 },
  load_test: { threads: 4, rampUpS: 1, durationS: 5, targetRps: 100 },
  stress_test: {
    threads: 4, rampUpS: 0, durationS: 14, targetRps: 300,
    groups: [phase('phase1', 2, 50, 2), phase('phase2', 2, 100, 2), phase('phase3', 3, 150, 2), phase('phase4', 3, 200, 2), phase('phase5', 4, 250, 2), phase('phase6', 4, 300, 2), phase('cooldown', 2, 50, 2)],
  },
  spike_test: { threads: 4, rampUpS: 0, durationS: 5, targetRps: 300 },
  soak_test: { threads: 4, rampUpS: 3, durationS: 5, targetRps: 100 },
  sse_streaming_baseline: { threads: 5, rampUpS: 1, durationS: 5 },
  websocket_baseline: { threads: 4, rampUpS: 1, durationS: 5, targetRps: 40 },
  admin_ui_baseline: { threads: 2, rampUpS: 0, durationS: 5 },
};

const ENV = { JMETER_TOKEN: 'profile-test-token', JMETER_ADMIN_PASSWORD: 'profile-test-password', PATH: process.env.PATH };

/** The runner's own resolution (profile file, then the plan's section, then -J), as `jtl run` does it. */
async function prepared(plan: string, profile?: string) {
  const request = normalizeRunOptions(plan, { ...(profile && { profile }), serverId: '0123456789abcdef0123456789abcdef' });
  return prepareRun(request, { catalogue: { plans: planCatalogue, dir: plansDir() }, env: ENV, cwd: repoRoot, profilesDir: join(repoRoot, 'properties') });
}

const figuresOf = (load: PlanLoad | undefined, withGroups: boolean): Figures => {
  if (!load) throw new Error('no load');
  return {
    threads: load.threads,
    ...(load.rampUpS !== undefined && { rampUpS: load.rampUpS }),
    durationS: load.durationS,
    ...(load.targetRps !== undefined && { targetRps: load.targetRps }),
    ...(withGroups && { groups: load.groups.map((g) => phase(g.label, g.threads, g.targetRps ?? 0, g.durationS)) }),
  };
};

describe('every plan under every profile has the catalogue figures', () => {
  it('covers the ten plans', () => {
    expect(Object.keys(PRODUCTION).sort()).toEqual(planCatalogue.map((p) => p.name).sort());
    expect(Object.keys(CI).sort()).toEqual(planCatalogue.map((p) => p.name).sort());
  });

  it.each(Object.entries(PRODUCTION))('%s: no profile and --profile production both run the production figures', async (plan, expected) => {
    const { properties, ...figures } = expected;
    for (const profile of [undefined, 'production']) {
      const run = await prepared(plan, profile);
      expect(figuresOf(run.load, figures.groups !== undefined), `${plan} ${profile ?? 'no profile'}`).toEqual(figures);
      expect(run.plannedS).toBe(figures.durationS);
      const effective = run.redactedProperties;
      for (const [name, value] of Object.entries(properties ?? {})) {
        if (profile === 'production') expect(`${name}=${effective.get(name)}`).toBe(`${name}=${value}`);
      }
    }
  });

  it.each(Object.entries(CI))('%s: --profile ci plays the shape in seconds', async (plan, figures) => {
    const run = await prepared(plan, 'ci');
    expect(figuresOf(run.load, figures.groups !== undefined)).toEqual(figures);
  });

  it('the production profile is loaded in two parts: shared, then the plan section', async () => {
    const run = await prepared('load_test', 'production');
    expect(run.profileFile).toBe(join(repoRoot, 'properties', 'production.properties'));
    expect(run.planProfileFile).toBe(join(repoRoot, 'properties', 'production', 'load_test.properties'));
    expect((await prepared('load_test', 'ci')).planProfileFile).toBeUndefined();
  });
});
