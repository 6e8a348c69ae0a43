import { expect } from 'vitest';

import { requestCase, type ConformanceCase, type Endpoint } from '../case.js';
import { messageOf, postMessage, SHORT_STREAM_TIMINGS, withSse, type SseSession } from '../streams.js';

/** sse: what the real gateway answers (see test/conformance/case.ts). The plan opens streams under API_PREFIX (/v1). */
const ssePath = (e: Endpoint) => `/v1/servers/${e.serverId}/sse`;
const UUID4 = '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const KEEPALIVE = 'event: keepalive\r\ndata: {}\r\nretry: 5000';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The message endpoint of the stream's first frame (the session's URL, legacy path even under /v1). */
async function endpointUrl(e: Endpoint, s: SseSession): Promise<string> {
  const first = await s.next(/^event: endpoint/, 0, 10_000);
  return /^event: endpoint\r\ndata: (\S+)\r\nretry: 5000$/.exec(first.raw)![1]!;
}

export const sseCases: readonly ConformanceCase[] = [
  {
    area: 'sse',
    name: 'GET /v1/servers/<id>/sse: 200 text/event-stream, uncacheable, endpoint with a dashed UUID session id and a keepalive at once',
    covers: ['D22', 'D25'],
    run: (e) =>
      withSse(e, ssePath(e), async (s) => {
        expect(s.status).toBe(200);
        expect(s.headers).toMatchObject({
          'content-type': 'text/event-stream',
          'cache-control': 'no-store, private',
          pragma: 'no-cache',
          expires: '0',
          'x-accel-buffering': 'no',
          'x-mcp-sse': 'true',
        });
        const keepalive = await s.next(/^event: keepalive/, 0, 10_000);
        expect(keepalive.index).toBe(1);
        expect(s.frames[0]!.raw).toMatch(new RegExp(`^event: endpoint\\r\\ndata: ${escape(e.url)}/servers/${e.serverId}/message\\?session_id=${UUID4}\\r\\nretry: 5000$`));
        expect(keepalive.raw).toBe(KEEPALIVE);
      }),
  },
  {
    area: 'sse',
    name: 'a held stream: the next keepalive only after 30 s (SSE_KEEPALIVE_INTERVAL); a ": ping - <UTC time>" comment every 15 s',
    covers: ['D23'],
    timeoutMs: 40_000,
    run: (e) =>
      withSse(e, ssePath(e), async (s) => {
        await s.next(/^event: keepalive/, 0, 10_000);
        const ping = await s.next(/^:/, 2, 20_000);
        expect(ping.raw).toMatch(/^: ping - \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
        expect(ping.at).toBeGreaterThanOrEqual(14_000);
        expect(ping.at).toBeLessThan(17_500);
        // Nothing else came in those 15 s: no keepalive before 30 s.
        expect(ping.index).toBe(2);
        expect(s.frames.slice(0, 3).map((f) => f.raw.split('\r\n')[0])).toEqual([expect.stringMatching(/^event: endpoint/), 'event: keepalive', expect.stringMatching(/^: ping/)]);
      }),
  },
  {
    area: 'sse',
    name: 'POST to the session: 202 {"status":"success"}; answers come on the stream one per poll, errors as result {}, nothing for notifications and responses',
    covers: ['D24'],
    run: (e) =>
      withSse(e, ssePath(e), async (s) => {
        const url = await endpointUrl(e, s);
        const posted = [];
        for (const body of [
          { jsonrpc: '2.0', method: 'notifications/initialized' },
          { jsonrpc: '2.0', id: 99, result: {} },
          { jsonrpc: '2.0', id: 11, method: 'ping' },
          { jsonrpc: '2.0', id: 12, method: 'x/y' },
          { jsonrpc: '2.0', id: 13, method: 'tools/list' },
        ]) posted.push(await postMessage(e, url, body));
        for (const p of posted) expect(p).toEqual({ status: 202, contentType: 'application/json', text: '{"status":"success"}' });
        const postedAt = s.now();
        const answers = [];
        for (let from = 2, i = 0; i < 3; i++) {
          const frame = await s.next(/^event: message/, from, 10_000);
          answers.push(frame);
          from = frame.index + 1;
        }
        expect(messageOf(answers[0]!)).toEqual({ jsonrpc: '2.0', result: {}, id: 11 });
        expect(messageOf(answers[1]!)).toEqual({ jsonrpc: '2.0', result: {}, id: 12 });
        expect(messageOf(answers[2]!)).toMatchObject({ jsonrpc: '2.0', id: 13, result: { tools: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]) } });
        // Delivered by a poll of the session (POLL_INTERVAL=0.1 s after a delivery), not written at once.
        expect(answers[1]!.at - answers[0]!.at).toBeGreaterThanOrEqual(90);
        expect(answers[2]!.at - answers[1]!.at).toBeGreaterThanOrEqual(90);
        expect(answers[2]!.at - postedAt).toBeLessThan(5000);
        expect(s.frames.filter((f) => f.raw.startsWith('event: message'))).toHaveLength(3);
      }),
  },
  {
    area: 'sse',
    name: 'initialize over SSE: the result, then notifications/initialized and the three list_changed notifications',
    covers: ['D24'],
    run: (e) =>
      withSse(e, ssePath(e), async (s) => {
        const url = await endpointUrl(e, s);
        const init = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'conformance', version: '1' } } };
        expect((await postMessage(e, url, init)).status).toBe(202);
        const messages = [];
        for (let from = 2; messages.length < 5; ) {
          const frame = await s.next(/^event: message/, from, 10_000);
          messages.push(messageOf(frame));
          from = frame.index + 1;
        }
        expect(messages[0]).toMatchObject({ jsonrpc: '2.0', id: 1, result: { protocolVersion: '2025-06-18', serverInfo: expect.any(Object) } });
        expect(messages.slice(1)).toEqual(
          ['initialized', 'tools/list_changed', 'resources/list_changed', 'prompts/list_changed'].map((n) => ({ jsonrpc: '2.0', method: `notifications/${n}`, params: {} })),
        );
      }),
  },
  {
    area: 'sse',
    name: 'POST to the session with a body that is not JSON: 400 {"detail":"Invalid JSON in request body"}',
    run: (e) =>
      withSse(e, ssePath(e), async (s) => {
        const url = await endpointUrl(e, s);
        expect(await postMessage(e, url, '{not json')).toEqual({ status: 400, contentType: 'application/json', text: '{"detail":"Invalid JSON in request body"}' });
      }),
  },
  requestCase(
    'sse',
    'POST /servers/<id>/message with an unknown session: 404 {"detail":"Session not found"}',
    (e) => ({ path: `/servers/${e.serverId}/message?session_id=nope`, body: { jsonrpc: '2.0', id: 1, method: 'ping' } }),
    { status: 404, contentType: 'application/json', jsonEquals: { detail: 'Session not found' } },
  ),
  requestCase(
    'sse',
    'GET /v1/servers/<unknown id>/sse: 404 {"detail":"Server not found: <id>"}',
    { path: `/v1/servers/${'0'.repeat(32)}/sse`, headers: { accept: 'text/event-stream' } },
    { status: 404, contentType: 'application/json', jsonEquals: { detail: `Server not found: ${'0'.repeat(32)}` } },
  ),
  {
    area: 'sse',
    name: 'SSE_KEEPALIVE_INTERVAL=2: a keepalive after 2 s without an event, counted again from each delivered message',
    covers: ['D23'],
    settings: SHORT_STREAM_TIMINGS,
    timeoutMs: 30_000,
    run: (e) =>
      withSse(e, ssePath(e), async (s) => {
        const url = await endpointUrl(e, s);
        const first = await s.next(/^event: keepalive/, 2, 6000);
        expect(first.at).toBeGreaterThanOrEqual(1500);
        expect(first.at).toBeLessThan(3500);
        // One second after that keepalive: without the reset the next keepalive would come 1 s later.
        await new Promise((r) => setTimeout(r, 1000));
        expect((await postMessage(e, url, { jsonrpc: '2.0', id: 5, method: 'ping' })).status).toBe(202);
        const answer = await s.next(/^event: message/, first.index + 1, 5000);
        const next = await s.next(/^event: keepalive/, first.index + 1, 6000);
        expect(next.index, JSON.stringify(s.frames)).toBeGreaterThan(answer.index);
        expect(next.at - answer.at).toBeGreaterThanOrEqual(1700);
        expect(next.at - answer.at).toBeLessThan(3000);
      }),
  },
];
