import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer, type WebSocket } from 'ws';

import type { TargetContext } from '../context.js';
import { injectFault } from '../context.js';
import { hasBearer, requestUrl } from '../http-util.js';
import { GATEWAY_RPC } from '../dialects.js';
import { dispatchRpc, gatewayTools, idOf, readRpc, rpcError } from '../json-rpc.js';

/** What uvicorn answers when the app closes a WebSocket before accepting it (no token, a bad one, an unknown path). */
function forbidden(socket: Duplex): void {
  socket.end(`HTTP/1.1 403 Forbidden\r\ndate: ${new Date().toUTCString()}\r\nconnection: close\r\ncontent-length: 0\r\ncontent-type: text/plain; charset=utf-8\r\n\r\n`);
}

/**
 * uvicorn's keepalive: a ping with a random 4-byte payload `interval` after the upgrade (and after each pong,
 * less its round trip); when no pong with that payload comes within `timeout`, close 1011 "keepalive ping
 * timeout" and close the connection at once. Returns the stopper.
 */
function keepAlive(ws: WebSocket, socket: Duplex, ctx: TargetContext): () => void {
  const { wsPingIntervalMs: intervalMs, wsPingTimeoutMs: timeoutMs, wsKeepalive: counts } = ctx;
  if (intervalMs <= 0) return () => undefined;
  let pending: Buffer | undefined;
  let sentAt = 0;
  let rttMs = 0;
  let pingTimer: NodeJS.Timeout | undefined;
  let pongTimer: NodeJS.Timeout | undefined;
  const schedule = () => {
    pingTimer = setTimeout(sendPing, Math.max(0, intervalMs - rttMs));
  };
  const sendPing = () => {
    pending = randomBytes(4);
    sentAt = Date.now();
    ws.ping(pending);
    counts.pings += 1;
    if (timeoutMs > 0) pongTimer = setTimeout(expire, timeoutMs);
    else schedule();
  };
  const expire = () => {
    pongTimer = undefined;
    pending = undefined;
    ws.close(1011, 'keepalive ping timeout');
    // The close frame is queued on the socket before the end: the peer reads it, then the connection closes.
    socket.end();
  };
  ws.on('pong', (data: Buffer) => {
    if (pending === undefined || !data.equals(pending)) return;
    rttMs = Date.now() - sentAt;
    counts.pongs += 1;
    pending = undefined;
    if (pongTimer === undefined) return;
    clearTimeout(pongTimer);
    pongTimer = undefined;
    schedule();
  });
  schedule();
  return () => {
    clearTimeout(pingTimer);
    clearTimeout(pongTimer);
  };
}

/**
 * The gateway's /ws relay: bearer token on the upgrade request (else HTTP 403, no upgrade), one JSON-RPC
 * request per text frame, one reply frame each, and uvicorn's ping keepalive. Returns the upgrade handler and a closer.
 */
export function webSocketRelay(ctx: TargetContext): { onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void; close: () => void } {
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A socket error before the handshake completes must not reach the process (ws listens only afterwards).
    socket.on('error', () => socket.destroy());
    // Only /ws: the gateway serves no /v1/ws.
    if (requestUrl(req, 'target')?.pathname !== '/ws' || !hasBearer(req, ctx.token)) return forbidden(socket);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Invalid frames (bad opcode, RSV bits, unmasked, bad UTF-8) close the connection with an error event: answered, not thrown.
      ws.on('error', () => ws.terminate());
      const stopKeepalive = keepAlive(ws, socket, ctx);
      ws.on('close', stopKeepalive);
      const answerFrame = async (text: string): Promise<void> => {
        const read = readRpc(text);
        if ('failure' in read) return ws.send(JSON.stringify(read.failure));
        const { request } = read;
        const method = typeof request.method === 'string' ? request.method : '';
        const fail = await injectFault(ctx, `WS ${method}`);
        const response = fail ? rpcError(idOf(request.id), -32603, 'Internal error: injected fault') : dispatchRpc(request, gatewayTools, GATEWAY_RPC);
        if (response !== undefined && ws.readyState === ws.OPEN) ws.send(JSON.stringify(response));
      };
      ws.on('message', (data, isBinary) => {
        // The gateway reads text frames only: a binary one ends its loop with close 1011.
        if (isBinary) return ws.close(1011);
        answerFrame(data.toString()).catch(() => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(rpcError(null, -32603, 'Internal error')));
        });
      });
    });
  };
  const close = () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
  };
  return { onUpgrade, close };
}
