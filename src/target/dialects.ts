import { randomUUID } from 'node:crypto';

import { rpcError, rpcResult, type RpcId, type RpcResponse } from './json-rpc.js';

/**
 * The three JSON-RPC dialects the stand-in speaks. ContextForge 1.1.0 answers the same method differently on its
 * MCP Streamable HTTP endpoint (the MCP SDK's server) and on /rpc and /ws (its own handler); the MCP test
 * servers keep the plain answers of a small MCP server.
 */
export interface Dialect {
  /** The answer to a request whose jsonrpc, method, params or id is malformed. */
  invalid(id: RpcId, reason: string): RpcResponse;
  /** The id given to a message sent without one; undefined: it is a notification and gets no answer. */
  missingId(): RpcId | undefined;
  /** initialize's result; undefined when the params are not those of an initialize request. */
  initialize(params: Record<string, unknown>): unknown;
  invalidParams(id: RpcId, method: string): RpcResponse;
  methodNotFound(id: RpcId, method: string): RpcResponse;
  unknownTool(id: RpcId, name: string): RpcResponse;
  unknownResource(id: RpcId, uri: string): RpcResponse;
  unknownPrompt(id: RpcId, name: string): RpcResponse;
  /** The gateway's catalogue shapes: tool annotations, prompt argument descriptions, prompts/get's description. */
  readonly gatewayShapes: boolean;
}

/** initialize versions the gateway's MCP endpoint accepts; any other is answered with the newest. */
export const HANDSHAKE_VERSIONS: readonly string[] = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'];
/** MCP-Protocol-Version header values the gateway accepts (HANDSHAKE_VERSIONS and the 2026 era). */
export const HEADER_VERSIONS: readonly string[] = [...HANDSHAKE_VERSIONS, '2026-07-28'];
const NEWEST_HANDSHAKE = '2025-11-25';

/** The 400 body for an MCP-Protocol-Version header the gateway does not speak (MCP paths, /rpc, SSE); undefined when acceptable. */
export function protocolVersionError(header: string | readonly string[] | undefined): RpcResponse | undefined {
  if (header === undefined) return undefined;
  const requested = typeof header === 'string' ? header : header.join(', ');
  if (HEADER_VERSIONS.includes(requested)) return undefined;
  return rpcError(null, -32022, 'Unsupported protocol version', { supported: HEADER_VERSIONS, requested });
}

export const SERVER_INFO = { name: 'ContextForge', version: '1.1.0' } as const;

const requestedVersion = (params: Record<string, unknown>): string | undefined =>
  typeof params.protocolVersion === 'string' ? params.protocolVersion : undefined;

/** ContextForge's /servers/{id}/mcp (and /mcp): the MCP SDK's server behind the gateway's own checks. */
export const STREAMABLE_HTTP: Dialect = {
  invalid: (_id, reason) => rpcError(null, -32602, `Validation error: ${reason}`),
  missingId: () => undefined,
  initialize: (params) => {
    const asked = requestedVersion(params);
    if (asked === undefined || typeof params.capabilities !== 'object' || typeof params.clientInfo !== 'object') return undefined;
    return {
      capabilities: { completions: {}, logging: {}, prompts: { listChanged: false }, resources: { listChanged: false, subscribe: false }, tools: { listChanged: false } },
      protocolVersion: HANDSHAKE_VERSIONS.includes(asked) ? asked : NEWEST_HANDSHAKE,
      serverInfo: SERVER_INFO,
    };
  },
  invalidParams: (id) => rpcError(id, -32602, 'Invalid request parameters', ''),
  methodNotFound: (id, method) => rpcError(id, -32601, `Method not found: ${method}`),
  unknownTool: (id, name) => rpcResult(id, { content: [{ type: 'text', text: `Unknown tool: ${name}` }], isError: true }),
  unknownResource: (id, uri) => rpcError(id, -32602, `Unknown resource: ${uri}`),
  unknownPrompt: (id, name) => rpcError(id, -32602, `Unknown prompt: ${name}`),
  gatewayShapes: true,
};

const MISSING: Readonly<Record<string, string>> = { 'tools/call': 'tool name', 'resources/read': 'resource URI', 'prompts/get': 'prompt name' };

/** ContextForge's POST /rpc and the /ws relay (which forwards each frame to /rpc). */
export const GATEWAY_RPC: Dialect = {
  invalid: (id) => rpcError(id, -32600, 'Invalid Request'),
  // /rpc answers a message without an id like a request, under an id of its own.
  missingId: () => randomUUID(),
  initialize: (params) => ({
    // No negotiation on /rpc: the requested version comes back as it is.
    protocolVersion: requestedVersion(params) ?? '2025-06-18',
    capabilities: { prompts: { listChanged: true }, resources: { subscribe: true, listChanged: true }, tools: { listChanged: true }, logging: {}, completions: {} },
    serverInfo: SERVER_INFO,
    instructions: 'ContextForge providing federated tools, resources and prompts. Use /admin interface for configuration.',
  }),
  invalidParams: (id, method) => rpcError(id, -32602, `Missing ${MISSING[method] ?? 'parameters'} in parameters`, {}),
  methodNotFound: (id, method) => rpcError(id, -32601, `Method not found: ${method}`, {}),
  unknownTool: (id, name) => rpcError(id, -32601, `Tool not found: ${name}`),
  unknownResource: (id, uri) => rpcError(id, -32002, `Resource not found: ${uri}`, { uri }),
  unknownPrompt: (id, name) => rpcError(id, -32002, `Prompt not found: ${name}`, { name }),
  gatewayShapes: true,
};

/**
 * The legacy SSE transport's POST /servers/{id}/message: /rpc's answers, except that every failure (unknown method,
 * tool, resource, prompt, missing parameters) arrives as an empty result, and a notification gets no event.
 */
const empty = (id: RpcId) => rpcResult(id, {});
export const SSE_MESSAGE: Dialect = {
  ...GATEWAY_RPC,
  missingId: () => undefined,
  invalidParams: empty,
  methodNotFound: empty,
  unknownTool: empty,
  unknownResource: empty,
  unknownPrompt: empty,
};

/** The embedded MCP test servers (fast_time, fast_test): a plain MCP server's answers. */
export const TEST_SERVER: Dialect = {
  invalid: (id, reason) => rpcError(id, -32600, `Invalid Request: ${reason}`),
  missingId: () => undefined,
  initialize: (params) => ({
    protocolVersion: requestedVersion(params) ?? '2025-06-18',
    capabilities: { tools: { listChanged: false }, resources: { subscribe: false }, prompts: {} },
    serverInfo: { name: 'loadtest', version: '1.0.7' },
  }),
  invalidParams: (id) => rpcError(id, -32602, 'Invalid params'),
  methodNotFound: (id, method) => rpcError(id, -32601, `Method not found: ${method}`),
  unknownTool: (id, name) => rpcError(id, -32602, `Tool not found: ${name}`),
  unknownResource: (id, uri) => rpcError(id, -32002, `Resource not found: ${uri}`),
  unknownPrompt: (id, name) => rpcError(id, -32602, `Prompt not found: ${name}`),
  gatewayShapes: false,
};
