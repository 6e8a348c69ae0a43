import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { samplerLabels } from '../../src/jmx/index.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { plansDir } from '../../src/plans/paths.js';
import { repoRoot } from '../jmx/jmeter-home.js';
import { startTestGateway, type TestGateway } from './gateway.js';
import { failuresOf, labelsOf, NOT_IN_STATELESS_RUNS, runPlan } from './run-jmeter.js';
import { killProcessesMentioning } from '../runner/proc.js';

/**
 * Every one of the ten generated plans, run for a few seconds by real JMeter 5.6.3 against a
 * loopback gateway, one after another. JMeter starts in a scratch folder, not in plans/, so the
 * CSV data must be found relative to the plan file. Secrets reach JMeter only through a -q file.
 */
const SHORT: Record<string, string> = {
  DURATION: '300',
  TIME_SCALE: '0.01',
  PHASE1_DURATION: '150', PHASE2_DURATION: '150', PHASE3_DURATION: '150', PHASE4_DURATION: '150',
  PHASE5_DURATION: '150', PHASE6_DURATION: '150', COOLDOWN_DURATION: '150',
  PHASE1_RPS: '200', PHASE2_RPS: '200', PHASE3_RPS: '200', PHASE4_RPS: '200', PHASE5_RPS: '200', PHASE6_RPS: '200', COOLDOWN_RPS: '200',
  BASELINE_DURATION: '100', PEAK_HOLD: '100', RECOVERY_DURATION: '100', VERIFY_DURATION: '100', BASE_RPS: '200', PEAK_RPS: '300',
  WS_MESSAGES_PER_CONNECTION: '10', MSG_PER_SEC: '20',
  THINK_TIME_MIN: '3000', THINK_TIME_MAX: '5000',
};


let gateway: TestGateway;
let dir: string;
let propertyFiles: string[];

/** ci.properties, then a private file with the gateway's URLs and secrets and the short run. */
function runProperties(g: TestGateway, file: string): string[] {
  const lines = Object.entries({ ...g.properties, ...SHORT }).map(([k, v]) => `${k}=${v}`);
  writeFileSync(join(dir, file), lines.join('\n') + '\n', { mode: 0o600 });
  return [join(repoRoot, 'properties', 'ci.properties'), join(dir, file)];
}

beforeAll(async () => {
  gateway = await startTestGateway();
  dir = mkdtempSync(join(tmpdir(), 'plans-run-'));
  propertyFiles = runProperties(gateway, 'run.properties');
});

afterEach(() => void killProcessesMentioning(dir));
afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the ten plans in real JMeter 5.6.3 against the embedded target', () => {

  it.each(Object.keys(PLAN_DEFINITIONS))('%s', async (name) => {
    const plan = PLAN_DEFINITIONS[name];
    if (!plan) throw new Error(name);
    const run = await runPlan(join(plansDir(), `${name}.jmx`), { cwd: dir, name, propertyFiles });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.log.split('\n').filter((l) => / ERROR /.test(l))).toEqual([]);
    const missing = samplerLabels(plan).filter((l) => !labelsOf(run.rows).has(l) && !NOT_IN_STATELESS_RUNS.has(l));
    expect(missing).toEqual([]);
    expect(failuresOf(run.rows)).toEqual([]);
    expect(run.log + run.jtl).not.toContain(gateway.properties.TOKEN ?? 'no-token');
  }, 120_000);
});

describe('MCP sessions', () => {
  it('mcp_jsonrpc_baseline keeps and sends back Mcp-Session-Id on a stateful server', async () => {
    const stateful = await startTestGateway({ statefulSessions: true });
    try {
      const run = await runPlan(join(plansDir(), 'mcp_jsonrpc_baseline.jmx'), {
        cwd: dir,
        name: 'mcp_stateful',
        propertyFiles: runProperties(stateful, 'stateful.properties'),
      });
      expect(run.exitCode).toBe(0);
      expect(failuresOf(run.rows)).toEqual([]);
      expect(run.rows.filter((r) => r.label === 'MCP tools/call').length).toBeGreaterThan(10);
      // No session abandoned: every initialize's session ended by a DELETE, in the mix or at tearDown.
      const count = (label: string) => run.rows.filter((r) => r.label === label).length;
      const initializes = run.rows.filter((r) => r.label.includes('MCP initialize')).length;
      const tearDown = run.rows.find((r) => r.label === 'tearDown MCP DELETE open sessions');
      // A thread the duration stops between its DELETE and the next initialize holds no session: N <= 4.
      const ended = Number(/^ended (\d+) sessions$/.exec(tearDown?.responseMessage ?? '')?.[1]);
      expect(ended).toBeGreaterThanOrEqual(1);
      expect(ended).toBeLessThanOrEqual(4);
      expect(count('setUp MCP DELETE session')).toBe(1);
      expect(count('MCP notifications/initialized (thread start)')).toBe(4);
      expect(count('setUp MCP DELETE session') + count('MCP DELETE session') + ended).toBe(initializes);
      expect(stateful.openMcpSessions()).toBe(0);
    } finally {
      await stateful.close();
    }
  }, 120_000);

  // The gateway tier's variants (USE_STATEFUL_SESSIONS=true, JSON_RESPONSE_ENABLED=false) on the stand-in, which now models both.
  it.each(['mcp_jsonrpc_baseline', 'load_test'])('%s against stateful sessions with SSE-framed replies: no failure, no session left open', async (name) => {
    const target = await startTestGateway({ statefulSessions: true, jsonResponse: false });
    try {
      const run = await runPlan(join(plansDir(), `${name}.jmx`), { cwd: dir, name: `${name}_sse`, propertyFiles: runProperties(target, `${name}-sse.properties`) });
      expect(run.exitCode).toBe(0);
      expect(failuresOf(run.rows)).toEqual([]);
      expect(run.rows.filter((r) => r.label === 'MCP tools/call').length).toBeGreaterThan(0);
      expect(target.openMcpSessions()).toBe(0);
    } finally {
      await target.close();
    }
  }, 120_000);
});
