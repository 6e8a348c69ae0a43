import { randomUUID } from 'node:crypto';

import type { Route } from '../context.js';
import { injectFault } from '../context.js';
import { hasBearer, readBody, sendJson, unauthorized } from '../http-util.js';
import { SSE_MESSAGE } from '../dialects.js';
import { dispatchRpc, gatewayTools, isResponse, parseRpc } from '../json-rpc.js';

const SSE_PATH = /^\/servers\/([^/]+)\/sse\/?$|^\/sse\/?$/;
const MESSAGE_PATH = /^\/servers\/([^/]+)\/message\/?$|^\/message\/?$/;

const frame = (event: string, data: string) => `event: ${event}\r\ndata: ${data}\r\nretry: 5000\r\n\r\n`;

/** Legacy HTTP+SSE transport: `endpoint` first, then `keepalive` events; answers to POST /message arrive as `message`. */
export const sseRoute: Route = async (ctx, req, res, path, url) => {
  const match = SSE_PATH.exec(path);
  if (match === null || req.method !== 'GET') return false;
  if (!hasBearer(req, ctx.token)) return (unauthorized(res), true);
  if (match[1] !== undefined && match[1].replaceAll('-', '') !== ctx.serverId) {
    return (sendJson(res, 404, { detail: `Server not found: ${match[1]}` }), true);
  }
  if (await injectFault(ctx, 'SSE connect')) return (sendJson(res, 503, { detail: 'injected fault' }), true);
  const sessionId = randomUUID().replaceAll('-', '');
  const messagePath = match[1] === undefined ? '/message' : `/servers/${match[1]}/message`;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.write(frame('endpoint', `${url.origin}${messagePath}?session_id=${sessionId}`));
  res.write(frame('keepalive', '{}'));
  const timer = setInterval(() => res.write(frame('keepalive', '{}')), ctx.sseKeepaliveMs);
  ctx.timers.add(timer);
  ctx.sseStreams.set(sessionId, res);
  req.on('close', () => {
    clearInterval(timer);
    ctx.timers.delete(timer);
    ctx.sseStreams.delete(sessionId);
  });
  return true;
};

export const sseMessageRoute: Route = async (ctx, req, res, path, url) => {
  if (!MESSAGE_PATH.test(path) || req.method !== 'POST') return false;
  if (!hasBearer(req, ctx.token)) return (unauthorized(res), true);
  const stream = ctx.sseStreams.get(url.searchParams.get('session_id') ?? '');
  if (stream === undefined) return (sendJson(res, 404, { detail: 'Session not found' }), true);
  const request = parseRpc(await readBody(req));
  const response = isResponse(request) ? request : dispatchRpc(request, gatewayTools, SSE_MESSAGE);
  sendJson(res, 202, { status: 'success' });
  if (response !== undefined) stream.write(frame('message', JSON.stringify(response)));
  return true;
};
