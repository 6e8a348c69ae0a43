import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TestPlan } from '../../src/jmx/index.js';
import { renderPlan } from '../../src/plans/build.js';
import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { plansDir } from '../../src/plans/paths.js';
import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { repoRoot } from '../jmx/jmeter-home.js';
import { killProcessesMentioning } from '../runner/proc.js';
import { failuresOf, runPlan, type PlanRun } from './run-jmeter.js';

/**
 * websocket_baseline for 66 s against the embedded target with its default keepalive (uvicorn's: a ping 20 s
 * after the upgrade and after each pong, close 1011 when no pong comes within 20 s): the plan as generated
 * answers the pings (PingFrameFilter) and runs clean; the same plan without the filter breaks the way it broke
 * on ContextForge 1.1.0 — a ping frame where a reply was due at 20 s, close 1011 at 40 s.
 */
const SHAPE = { CONNECTIONS: '2', RAMP_UP: '1', DURATION: '66', TIME_SCALE: '1', MSG_PER_SEC: '2', WS_MESSAGES_PER_CONNECTION: '1200' };

/** The plan without its ping filter: what websocket_baseline was before the ContextForge 1.1.0 fix. */
function withoutPingFilter(plan: TestPlan): TestPlan {
  const children = plan.children.map((c) => (c.kind === 'threadGroup' ? { ...c, children: c.children.filter((x) => x.kind !== 'wsPingFrameFilter') } : c));
  expect(JSON.stringify(children)).not.toContain('wsPingFrameFilter');
  return { ...plan, children };
}

let dir: string;
const targets: RunningTarget[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ws-ping-'));
});
afterAll(async () => {
  killProcessesMentioning(dir);
  await Promise.all(targets.map((t) => t.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function run(name: string, planPath: string): Promise<{ run: PlanRun; target: RunningTarget }> {
  const target = await startTarget({ fastTimePort: null, fastTestPort: null });
  targets.push(target);
  // The variant lives in the scratch folder: its CSV data is plans/data.
  const properties = { GATEWAY_URL: target.url, TOKEN: target.token, SERVER_ID: target.serverId, DATA_DIR: join(plansDir(), 'data'), ...SHAPE };
  const file = join(dir, `${name}.properties`);
  writeFileSync(file, Object.entries(properties).map(([k, v]) => `${k}=${v}\n`).join(''), { mode: 0o600 });
  const result = await runPlan(planPath, { cwd: dir, name, propertyFiles: [join(repoRoot, 'properties', 'ci.properties'), file], timeoutMs: 150_000 });
  return { run: result, target };
}

describe('websocket_baseline for 66 s against the embedded target (server pings at 20 s and 40 s)', () => {
  it('passes as generated (pings answered) and fails without the ping filter (ping frame at 20 s, close 1011 at 40 s)', async () => {
    const variant = join(dir, 'websocket_baseline_no_ping_filter.jmx');
    writeFileSync(variant, renderPlan('websocket_baseline', withoutPingFilter(PLAN_DEFINITIONS.websocket_baseline!)));
    // Both at once: the same machine load for both, and half the wall time.
    const [fixed, broken] = await Promise.all([run('with_filter', join(plansDir(), 'websocket_baseline.jmx')), run('without_filter', variant)]);
    for (const [name, r] of [['with the ping filter', fixed], ['without it', broken]] as const) {
      console.log(`websocket_baseline ${name}: ${r.run.rows.length} samples, ${failuresOf(r.run.rows).length} failed; target pings/pongs ${JSON.stringify(r.target.webSocketKeepalive())}`);
    }

    expect(fixed.run.exitCode, fixed.run.stdout).toBe(0);
    expect(failuresOf(fixed.run.rows)).toEqual([]);
    expect(fixed.run.log.split('\n').filter((l) => / ERROR /.test(l))).toEqual([]);
    const fixedLabels = fixed.run.rows.map((r) => r.label);
    // A thread whose connection ends before the test does (WS close) connects again.
    expect(fixedLabels.filter((l) => l === 'WS connect').length).toBeGreaterThanOrEqual(2);
    // Messages kept flowing past both pings: at 2 per second and connection for ~45 s.
    expect(fixedLabels.filter((l) => l.startsWith('WS tools/')).length).toBeGreaterThan(100);
    const answered = fixed.target.webSocketKeepalive();
    expect(answered.pings).toBeGreaterThanOrEqual(4);
    expect(answered.pongs).toBeGreaterThanOrEqual(4);
    expect(answered.pongs).toBeGreaterThanOrEqual(answered.pings - 2);

    const unanswered = broken.target.webSocketKeepalive();
    expect(unanswered.pings).toBeGreaterThanOrEqual(2);
    expect(unanswered.pongs).toBe(0);
    const failures = failuresOf(broken.run.rows);
    expect(failures.some((f) => f.includes('unexpected frame type (ping)')), failures.slice(0, 5).join('\n')).toBe(true);
    expect(failures.some((f) => f.includes("status code 1011 and close reason 'keepalive ping timeout'")), failures.slice(0, 5).join('\n')).toBe(true);
    expect(failures.some((f) => f.includes('there is no connection'))).toBe(true);
    expect(failures.length).toBeGreaterThan(20);
  }, 200_000);
});
