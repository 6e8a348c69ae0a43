import type { Endpoint, Request } from '../case.js';

/** Requests and answers the MCP cases share (mcp.ts, mcp-sessions.ts, mcp-rpc.ts). */
export const MCP_ACCEPT = 'application/json, text/event-stream';
export const mcpPath = (e: Endpoint) => `/servers/${e.serverId}/mcp`;

/** A POST to the virtual server's MCP endpoint with both Accept types; `headers` adds or replaces. */
export const mcpPost = (body: unknown, headers: Record<string, string> = {}, more: Partial<Request> = {}) => (e: Endpoint): Request => ({
  path: mcpPath(e),
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: MCP_ACCEPT, ...headers },
  body,
  ...more,
});

export const call = (method: string, params?: object, id: number | string = 1) => ({ jsonrpc: '2.0', id, method, ...(params === undefined ? {} : { params }) });

export const init = (protocolVersion: string) => call('initialize', { protocolVersion, capabilities: {}, clientInfo: { name: 'conformance', version: '1' } });

/** What initialize answers on the MCP endpoint, whatever the client asked for. */
export const MCP_CAPABILITIES = {
  completions: {},
  logging: {},
  prompts: { listChanged: false },
  resources: { listChanged: false, subscribe: false },
  tools: { listChanged: false },
};
