import { expect } from 'vitest';
import type WebSocket from 'ws';

import type { ConformanceCase, Endpoint } from '../case.js';
import { recordWs, SHORT_STREAM_TIMINGS, upgrade } from '../streams.js';

/** ws: what the real gateway answers (see test/conformance/case.ts). */
const BAD_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.bm90LWEtc2lnbmF0dXJl';

/** The upgrade is refused the way uvicorn refuses it: HTTP 403, an empty text/plain body, no WebSocket. */
const refusedCase = (name: string, url: (e: Endpoint) => string, headers: (e: Endpoint) => Record<string, string>): ConformanceCase => ({
  area: 'ws',
  name,
  covers: ['D26'],
  run: async (e) => {
    const result = await upgrade(url(e), headers(e));
    if (result.kind === 'open') result.ws.terminate();
    expect(result.kind, `${e.kind}: the upgrade of ${url(e)} was accepted`).toBe('refused');
    if (result.kind !== 'refused') return;
    expect(result.status).toBe(403);
    expect(result.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(result.headers['content-length']).toBe('0');
    expect(result.body).toBe('');
  },
});

async function withWs(e: Endpoint, autoPong: boolean, body: (ws: WebSocket, events: ReturnType<typeof recordWs>) => Promise<void>): Promise<void> {
  const result = await upgrade(e.wsUrl, { authorization: `Bearer ${e.token}` }, { autoPong });
  if (result.kind !== 'open') throw new Error(`${e.kind}: upgrade refused with ${result.status}`);
  const events = recordWs(result.ws);
  try {
    await body(result.ws, events);
  } finally {
    result.ws.terminate();
  }
}

const reply = async (ws: WebSocket, events: ReturnType<typeof recordWs>, text: string): Promise<unknown> => {
  ws.send(text);
  const m = await events.next('message', 10_000);
  return JSON.parse((m as { text: string }).text);
};

export const wsCases: readonly ConformanceCase[] = [
  refusedCase('GET /ws without a token: the upgrade is refused with HTTP 403', (e) => e.wsUrl, () => ({})),
  refusedCase('GET /ws with a token the gateway did not issue: HTTP 403', (e) => e.wsUrl, () => ({ authorization: `Bearer ${BAD_TOKEN}` })),
  refusedCase('GET /v1/ws with a valid token: HTTP 403 (the relay is served at /ws only)', (e) => e.wsUrl.replace(/\/ws$/, '/v1/ws'), (e) => ({ authorization: `Bearer ${e.token}` })),
  {
    area: 'ws',
    name: '/ws relays JSON-RPC: ping → result {}; a frame that is not JSON → -32700 "Parse error" with id null',
    run: (e) =>
      withWs(e, true, async (ws, events) => {
        expect(await reply(ws, events, JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }))).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
        expect(await reply(ws, events, 'not json')).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
      }),
  },
  {
    area: 'ws',
    name: '/ws answers a notification frame too: result {} with a random UUID as id (the relay forwards /rpc\'s answer)',
    run: (e) =>
      withWs(e, true, async (ws, events) => {
        expect(await reply(ws, events, JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }))).toEqual({
          jsonrpc: '2.0',
          result: {},
          id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
        });
      }),
  },
  {
    area: 'ws',
    name: '/ws closes with 1011 on a binary frame (the relay reads text frames only)',
    run: (e) =>
      withWs(e, true, async (ws, events) => {
        ws.send(Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' })), { binary: true });
        expect(await events.next('close', 10_000)).toMatchObject({ code: 1011 });
        expect(events.events.filter((x) => x.kind === 'message')).toEqual([]);
      }),
  },
  {
    area: 'ws',
    name: 'UVICORN_WS_PING_INTERVAL=2, _TIMEOUT=1: a 4-byte ping 2 s after the upgrade; no pong → close 1011 "keepalive ping timeout" 1 s later',
    covers: ['D28'],
    settings: SHORT_STREAM_TIMINGS,
    timeoutMs: 20_000,
    run: (e) =>
      withWs(e, false, async (_ws, events) => {
        const ping = await events.next('ping', 6000);
        expect(ping.kind === 'ping' && ping.payload.length).toBe(4);
        expect(ping.at).toBeGreaterThanOrEqual(1500);
        expect(ping.at).toBeLessThan(4000);
        const close = await events.next('close', 6000);
        expect(close).toMatchObject({ code: 1011, reason: 'keepalive ping timeout' });
        expect(close.at - ping.at).toBeGreaterThanOrEqual(800);
        expect(close.at - ping.at).toBeLessThan(2500);
      }),
  },
  {
    area: 'ws',
    name: 'UVICORN_WS_PING_INTERVAL=2, _TIMEOUT=1: a client that answers pings stays connected, pinged every 2 s, and is still answered',
    covers: ['D28'],
    settings: SHORT_STREAM_TIMINGS,
    timeoutMs: 20_000,
    run: (e) =>
      withWs(e, true, async (ws, events) => {
        const first = await events.next('ping', 6000);
        const second = await events.next('ping', 6000);
        const third = await events.next('ping', 6000);
        expect(second.at - first.at).toBeGreaterThanOrEqual(1500);
        expect(third.at - second.at).toBeLessThan(3500);
        expect(await reply(ws, events, JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }))).toEqual({ jsonrpc: '2.0', id: 2, result: {} });
        expect(events.events.filter((x) => x.kind === 'close')).toEqual([]);
      }),
  },
];
