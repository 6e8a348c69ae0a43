import type { TestPlan } from '../jmx/index.js';
import { adminUiBaseline } from './admin-ui-baseline.js';
import { loadTest } from './load-test.js';
import { mcpJsonrpcBaseline } from './mcp-jsonrpc-baseline.js';
import { mcpTestServersBaseline } from './mcp-test-servers-baseline.js';
import { restApiBaseline } from './rest-api-baseline.js';
import { soakTest } from './soak-test.js';
import { spikeTest } from './spike-test.js';
import { sseStreamingBaseline } from './sse-streaming-baseline.js';
import { stressTest } from './stress-test.js';
import { websocketBaseline } from './websocket-baseline.js';

/** Plan name (file name without .jmx) → definition. */
export const PLAN_DEFINITIONS: Readonly<Record<string, TestPlan>> = {
  rest_api_baseline: restApiBaseline,
  mcp_jsonrpc_baseline: mcpJsonrpcBaseline,
  mcp_test_servers_baseline: mcpTestServersBaseline,
  load_test: loadTest,
  stress_test: stressTest,
  spike_test: spikeTest,
  soak_test: soakTest,
  sse_streaming_baseline: sseStreamingBaseline,
  websocket_baseline: websocketBaseline,
  admin_ui_baseline: adminUiBaseline,
};
