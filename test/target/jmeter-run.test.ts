import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { runPlan, type JtlRow } from '../plans/run-jmeter.js';

const plan = new URL('../fixtures/target/target-check.jmx', import.meta.url).pathname;
const LOOPS = 20;
const THREADS = 4;

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
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const of = (label: string) => rows.filter((r) => r.label === label);

  it('JMeter ran every sample', () => {
    expect(exitCode).toBe(0);
    for (const label of ['GET /health', 'GET /tools', 'MCP tools/list']) expect(of(label)).toHaveLength(LOOPS * THREADS);
  });

  it('untouched routes all succeed', () => {
    expect(of('GET /health').every((r) => r.success === 'true' && r.responseCode === '200')).toBe(true);
  });

  it('an error rate of 1 fails every sample of its route with a 503', () => {
    expect(of('GET /tools').every((r) => r.success === 'false' && r.responseCode === '503')).toBe(true);
  });

  it('MCP faults are JSON-RPC errors in a 200 that the JSON assertion catches, at about the injected rate', () => {
    const failed = of('MCP tools/list').filter((r) => r.success === 'false');
    expect(failed.every((r) => r.responseCode === '200' && r.failureMessage.includes("Missing property in path $['result']"))).toBe(true);
    expect(failed.length).toBeGreaterThan(LOOPS * THREADS * 0.2);
    expect(failed.length).toBeLessThan(LOOPS * THREADS * 0.8);
  });

  it('injected latency shows in the samples', () => {
    expect(of('MCP tools/list').every((r) => Number(r.elapsed) >= 30)).toBe(true);
    expect(target.requestCount()).toBe(3 * LOOPS * THREADS);
  });
});
