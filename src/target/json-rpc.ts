import { federatedName, PEERS } from './catalogue.js';
import type { Dialect } from './dialects.js';

/** JSON-RPC 2.0 as the gateway speaks it on /servers/{id}/mcp, /rpc and /ws (each in its own dialect: dialects.ts). */
export interface RpcRequest {
  readonly jsonrpc?: unknown;
  readonly id?: unknown;
  readonly method?: unknown;
  /** An object when well-formed; anything when a client sent something else (the dialect answers). */
  readonly params?: unknown;
}

export type RpcId = string | number | null;

export interface RpcErrorObject {
  readonly code: number;
  readonly message: string;
  readonly data?: unknown;
}

export type RpcResponse =
  | { readonly jsonrpc: '2.0'; readonly id: RpcId; readonly result: unknown }
  | { readonly jsonrpc: '2.0'; readonly id: RpcId; readonly error: RpcErrorObject };

export const rpcError = (id: RpcId | undefined, code: number, message: string, data?: unknown): RpcResponse => ({
  jsonrpc: '2.0',
  id: id ?? null,
  error: data === undefined ? { code, message } : { code, message, data },
});

export const rpcResult = (id: RpcId, result: unknown): RpcResponse => ({ jsonrpc: '2.0', id, result });

/** A request id as JSON-RPC allows it (a string or a number); anything else is no id. */
export const idOf = (value: unknown): RpcId => (typeof value === 'string' || typeof value === 'number' ? value : null);

/** Reads one JSON-RPC message: the object, or the error response due for text that is not one (-32700 / -32600). */
export function readRpc(text: string): { readonly request: RpcRequest } | { readonly failure: RpcResponse } {
  try {
    const value: unknown = JSON.parse(text);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return { request: value as RpcRequest };
    return { failure: rpcError(null, -32600, 'Invalid Request') };
  } catch {
    return { failure: rpcError(null, -32700, 'Parse error') };
  }
}

/** readRpc for callers that answer a client's own response object themselves (isResponse). */
export function parseRpc(text: string): RpcRequest | RpcResponse {
  const read = readRpc(text);
  return 'failure' in read ? read.failure : read.request;
}

export const isResponse = (r: RpcRequest | RpcResponse): r is RpcResponse => 'result' in r || 'error' in r;

/** Why a parsed object is not a well-formed JSON-RPC 2.0 request or notification; undefined when it is one. */
export function malformation(request: RpcRequest): string | undefined {
  if (request.jsonrpc !== '2.0') return `jsonrpc: input should be '2.0' (got ${JSON.stringify(request.jsonrpc) ?? 'nothing'})`;
  if (typeof request.method !== 'string') return `method: input should be a valid string (got ${JSON.stringify(request.method) ?? 'nothing'})`;
  const { params } = request;
  if (params !== undefined && params !== null && (typeof params !== 'object' || Array.isArray(params))) return 'params: input should be a valid dictionary';
  return undefined;
}

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
  // The gateway's REST tool returns the upstream JSON pretty-printed.
  { name: 'gw-health', description: 'Gateway health over REST', inputSchema: object(), run: () => JSON.stringify({ status: 'healthy' }, null, 2) },
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

export const RESOURCE = { uri: 'file:///loadtest/hello.txt', name: 'hello', mimeType: 'text/plain', text: 'Hello from the ContextForge load test' };
export const PROMPT = { name: 'greeting', description: 'Greets a user', arguments: [{ name: 'user', description: '', required: true }] };
const PROMPT_TEXT = 'Hello, welcome to the load test.';

/** Answers one request in a dialect with the given tools; `undefined` when no answer is due (a notification). */
export function dispatchRpc(request: RpcRequest, tools: readonly ToolDefinition[], dialect: Dialect): RpcResponse | undefined {
  const bad = malformation(request);
  if (bad !== undefined) return dialect.invalid(idOf(request.id), bad);
  const id = 'id' in request && request.id !== null ? request.id : dialect.missingId();
  if (id === undefined) return undefined;
  if (typeof id !== 'string' && typeof id !== 'number') return dialect.invalid(null, 'id: input should be a string or a number');
  const params = (request.params ?? {}) as Record<string, unknown>;
  return dispatchMethod(id, request.method as string, params, tools, dialect);
}

function dispatchMethod(id: string | number, method: string, params: Record<string, unknown>, tools: readonly ToolDefinition[], d: Dialect): RpcResponse | undefined {
  const ok = (result: unknown) => rpcResult(id, result);
  const named = (key: string) => (typeof params[key] === 'string' ? (params[key] as string) : undefined);
  switch (method) {
    case 'initialize': {
      const result = d.initialize(params);
      return result === undefined ? d.invalidParams(id, method) : ok(result);
    }
    case 'ping':
      return ok({});
    case 'tools/list':
      return ok({ tools: tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema, ...(d.gatewayShapes ? { annotations: {} } : {}) })) });
    case 'tools/call':
      return callTool(id, params, tools, d);
    case 'resources/list':
      return ok({ resources: [{ uri: RESOURCE.uri, name: RESOURCE.name, mimeType: RESOURCE.mimeType }] });
    case 'resources/templates/list':
      return ok({ resourceTemplates: [] });
    case 'resources/read': {
      const uri = named('uri');
      if (uri === undefined) return d.invalidParams(id, method);
      return uri === RESOURCE.uri ? ok({ contents: [{ uri: RESOURCE.uri, mimeType: RESOURCE.mimeType, text: RESOURCE.text }] }) : d.unknownResource(id, uri);
    }
    case 'prompts/list':
      return ok({ prompts: [d.gatewayShapes ? PROMPT : { ...PROMPT, arguments: PROMPT.arguments.map(({ name, required }) => ({ name, required })) }] });
    case 'prompts/get': {
      const name = named('name');
      if (name === undefined) return d.invalidParams(id, method);
      if (name !== PROMPT.name && d.gatewayShapes) return d.unknownPrompt(id, name);
      const messages = [{ role: 'user', content: { type: 'text', text: PROMPT_TEXT } }];
      return ok(d.gatewayShapes ? { description: PROMPT.description, messages } : { messages });
    }
    case 'logging/setLevel':
      return d.gatewayShapes ? ok({}) : d.methodNotFound(id, method);
    default:
      return method.startsWith('notifications/') ? ok({}) : d.methodNotFound(id, method);
  }
}

function callTool(id: string | number, params: Record<string, unknown>, tools: readonly ToolDefinition[], d: Dialect): RpcResponse {
  if (typeof params.name !== 'string') return d.invalidParams(id, 'tools/call');
  const tool = tools.find((t) => t.name === params.name);
  if (tool === undefined) return d.unknownTool(id, params.name);
  const args = params.arguments !== null && typeof params.arguments === 'object' ? (params.arguments as Record<string, unknown>) : {};
  return rpcResult(id, { content: [{ type: 'text', text: tool.run(args) }], isError: false });
}
