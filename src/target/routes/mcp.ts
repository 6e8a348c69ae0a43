import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Route, TargetContext } from '../context.js';
import { injectFault, servesServer } from '../context.js';
import { hasBearer, readBody, sendJson, sendText, unauthorized } from '../http-util.js';
import type { RpcRequest, ToolDefinition } from '../json-rpc.js';
import { dispatchRpc, gatewayTools, isResponse, parseRpc, rpcError } from '../json-rpc.js';

const MCP_PATH = /^\/servers\/([^/]+)\/mcp\/?$|^\/mcp\/?$/;

/**
 * Answers one JSON-RPC POST body the way the gateway's transports do: the injected fault of `MCP <method>`
 * (or `<prefix> <method>`) first, then the dispatch. A notification gets 202 and no body.
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
  const response = fail ? rpcError(request.id, -32603, 'Internal error: injected fault') : dispatchRpc(request, options.tools, 'loadtest');
  if (response === undefined) return sendText(res, 202, '', 'text/plain', options.headers);
  sendJson(res, 200, response, options.headers);
}

/** Stateful mode (USE_STATEFUL_SESSIONS): checks Mcp-Session-Id; returns the headers to send, or undefined when it answered. */
function sessionHeaders(ctx: TargetContext, req: IncomingMessage, res: ServerResponse, request: RpcRequest): Record<string, string> | undefined {
  if (!ctx.statefulSessions) return {};
  const sent = req.headers['mcp-session-id'];
  if (request.method === 'initialize' && sent === undefined) {
    const id = randomUUID().replaceAll('-', '');
    ctx.mcpSessions.add(id);
    return { 'mcp-session-id': id };
  }
  if (typeof sent !== 'string') {
    sendJson(res, 400, rpcError(request.id, -32000, 'Bad Request: Missing session ID'));
    return undefined;
  }
  if (!ctx.mcpSessions.has(sent)) {
    sendJson(res, 404, { error: { message: 'Session not found' } });
    return undefined;
  }
  return { 'mcp-session-id': sent };
}

function endSession(ctx: TargetContext, req: IncomingMessage, res: ServerResponse): void {
  const sent = req.headers['mcp-session-id'];
  if (!ctx.statefulSessions) return sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: 'POST' });
  if (typeof sent === 'string' && ctx.mcpSessions.delete(sent)) return sendText(res, 200, '');
  sendJson(res, 404, { error: { message: 'Session not found' } });
}

/** MCP Streamable HTTP at /servers/{id}/mcp (and the unscoped /mcp), stateless JSON by default like the gateway. */
export const mcpRoute: Route = async (ctx, req, res, path) => {
  const match = MCP_PATH.exec(path);
  if (match === null) return false;
  if (!hasBearer(req, ctx.token)) return (unauthorized(res, 'mcp'), true);
  if (match[1] !== undefined && !servesServer(ctx, match[1])) {
    return (sendJson(res, 404, { detail: `Server not found: ${match[1]}` }), true);
  }
  if (req.method === 'DELETE') return (endSession(ctx, req, res), true);
  if (req.method !== 'POST') return (sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: 'POST, DELETE' }), true);
  if (!(req.headers['content-type'] ?? '').includes('application/json')) {
    return (sendJson(res, 415, rpcError(null, -32600, 'Unsupported Media Type: Content-Type must be application/json')), true);
  }
  if (!(req.headers.accept ?? '').includes('application/json')) {
    return (sendJson(res, 406, rpcError(null, -32600, 'Not Acceptable: Client must accept application/json')), true);
  }
  const body = await readBody(req);
  const request = parseRpc(body);
  const headers = isResponse(request) ? {} : sessionHeaders(ctx, req, res, request);
  if (headers !== undefined) await answerRpcPost(ctx, res, body, { routePrefix: 'MCP', tools: gatewayTools, headers });
  return true;
};

/** POST /rpc: JSON-RPC over plain HTTP (errors are 200s with an error object, as on the gateway). */
export const rpcRoute: Route = async (ctx, req, res, path) => {
  if (path !== '/rpc' && path !== '/rpc/') return false;
  if (!hasBearer(req, ctx.token)) return (unauthorized(res), true);
  if (req.method !== 'POST') return (sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: 'POST' }), true);
  await answerRpcPost(ctx, res, await readBody(req), { routePrefix: 'RPC', tools: gatewayTools });
  return true;
};
