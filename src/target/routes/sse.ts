import { randomUUID } from 'node:crypto';

import type { Route } from '../context.js';
import { injectFault, servesServer } from '../context.js';
import { hasBearer, readBody, sendJson, unauthorized } from '../http-util.js';
import { SSE_MESSAGE } from '../dialects.js';
import { dispatchRpc, gatewayTools, type RpcRequest } from '../json-rpc.js';
import { sseFrame, SseStream } from '../sse-stream.js';

const SSE_PATH = /^\/servers\/([^/]+)\/sse\/?$|^\/sse\/?$/;
const MESSAGE_PATH = /^\/servers\/([^/]+)\/message\/?$|^\/message\/?$/;

/** The gateway's headers on a stream (its security middleware makes every API answer uncacheable). */
const STREAM_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-store, private',
  pragma: 'no-cache',
  expires: '0',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-mcp-sse': 'true',
};

/** After an initialize, the gateway's session also announces itself and the three lists as changed. */
const AFTER_INITIALIZE = ['initialized', 'tools/list_changed', 'resources/list_changed', 'prompts/list_changed'];

/**
 * Legacy HTTP+SSE transport: `endpoint` (a dashed UUID session id) and a `keepalive` first, then keepalives,
 * comment pings and the answers to POST /message, delivered at the gateway's poll times (sse-stream.ts).
 */
export const sseRoute: Route = async (ctx, req, res, path, url) => {
  const match = SSE_PATH.exec(path);
  if (match === null || req.method !== 'GET') return false;
  if (!hasBearer(req, ctx.token)) return (unauthorized(res), true);
  if (match[1] !== undefined && !servesServer(ctx, match[1])) {
    return (sendJson(res, 404, { detail: `Server not found: ${match[1]}` }), true);
  }
  if (await injectFault(ctx, 'SSE connect')) return (sendJson(res, 503, { detail: 'injected fault' }), true);
  const sessionId = randomUUID();
  const messagePath = match[1] === undefined ? '/message' : `/servers/${match[1]}/message`;
  res.writeHead(200, STREAM_HEADERS);
  res.write(sseFrame('endpoint', `${url.origin}${messagePath}?session_id=${sessionId}`) + sseFrame('keepalive', '{}'));
  const stream = new SseStream(res, ctx.sse, ctx.timers);
  ctx.sseStreams.set(sessionId, stream);
  req.on('close', () => {
    stream.close();
    ctx.sseStreams.delete(sessionId);
  });
  return true;
};

/** The frames a posted message puts on the stream: only requests (method and id) are answered; errors become `result: {}`. */
function answerFrames(message: unknown): string[] {
  if (message === null || typeof message !== 'object' || Array.isArray(message) || !('method' in message) || !('id' in message)) return [];
  const request = message as RpcRequest;
  const response = dispatchRpc(request, gatewayTools, SSE_MESSAGE);
  const result = response !== undefined && 'result' in response ? response.result : {};
  const frames = [sseFrame('message', JSON.stringify({ jsonrpc: '2.0', result, id: request.id ?? null }))];
  if (request.method === 'initialize') {
    for (const name of AFTER_INITIALIZE) frames.push(sseFrame('message', JSON.stringify({ jsonrpc: '2.0', method: `notifications/${name}`, params: {} })));
  }
  return frames;
}

export const sseMessageRoute: Route = async (ctx, req, res, path, url) => {
  if (!MESSAGE_PATH.test(path) || req.method !== 'POST') return false;
  if (!hasBearer(req, ctx.token)) return (unauthorized(res), true);
  const stream = ctx.sseStreams.get(url.searchParams.get('session_id') ?? '');
  if (stream === undefined) return (sendJson(res, 404, { detail: 'Session not found' }), true);
  let message: unknown;
  try {
    message = JSON.parse(await readBody(req));
  } catch {
    return (sendJson(res, 400, { detail: 'Invalid JSON in request body' }), true);
  }
  sendJson(res, 202, { status: 'success' });
  stream.post(answerFrames(message));
  return true;
};
