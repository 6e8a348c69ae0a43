import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { runPlan, type JtlRow } from '../plans/run-jmeter.js';
import { killProcessesMentioning } from '../runner/proc.js';

const plan = new URL('../fixtures/target/target-check.jmx', import.meta.url).pathname;
const LOOPS = 20;
const THREADS = 4;
const MISSING_RESULT = "Missing property in path $['result']";

describe('the embedded target under real JMeter 5.6.3 (hand-written plan)', () => {
  let target: RunningTarget;
  let dir: string;
  let rows: readonly JtlRow[];
  let exitCode: number | undefined;

  beforeAll(async () => {
    target = await startTarget({
      fastTimePort: null,
      fastTestPort: null,
      faults: [
        { route: 'GET /tools', errorRate: 1 },
        { route: 'MCP tools/list', latency: { kind: 'fixed', ms: 30 }, errorRate: 0.5 },
      ],
    });
    dir = mkdtempSync(join(tmpdir(), 'target-jmeter-'));
    const props = join(dir, 'run.properties');
    // The token travels in a -q file, never on the command line.
    writeFileSync(props, `PORT=${target.port}\nTOKEN=${target.token}\nSERVER_ID=${target.serverId}\nLOOPS=${LOOPS}\nTHREADS=${THREADS}\n`, { mode: 0o600 });
    const run = await runPlan(plan, { cwd: dir, name: 'target-check', propertyFiles: [props] });
    rows = run.rows;
    exitCode = run.exitCode;
  });
  afterAll(async () => {
    killProcessesMentioning(dir);
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const of = (label: string) => rows.filter((r) => r.label === label);
  /** How many rows have each outcome: "success responseCode". */
  const outcomes = (list: readonly JtlRow[]) => list.reduce<Record<string, number>>((t, r) => ({ ...t, [`${r.success} ${r.responseCode}`]: (t[`${r.success} ${r.responseCode}`] ?? 0) + 1 }), {});
  const ALL = LOOPS * THREADS;

  it('JMeter ran every sample', () => {
    expect(exitCode).toBe(0);
    expect(rows).toHaveLength(3 * ALL);
    for (const label of ['GET /health', 'GET /tools', 'MCP tools/list']) expect(of(label)).toHaveLength(ALL);
  });

  it('untouched routes all succeed', () => {
    expect(outcomes(of('GET /health'))).toEqual({ 'true 200': ALL });
  });

  it('an error rate of 1 fails every sample of its route with a 503', () => {
    expect(outcomes(of('GET /tools'))).toEqual({ 'false 503': ALL });
  });

  it('MCP faults are JSON-RPC errors in a 200 that the JSON assertion catches, at about the injected rate', () => {
    const failed = of('MCP tools/list').filter((r) => r.success === 'false');
    expect(outcomes(of('MCP tools/list'))).toEqual({ 'true 200': ALL - failed.length, 'false 200': failed.length });
    expect(new Set(failed.map((r) => r.failureMessage))).toEqual(new Set([MISSING_RESULT]));
    // Which requests fail depends on the order the threads' requests arrive in (one seeded stream): a range.
    expect(failed.length).toBeGreaterThan(ALL * 0.2);
    expect(failed.length).toBeLessThan(ALL * 0.8);
  });

  it('injected latency shows in the samples', () => {
    const elapsed = of('MCP tools/list').map((r) => Number(r.elapsed));
    expect(elapsed).toHaveLength(ALL);
    expect(Math.min(...elapsed)).toBeGreaterThanOrEqual(30);
    expect(target.requestCount()).toBe(3 * ALL);
  });
});
