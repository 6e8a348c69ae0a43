import { expect } from 'vitest';

import { requestCase, type ConformanceCase, type Request } from '../case.js';

/**
 * servers: the two MCP test servers (D36). ContextForge's docker-compose registers them at /mcp, the Helm
 * chart's Go fast-time-server serves /http: the stand-in's serve both. The gateway tier has no real test
 * servers (container images only): there these cases check the stand-in's servers that the gateway uses as peers.
 */
const MCP_HEADERS = { accept: 'application/json, text/event-stream' };
const mcpRequest = (on: Request['on'], path: string, method: string, params: object = {}): Request => ({
  on,
  path,
  auth: 'none',
  headers: MCP_HEADERS,
  body: { jsonrpc: '2.0', id: 1, method, params },
});

const toolsOf = (server: 'fastTime' | 'fastTest'): readonly string[] => (server === 'fastTime' ? ['get_system_time'] : ['echo', 'get_system_time', 'get_stats']);

export const serversCases: readonly ConformanceCase[] = [
  ...(['fastTime', 'fastTest'] as const).flatMap((server) =>
    ['/mcp', '/http'].map((path) =>
      requestCase(
        'servers',
        `${server} POST ${path} tools/list: the server's tools (MCP at /mcp as docker-compose, /http as the Helm chart)`,
        mcpRequest(server, path, 'tools/list'),
        { status: 200, contentType: 'application/json', json: { jsonrpc: '2.0', id: 1, result: { tools: toolsOf(server).map((name) => expect.objectContaining({ name })) } } },
        { covers: ['D36'] },
      ),
    ),
  ),
  requestCase(
    'servers',
    'fastTime POST /mcp tools/call get_system_time: a text result',
    mcpRequest('fastTime', '/mcp', 'tools/call', { name: 'get_system_time', arguments: { timezone: 'UTC' } }),
    { status: 200, contentType: 'application/json', json: { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: expect.stringMatching(/UTC$/) }], isError: false } } },
    { covers: ['D36'] },
  ),
  requestCase('servers', 'fastTime GET /health: 200', { on: 'fastTime', path: '/health', auth: 'none' }, { status: 200, contentType: 'application/json', json: { status: 'healthy' } }),
  requestCase('servers', 'fastTest GET /health: 200', { on: 'fastTest', path: '/health', auth: 'none' }, { status: 200, contentType: 'application/json', json: { status: 'healthy' } }),
];
