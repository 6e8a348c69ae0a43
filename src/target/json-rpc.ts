import { federatedName, PEERS } from './catalogue.js';

/** JSON-RPC 2.0 as the gateway speaks it on /servers/{id}/mcp, /rpc and /ws. */
export interface RpcRequest {
  readonly jsonrpc?: string;
  readonly id?: string | number | null;
  readonly method?: unknown;
  /** An object when well-formed; anything when a client sent something else (dispatchRpc answers -32602). */
  readonly params?: unknown;
}

export type RpcResponse =
  | { readonly jsonrpc: '2.0'; readonly id: string | number | null; readonly result: unknown }
  | { readonly jsonrpc: '2.0'; readonly id: string | number | null; readonly error: { code: number; message: string } };

export const PROTOCOL_VERSION = '2025-06-18';

export const rpcError = (id: RpcRequest['id'], code: number, message: string): RpcResponse => ({
  jsonrpc: '2.0',
  id: id ?? null,
  error: { code, message },
});

/** Parses one JSON-RPC request; a parse error is the -32700 response itself. */
export function parseRpc(text: string): RpcRequest | RpcResponse {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as RpcRequest;
    return rpcError(null, -32600, 'Invalid Request');
  } catch {
    return rpcError(null, -32700, 'Parse error');
  }
}

export const isResponse = (r: RpcRequest | RpcResponse): r is RpcResponse => 'result' in r || 'error' in r;

/** What a tool does: a name, its input schema and a pure implementation. */
export interface ToolDefinition {
  readonly name: string;
  readonly description: string;
  readonly inputSchema: Record<string, unknown>;
  run(args: Record<string, unknown>): string;
}

const object = (properties: Record<string, unknown> = {}) => ({ type: 'object', properties });

/** The MCP test servers' own tools (test-servers.ts); the gateway offers them federated, see gatewayTools. */
export const echoTool: ToolDefinition = { name: 'echo', description: 'Echoes its message', inputSchema: object({ message: { type: 'string' } }), run: (a) => textOf(a.message ?? '') };
export const timeTool: ToolDefinition = { name: 'get_system_time', description: 'Current time in a time zone', inputSchema: object({ timezone: { type: 'string' } }), run: (a) => systemTime(a.timezone) };
const started = Date.now();
const gatewayStatsTool: ToolDefinition = { name: 'get_stats', description: 'Server statistics', inputSchema: object(), run: () => JSON.stringify({ uptime_ms: Date.now() - started, calls: 0 }) };

/** The seeded gateway's tools: its REST tool and the peers' tools under their federated names (catalogue.ts). */
export const gatewayTools: readonly ToolDefinition[] = [
  { name: 'gw-health', description: 'Gateway health over REST', inputSchema: object(), run: () => '{"status":"healthy"}' },
  ...PEERS.flatMap((peer) =>
    peer.tools.map((name) => ({ ...[echoTool, timeTool, gatewayStatsTool].find((t) => t.name === name)!, name: federatedName(peer.name, name) })),
  ),
];

/** A JSON value as text: strings as they are, anything else as JSON (String() throws on `{"toString":1}`). */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value));

export function systemTime(timezone: unknown): string {
  const zone = typeof timezone === 'string' && timezone !== '' ? timezone : 'UTC';
  try {
    return new Date().toLocaleString('sv-SE', { timeZone: zone }).replace(' ', 'T') + ` ${zone}`;
  } catch {
    return new Date().toISOString();
  }
}

const RESOURCE = { uri: 'file:///loadtest/hello.txt', name: 'hello', mimeType: 'text/plain', text: 'Hello from the ContextForge load test' };
const PROMPT = { name: 'greeting', description: 'Greets a user', arguments: [{ name: 'user', required: true }] };

/** Answers one request with the given tools; `undefined` for a notification (no answer is due). */
export function dispatchRpc(request: RpcRequest, tools: readonly ToolDefinition[], serverName: string): RpcResponse | undefined {
  const { id: sentId, method, params = {} } = request;
  // An id must be a string, a number or null; anything else is answered with null, as the spec says.
  const id = typeof sentId === 'string' || typeof sentId === 'number' ? sentId : null;
  if (typeof method !== 'string') return rpcError(id, -32600, 'Invalid Request: method is missing');
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return rpcError(id, -32602, 'Invalid params: expected an object');
  return dispatchMethod(id, method, params as Record<string, unknown>, tools, serverName);
}

function dispatchMethod(id: string | number | null, method: string, params: Record<string, unknown>, tools: readonly ToolDefinition[], serverName: string): RpcResponse | undefined {
  if (method.startsWith('notifications/')) return undefined;
  const ok = (result: unknown): RpcResponse => ({ jsonrpc: '2.0', id: id ?? null, result });
  switch (method) {
    case 'initialize':
      return ok({
        protocolVersion: typeof params.protocolVersion === 'string' ? params.protocolVersion : PROTOCOL_VERSION,
        capabilities: { tools: { listChanged: false }, resources: { subscribe: false }, prompts: {} },
        serverInfo: { name: serverName, version: '1.0.7' },
      });
    case 'ping':
      return ok({});
    case 'tools/list':
      return ok({ tools: tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })) });
    case 'tools/call':
      return callTool(id, params, tools);
    case 'resources/list':
      return ok({ resources: [{ uri: RESOURCE.uri, name: RESOURCE.name, mimeType: RESOURCE.mimeType }] });
    case 'resources/templates/list':
      return ok({ resourceTemplates: [] });
    case 'resources/read':
      return params.uri === RESOURCE.uri
        ? ok({ contents: [{ uri: RESOURCE.uri, mimeType: RESOURCE.mimeType, text: RESOURCE.text }] })
        : rpcError(id, -32002, `Resource not found: ${textOf(params.uri)}`);
    case 'prompts/list':
      return ok({ prompts: [PROMPT] });
    case 'prompts/get':
      return ok({ messages: [{ role: 'user', content: { type: 'text', text: 'Hello, welcome to the load test.' } }] });
    default:
      return rpcError(id, -32601, `Method not found: ${method}`);
  }
}

function callTool(id: RpcRequest['id'], params: Record<string, unknown>, tools: readonly ToolDefinition[]): RpcResponse {
  const tool = tools.find((t) => t.name === params.name);
  if (tool === undefined) return rpcError(id, -32602, `Tool not found: ${textOf(params.name)}`);
  const args = params.arguments !== null && typeof params.arguments === 'object' ? (params.arguments as Record<string, unknown>) : {};
  return { jsonrpc: '2.0', id: id ?? null, result: { content: [{ type: 'text', text: tool.run(args) }], isError: false } };
}
