import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { plansDir } from '../../src/plans/paths.js';
import { repoRoot } from '../jmx/jmeter-home.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { failuresOf, runPlan, type JtlRow } from './run-jmeter.js';

/** Issue 17 items 6 and 7: the Prometheus share as a property, and SSE streams that measure the stream. */
let gateway: TestGateway;
let dir: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  dir = mkdtempSync(join(tmpdir(), 'plans-knobs-'));
});

afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

function properties(file: string, extra: Record<string, string>): string[] {
  const lines = Object.entries({ ...gateway.properties, ...extra }).map(([k, v]) => `${k}=${v}`);
  writeFileSync(join(dir, file), lines.join('\n') + '\n', { mode: 0o600 });
  return [join(repoRoot, 'properties', 'ci.properties'), join(dir, file)];
}

describe('METRICS_PROMETHEUS_PCT', () => {
  it('0 leaves GET /metrics/prometheus out of the REST mix (gateways without ENABLE_METRICS answer it 503)', async () => {
    const run = await runPlan(join(plansDir(), 'rest_api_baseline.jmx'), {
      cwd: dir,
      name: 'no_prometheus',
      propertyFiles: properties('no-prometheus.properties', { METRICS_PROMETHEUS_PCT: '0', REST_MIX_MODE: 'random' }),
    });
    expect(run.exitCode).toBe(0);
    expect(failuresOf(run.rows)).toEqual([]);
    expect(run.rows.length).toBeGreaterThan(10);
    expect(run.rows.filter((r) => r.label === 'GET /metrics/prometheus')).toEqual([]);
    expect(readFileSync(join(plansDir(), 'PROPERTIES.md'), 'utf8')).toContain('METRICS_PROMETHEUS_PCT');
  }, 120_000);
});

describe('sse_streaming_baseline', () => {
  it("each thread's first SSE connect lasts the hold, not the hold plus compiling the script", async () => {
    const holdMs = 1000;
    const run = await runPlan(join(plansDir(), 'sse_streaming_baseline.jmx'), {
      cwd: dir,
      name: 'sse_first',
      propertyFiles: properties('sse.properties', {
        TIME_SCALE: '1', DURATION: '5', RAMP_UP: '0', CONNECTIONS: '4', SSE_HOLD_MS: String(holdMs), HEALTH_THREADS: '1',
      }),
    });
    expect(run.exitCode).toBe(0);
    expect(failuresOf(run.rows)).toEqual([]);
    const firsts = new Map<string, JtlRow>();
    for (const r of run.rows) if (r.label === 'SSE connect' && !firsts.has(threadOf(r))) firsts.set(threadOf(r), r);
    expect(firsts.size).toBe(4);
    // Before the warm-up the first streams took 2.4–3.1 s for a 1-s hold (Groovy compile, HttpClient set-up).
    for (const r of firsts.values()) expect(Number(r.elapsed)).toBeLessThan(holdMs + 1000);
  }, 120_000);
});

const threadOf = (r: JtlRow): string => (r as unknown as { threadName: string }).threadName;
