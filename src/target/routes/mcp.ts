import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Route, TargetContext } from '../context.js';
import { injectFault, servesServer } from '../context.js';
import { protocolVersionError, STREAMABLE_HTTP, TEST_SERVER } from '../dialects.js';
import { hasBearer, readBody, sendJson, sendText, unauthorized } from '../http-util.js';
import type { RpcRequest, RpcResponse, ToolDefinition } from '../json-rpc.js';
import { dispatchRpc, gatewayTools, idOf, isResponse, malformation, parseRpc, rpcError } from '../json-rpc.js';
import { endSession, newSessionId, openSession, sentSessionId, useSession } from './mcp-sessions.js';

export { rpcRoute } from './rpc.js';

const MCP_PATH = /^\/servers\/([^/]+)\/mcp\/?$|^\/mcp\/?$/;

/**
 * Answers one JSON-RPC POST body the way the MCP test servers do: the injected fault of `<prefix> <method>`
 * first, then the dispatch. A notification gets 202 and no body.
 */
export async function answerRpcPost(
  ctx: TargetContext,
  res: ServerResponse,
  body: string,
  options: { readonly routePrefix: string; readonly tools: readonly ToolDefinition[]; readonly headers?: Record<string, string> },
): Promise<void> {
  const request = parseRpc(body);
  if (isResponse(request)) return sendJson(res, 400, request);
  const method = typeof request.method === 'string' ? request.method : '';
  const fail = await injectFault(ctx, `${options.routePrefix} ${method}`);
  const response = fail ? rpcError(idOf(request.id), -32603, 'Internal error: injected fault') : dispatchRpc(request, options.tools, TEST_SERVER);
  if (response === undefined) return sendText(res, 202, '', 'text/plain', options.headers);
  sendJson(res, 200, response, options.headers);
}

/** Which of the two media types an Accept header takes, wildcards included (the MCP SDK's rule). */
const BOTH = { json: true, sse: true } as const;
function accepts(req: IncomingMessage): { readonly json: boolean; readonly sse: boolean } {
  const header = req.headers.accept ?? '';
  if (header === 'application/json, text/event-stream') return BOTH;
  const types = header.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  const any = types.includes('*/*');
  return { json: any || types.includes('application/json') || types.includes('application/*'), sse: any || types.includes('text/event-stream') || types.includes('text/*') };
}

const missingSession = (res: ServerResponse) =>
  // The SDK opens a transport for the request before refusing it: its id comes back, unusable.
  sendJson(res, 400, rpcError(null, -32600, 'Bad Request: Missing session ID'), { 'mcp-session-id': newSessionId() });

/** A reply as the gateway sends it: JSON, or one SSE `message` event when JSON_RESPONSE_ENABLED=false. */
function reply(ctx: TargetContext, res: ServerResponse, response: RpcResponse, headers: Record<string, string>): void {
  // Unknown methods are refused by the gateway itself, before the SDK: always JSON.
  const intercepted = 'error' in response && response.error.code === -32601;
  if (ctx.jsonResponse || intercepted) return sendJson(res, 200, response, headers);
  sendText(res, 200, `event: message\r\ndata: ${JSON.stringify(response)}\r\n\r\n`, 'text/event-stream', headers);
}

async function post(ctx: TargetContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    res.writeHead(400, { 'content-length': 27 });
    return void res.end('Invalid Content-Type header');
  }
  const { json, sse } = accepts(req);
  if (ctx.jsonResponse ? !json : !(json && sse)) {
    const wanted = ctx.jsonResponse ? 'application/json' : 'both application/json and text/event-stream';
    return sendJson(res, 406, rpcError(null, -32600, `Not Acceptable: Client must accept ${wanted}`));
  }
  const sent = ctx.statefulSessions ? sentSessionId(req) : undefined;
  if (sent !== undefined && !useSession(ctx, sent)) return sendJson(res, 404, rpcError(null, -32600, 'Session not found'));
  const body = await readBody(req);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return sendJson(res, 400, rpcError(null, -32700, `Parse error: ${(error as Error).message}`));
  }
  const message = (value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {}) as RpcRequest;
  const bad = value === message ? malformation(message) : 'input should be a valid dictionary (a JSON-RPC message)';
  if (isResponse(message as RpcResponse) && message.jsonrpc === '2.0') return sendText(res, 202, '', 'application/json');
  if (bad !== undefined) return sendJson(res, 400, rpcError(null, -32602, `Validation error: ${bad}`));
  const headers: Record<string, string> = sent === undefined ? {} : { 'mcp-session-id': sent };
  const id = idOf(message.id);
  if (id === null) return sendText(res, 202, '', 'application/json', headers);
  if (ctx.statefulSessions && sent === undefined) {
    if (message.method !== 'initialize') return missingSession(res);
    headers['mcp-session-id'] = openSession(ctx);
  }
  const fail = await injectFault(ctx, `MCP ${message.method as string}`);
  const response = fail ? rpcError(id, -32603, 'Internal error: injected fault') : dispatchRpc(message, gatewayTools, STREAMABLE_HTTP);
  if (response === undefined) return sendText(res, 202, '', 'application/json', headers);
  reply(ctx, res, response, headers);
}

function remove(ctx: TargetContext, req: IncomingMessage, res: ServerResponse): void {
  if (!ctx.statefulSessions) return sendJson(res, 405, rpcError(null, -32600, 'Method Not Allowed: Session termination not supported'));
  const sent = sentSessionId(req);
  if (sent === undefined) return missingSession(res);
  if (!endSession(ctx, sent)) return sendJson(res, 404, { detail: 'Session not found' });
  sendJson(res, 200, { jsonrpc: '2.0', result: {} });
}

/** GET: the server-to-client stream of a stateful session (held open, nothing to send); 405 without one. */
function listen(ctx: TargetContext, req: IncomingMessage, res: ServerResponse): void {
  const allow = { allow: 'POST, DELETE' };
  if (!ctx.statefulSessions) return sendJson(res, 405, { detail: 'Stateful sessions disabled on this gateway; passive SSE stream is not available.' }, allow);
  const sent = sentSessionId(req);
  if (sent === undefined) return sendJson(res, 405, { detail: 'Passive SSE stream requires an Mcp-Session-Id from a prior initialize.' }, allow);
  if (!useSession(ctx, sent)) return sendJson(res, 404, { detail: 'Session not found' });
  if (!accepts(req).sse) return sendJson(res, 406, rpcError(null, -32600, 'Not Acceptable: Client must accept text/event-stream'));
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, private', connection: 'keep-alive' });
  res.flushHeaders();
  req.on('close', () => useSession(ctx, sent));
}

/** MCP Streamable HTTP at /servers/{id}/mcp (and the unscoped /mcp), stateless JSON by default like the gateway. */
export const mcpRoute: Route = async (ctx, req, res, path) => {
  const match = MCP_PATH.exec(path);
  if (match === null) return false;
  if (!hasBearer(req, ctx.token)) return (unauthorized(res, 'mcp'), true);
  const versionError = protocolVersionError(req.headers['mcp-protocol-version']);
  if (versionError !== undefined) return (sendJson(res, 400, versionError), true);
  if (match[1] !== undefined && !servesServer(ctx, match[1])) return (sendJson(res, 404, { detail: 'Server not found' }), true);
  if (req.method === 'POST') await post(ctx, req, res);
  else if (req.method === 'DELETE') remove(ctx, req, res);
  else if (req.method === 'GET') listen(ctx, req, res);
  else sendJson(res, 405, rpcError(null, -32600, 'Method Not Allowed'), { allow: 'GET, POST, DELETE' });
  return true;
};
