import type { IncomingMessage, ServerResponse } from 'node:http';

import type { TargetContext } from './context.js';
import { injectFault } from './context.js';
import { readBody, sendJson } from './http-util.js';
import type { ToolDefinition } from './json-rpc.js';
import { echoTool, systemTime, timeTool } from './json-rpc.js';
import { answerRpcPost } from './routes/mcp.js';
/** get_stats reports the uptime and request count of the server it runs on. */
const statsTool = (stats: { readonly startedAt: number; calls: number }): ToolDefinition => ({
  name: 'get_stats',
  description: 'Server statistics',
  inputSchema: { type: 'object', properties: {} },
  run: () => JSON.stringify({ uptime_ms: Date.now() - stats.startedAt, calls: stats.calls }),
});

const MCP_PATHS = new Set(['/mcp', '/mcp/', '/http', '/http/']);

/** One of the two MCP servers that mcp_test_servers_baseline hits directly (no gateway, no token). */
export interface TestServerSpec {
  /** Route prefix of fault rules and the plan's labels: `fast_time` or `fast_test`. */
  readonly name: 'fast_time' | 'fast_test';
  readonly tools: (stats: { readonly startedAt: number; calls: number }) => readonly ToolDefinition[];
  readonly timeApi: boolean;
}

export const fastTimeServer: TestServerSpec = { name: 'fast_time', tools: () => [timeTool], timeApi: true };
export const fastTestServer: TestServerSpec = { name: 'fast_test', tools: (stats) => [echoTool, timeTool, statsTool(stats)], timeApi: false };

/**
 * The request handler of a test server: GET /health, MCP at POST /mcp (where ContextForge's docker-compose
 * registers them) and /http (the Helm chart's Go fast-time-server), and (fast-time) GET /api/v1/time.
 */
export function testServerHandler(ctx: TargetContext, spec: TestServerSpec) {
  const stats = { startedAt: Date.now(), calls: 0 };
  const tools = spec.tools(stats);
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    stats.calls += 1;
    const path = url.pathname;
    if (req.method === 'GET' && path === '/health') return sendJson(res, 200, { status: 'healthy', server: spec.name });
    if (req.method === 'GET' && spec.timeApi && path === '/api/v1/time') {
      if (await injectFault(ctx, `${spec.name} GET /api/v1/time`)) return sendJson(res, 503, { detail: 'injected fault' });
      const timezone = url.searchParams.get('timezone') ?? 'UTC';
      return sendJson(res, 200, { timezone, time: systemTime(timezone), unix_ms: Date.now() });
    }
    if (MCP_PATHS.has(path)) {
      if (req.method !== 'POST') return sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: 'POST' });
      return answerRpcPost(ctx, res, await readBody(req), { routePrefix: `${spec.name} MCP`, tools });
    }
    sendJson(res, 404, { detail: 'Not Found' });
  };
}
