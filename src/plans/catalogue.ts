import { loadTestSchedule } from './load-test.js';
import { mcpJsonrpcBaselineSchedule } from './mcp-jsonrpc-baseline.js';
import { mcpTestServersBaselineSchedule } from './mcp-test-servers-baseline.js';
import { restApiBaselineSchedule } from './rest-api-baseline.js';
import type { RateSchedule } from './schedule.js';
import { soakTestSchedule } from './soak-test.js';
import { spikeTestSchedule } from './spike-test.js';
import { stressTestSchedule } from './stress-test.js';

/** What the CLI and the runner need to know about each plan, without building it. */
export interface PlanInfo {
  readonly name: string;
  readonly file: string;
  readonly purpose: string;
  readonly defaults: { readonly threads?: number; readonly rampUpS?: number; readonly durationS?: number; readonly targetRps?: number };
  /** Properties without a usable default that a run must supply: secrets (TOKEN, ADMIN_PASSWORD), SERVER_ID. */
  readonly requiredProperties: readonly string[];
  /** Multi-phase plan: sample labels start with the phase name. */
  readonly phased: boolean;
  /** Rate-driven plans: planned rate and duration over time, from the plan's own definition. */
  readonly schedule?: RateSchedule;
}

const info = (
  name: string,
  purpose: string,
  defaults: PlanInfo['defaults'],
  requiredProperties: readonly string[],
  phased = false,
  schedule?: RateSchedule,
): PlanInfo => ({
  name,
  file: `${name}.jmx`,
  purpose,
  defaults,
  requiredProperties,
  phased,
  ...(schedule !== undefined && { schedule }),
});

export const planCatalogue: readonly PlanInfo[] = [
  info('rest_api_baseline', 'REST API latency baseline (weighted REST mix)', { threads: 100, rampUpS: 60, durationS: 600, targetRps: 1000 }, ['TOKEN'], false, restApiBaselineSchedule),
  info('mcp_jsonrpc_baseline', 'MCP JSON-RPC baseline over Streamable HTTP (MCP mix)', { threads: 200, rampUpS: 60, durationS: 900, targetRps: 1000 }, ['TOKEN', 'SERVER_ID'], false, mcpJsonrpcBaselineSchedule),
  info('mcp_test_servers_baseline', 'MCP test servers hit directly, no gateway (FAST_TIME_URL, FAST_TEST_URL)', { threads: 200, rampUpS: 60, durationS: 600, targetRps: 2000 }, [], false, mcpTestServersBaselineSchedule),
  info('load_test', 'Production-like mixed load: 60 % REST / 40 % MCP', { threads: 400, rampUpS: 120, durationS: 1800, targetRps: 4000 }, ['TOKEN', 'SERVER_ID'], false, loadTestSchedule),
  info('stress_test', 'Find the breaking point: 1k → 2k → 4k → 6k → 8k → 10k req/s, cool-down at 1k', { threads: 2000, rampUpS: 30, durationS: 2100, targetRps: 10_000 }, ['TOKEN'], true, stressTestSchedule),
  info('spike_test', 'Spike and recovery: 1k → 10k req/s spike → 1k recovery → stability check', { threads: 2000, rampUpS: 30, durationS: 510, targetRps: 10_000 }, ['TOKEN'], true, spikeTestSchedule),
  info('soak_test', '24 h leak / drift detection on the REST mix', { threads: 400, rampUpS: 300, durationS: 86_400, targetRps: 2000 }, ['TOKEN'], false, soakTestSchedule),
  info('sse_streaming_baseline', 'SSE connection stability: real event streams held open, plus /health sampling', { threads: 1000, rampUpS: 60, durationS: 600 }, ['TOKEN', 'SERVER_ID']),
  info('websocket_baseline', 'WebSocket performance: JSON-RPC frames over /ws (MSG_PER_SEC=20 per connection)', { threads: 500, rampUpS: 60, durationS: 600 }, ['TOKEN', 'SERVER_ID']),
  info('admin_ui_baseline', 'Admin UI journey: log in once per user, pages and HTMX partials with think time', { threads: 50, rampUpS: 30, durationS: 300 }, ['ADMIN_PASSWORD']),
];

export const findPlan = (name: string): PlanInfo | undefined =>
  planCatalogue.find((p) => p.name === name || p.file === name || p.name === name.replace(/\.jmx$/, ''));
