import type { Route } from '../context.js';
import { injectFault } from '../context.js';
import { GATEWAY_RPC, protocolVersionError } from '../dialects.js';
import { hasBearer, readBody, sendJson, unauthorized } from '../http-util.js';
import { dispatchRpc, gatewayTools, idOf, readRpc, rpcError } from '../json-rpc.js';

/**
 * POST /rpc: the gateway's own JSON-RPC handler (the /ws relay forwards each frame to it). Errors are 200s with
 * an error object, except a body that is not JSON (400); a message without an id is answered like a request.
 */
export const rpcRoute: Route = async (ctx, req, res, path) => {
  if (path !== '/rpc' && path !== '/rpc/') return false;
  const versionError = protocolVersionError(req.headers['mcp-protocol-version']);
  if (versionError !== undefined) return (sendJson(res, 400, versionError), true);
  if (!hasBearer(req, ctx.token)) return (unauthorized(res), true);
  if (req.method !== 'POST') return (sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: 'POST' }), true);
  const read = readRpc(await readBody(req));
  if ('failure' in read) return (sendJson(res, 'error' in read.failure && read.failure.error.code === -32700 ? 400 : 200, read.failure), true);
  const { request } = read;
  const method = typeof request.method === 'string' ? request.method : '';
  const fail = await injectFault(ctx, `RPC ${method}`);
  const response = fail ? rpcError(idOf(request.id), -32603, 'Internal error: injected fault') : dispatchRpc(request, gatewayTools, GATEWAY_RPC);
  sendJson(res, 200, response ?? rpcError(null, -32603, 'Internal error'));
  return true;
};
