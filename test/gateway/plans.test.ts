import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PLAN_DEFINITIONS } from '../../src/plans/definitions.js';
import { expectCleanRun, runTierPlan, startRealGateway, tierTable, type RealGateway, type TierRun } from './real-gateway.js';

/**
 * Every plan against a real ContextForge (PyPI, loopback, SQLite) through `jtl run` with the ci profile,
 * zero failed samples allowed; then the runs that broke before the plan fixes of issue 17: a WebSocket
 * connection held past the server's 20-s ping, stateful MCP sessions, SSE-framed MCP replies, and the
 * routes that only exist under /v1 once the legacy aliases are off. Prints the per-plan table at the end.
 */
const MCP_PLANS = ['mcp_jsonrpc_baseline', 'load_test'];
const MOVED_ROUTE_PLANS = ['rest_api_baseline', 'admin_ui_baseline', 'sse_streaming_baseline'];

let gateway: RealGateway | undefined;
const runs: TierRun[] = [];
const started = Date.now();

beforeAll(async () => {
  gateway = await startRealGateway();
});

afterAll(async () => {
  await gateway?.stop();
  if (runs.length > 0) {
    console.log(`${tierTable(runs, new Date().toISOString().slice(0, 10))}\n\ngateway tier: ${Math.round((Date.now() - started) / 1000)} s in all`);
  }
});

async function expectClean(name: string, plan: string, opts: readonly string[] = []): Promise<TierRun> {
  if (gateway === undefined) throw new Error('the gateway did not start');
  const run = await runTierPlan(gateway, name, plan, opts);
  runs.push(run);
  expectCleanRun(run);
  return run;
}

describe('the plans against a real ContextForge gateway', () => {
  it.each(Object.keys(PLAN_DEFINITIONS))('%s (ci profile)', async (plan) => {
    await expectClean(plan, plan);
  });

  it('websocket_baseline for 50 s: server pings answered, every connection closes', async () => {
    const run = await expectClean('websocket_baseline 50 s', 'websocket_baseline', ['-J', 'DURATION=5000', '-J', 'CONNECTIONS=2', '-J', 'MSG_PER_SEC=2']);
    // Past the server's second ping (40 s), where an unanswered ping closes the connection with 1011.
    expect(run.testMs).toBeGreaterThanOrEqual(45_000);
    expect(run.samples).toBeGreaterThan(30);
  });

  it.each(MCP_PLANS)('%s with USE_STATEFUL_SESSIONS=true', async (plan) => {
    await gateway?.restart({ USE_STATEFUL_SESSIONS: 'true' });
    await expectClean(`${plan} stateful`, plan);
  });

  it.each(MCP_PLANS)('%s with JSON_RESPONSE_ENABLED=false (SSE-framed replies)', async (plan) => {
    await gateway?.restart({ JSON_RESPONSE_ENABLED: 'false' });
    await expectClean(`${plan} SSE replies`, plan);
  });

  it.each(MOVED_ROUTE_PLANS)('%s with LEGACY_API_ENABLED=false', async (plan) => {
    await gateway?.restart({ LEGACY_API_ENABLED: 'false' });
    await expectClean(`${plan} no legacy API`, plan);
  });
});
