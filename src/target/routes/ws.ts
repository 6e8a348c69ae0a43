import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { WebSocketServer } from 'ws';

import type { TargetContext } from '../context.js';
import { injectFault } from '../context.js';
import { hasBearer, requestUrl } from '../http-util.js';
import { GATEWAY_RPC } from '../dialects.js';
import { dispatchRpc, gatewayTools, idOf, readRpc, rpcError } from '../json-rpc.js';

/**
 * The gateway's /ws relay: bearer token on the upgrade request (else the socket is closed with 1008), one
 * JSON-RPC request per text frame, one reply frame each. Returns the upgrade handler and a closer.
 */
export function webSocketRelay(ctx: TargetContext): { onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void; close: () => void } {
  const wss = new WebSocketServer({ noServer: true });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = requestUrl(req, 'target')?.pathname;
    if (path !== '/ws' && path !== '/v1/ws') return void socket.destroy();
    // A socket error before the handshake completes must not reach the process (ws listens only afterwards).
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(req, socket, head, (ws) => {
      // Invalid frames (bad opcode, RSV bits, unmasked, bad UTF-8) close the connection with an error event: answered, not thrown.
      ws.on('error', () => ws.terminate());
      if (!hasBearer(req, ctx.token)) return ws.close(1008, 'Authentication failed');
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
        answerFrame(isBinary ? '' : data.toString()).catch(() => {
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
