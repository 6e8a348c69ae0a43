import { expect } from 'vitest';

import { exchange, type ConformanceCase, type Endpoint, type Expected } from '../case.js';
import { call, MCP_ACCEPT, MCP_CAPABILITIES, mcpPost } from './mcp-common.js';

/** mcp: stateful sessions (USE_STATEFUL_SESSIONS=true) and SSE-framed replies (JSON_RESPONSE_ENABLED=false). */
const STATEFUL = { USE_STATEFUL_SESSIONS: 'true' } as const;
const SSE_REPLIES = { JSON_RESPONSE_ENABLED: 'false' } as const;
const SESSION_ID = /^[0-9a-f]{32}$/;

const initialize = call('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'conformance', version: '1' } });

/** initialize in stateful mode: the session id the gateway issued. */
async function openSession(e: Endpoint): Promise<string> {
  const answer = await exchange(e, mcpPost(initialize)(e), { status: 200, headers: { 'mcp-session-id': SESSION_ID }, json: { id: 1, result: { protocolVersion: '2025-06-18' } } });
  return answer.headers['mcp-session-id']!;
}

const sessionError = (status: number, message: string): Expected => ({
  status,
  contentType: 'application/json',
  jsonEquals: { jsonrpc: '2.0', id: null, error: { code: -32600, message } },
});

const stateful = (name: string, run: (e: Endpoint) => Promise<void>, covers: readonly string[] = ['D18']): ConformanceCase => ({ area: 'mcp', name: `stateful: ${name}`, covers, settings: STATEFUL, run });

const statefulCases: readonly ConformanceCase[] = [
  stateful('initialize issues a 32-hex Mcp-Session-Id; calls with it answer and echo it, before and after notifications/initialized', async (e) => {
    const id = await openSession(e);
    const withSession = { 'mcp-session-id': id };
    await exchange(e, mcpPost(call('tools/list', {}, 2), withSession)(e), { status: 200, headers: withSession, json: { id: 2, result: { tools: expect.any(Array) } } });
    await exchange(e, mcpPost({ jsonrpc: '2.0', method: 'notifications/initialized' }, withSession)(e), { status: 202, headers: withSession, text: '' });
    await exchange(e, mcpPost(call('ping', undefined, 3), withSession)(e), { status: 200, headers: withSession, jsonEquals: { jsonrpc: '2.0', id: 3, result: {} } });
  }),
  stateful('a request without Mcp-Session-Id is 400 "Bad Request: Missing session ID" with id null (and a fresh, unusable session id)', async (e) => {
    const answer = await exchange(e, mcpPost(call('ping', undefined, 5))(e), { ...sessionError(400, 'Bad Request: Missing session ID'), headers: { 'mcp-session-id': SESSION_ID } });
    const issued = answer.headers['mcp-session-id']!;
    await exchange(e, mcpPost(call('ping', undefined, 6), { 'mcp-session-id': issued })(e), sessionError(404, 'Session not found'));
  }),
  stateful('an unknown or empty Mcp-Session-Id is 404 "Session not found" in a JSON-RPC envelope, initialize included', async (e) => {
    await exchange(e, mcpPost(call('ping', undefined, 5), { 'mcp-session-id': 'f'.repeat(32) })(e), sessionError(404, 'Session not found'));
    await exchange(e, mcpPost(call('ping', undefined, 5), { 'mcp-session-id': '' })(e), sessionError(404, 'Session not found'));
    await exchange(e, mcpPost(initialize, { 'mcp-session-id': 'f'.repeat(32) })(e), sessionError(404, 'Session not found'));
  }),
  stateful('a notification without Mcp-Session-Id is 202', async (e) => {
    await exchange(e, mcpPost({ jsonrpc: '2.0', method: 'notifications/initialized' })(e), { status: 202, headers: { 'mcp-session-id': null }, text: '' });
  }),
  stateful('DELETE with the session is 200 {"jsonrpc":"2.0","result":{}}', async (e) => {
    const id = await openSession(e);
    await exchange(e, { path: `/servers/${e.serverId}/mcp`, method: 'DELETE', headers: { accept: MCP_ACCEPT, 'mcp-session-id': id } },
      { status: 200, contentType: 'application/json', jsonEquals: { jsonrpc: '2.0', result: {} } });
  }),
  stateful('DELETE of an unknown session is 404 {"detail":"Session not found"}; without a session 400 "Missing session ID"', async (e) => {
    const path = `/servers/${e.serverId}/mcp`;
    await exchange(e, { path, method: 'DELETE', headers: { accept: MCP_ACCEPT, 'mcp-session-id': 'f'.repeat(32) } }, { status: 404, jsonEquals: { detail: 'Session not found' } });
    await exchange(e, { path, method: 'DELETE', headers: { accept: MCP_ACCEPT } }, sessionError(400, 'Bad Request: Missing session ID'));
  }),
  stateful('GET without a session is 405 "requires an Mcp-Session-Id"; with an unknown one 404; with its session an event stream', async (e) => {
    const path = `/servers/${e.serverId}/mcp`;
    await exchange(e, { path, headers: { accept: MCP_ACCEPT } }, { status: 405, headers: { allow: 'POST, DELETE' }, jsonEquals: { detail: 'Passive SSE stream requires an Mcp-Session-Id from a prior initialize.' } });
    await exchange(e, { path, headers: { accept: MCP_ACCEPT, 'mcp-session-id': 'f'.repeat(32) } }, { status: 404, jsonEquals: { detail: 'Session not found' } });
    const id = await openSession(e);
    // The stream stays open: read the head only, then hang up. Right after initialize the gateway's workers may not
    // all know the session or its owner yet (404 "Session not found", 403 "Session owner…"): a client retries, so
    // does the case, for up to 2 s.
    const abort = new AbortController();
    try {
      let stream: Response | undefined;
      for (let attempt = 0; attempt < 10; attempt += 1) {
        stream = await fetch(`${e.url}${path}`, { headers: { authorization: `Bearer ${e.token}`, accept: MCP_ACCEPT, 'mcp-session-id': id }, signal: abort.signal });
        if (stream.status !== 403 && stream.status !== 404) break;
        expect(await stream.json()).toEqual({ detail: stream.status === 403 ? expect.stringMatching(/^Session own/) : 'Session not found' });
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(stream!.status).toBe(200);
      expect(stream!.headers.get('content-type')).toMatch(/^text\/event-stream/);
    } finally {
      abort.abort();
    }
  }, ['D17', 'D18']),
];

/** The data of the one `message` event of an SSE-framed reply. */
function eventData(text: string): unknown {
  const frame = /^event: message\r\ndata: (.+)\r\n\r\n$/.exec(text);
  expect(frame, `one SSE message event, got ${JSON.stringify(text.slice(0, 200))}`).not.toBeNull();
  return JSON.parse(frame![1]!);
}

const sseReplies = (name: string, run: (e: Endpoint) => Promise<void>): ConformanceCase => ({ area: 'mcp', name: `SSE replies: ${name}`, covers: ['D19'], settings: SSE_REPLIES, run });
const sse: Expected = { status: 200, contentType: 'text/event-stream' };

const sseReplyCases: readonly ConformanceCase[] = [
  sseReplies('initialize and ping answer one "event: message" with the JSON-RPC reply', async (e) => {
    const hello = await exchange(e, mcpPost(initialize)(e), sse);
    expect(eventData(hello.text)).toEqual({ jsonrpc: '2.0', id: 1, result: { capabilities: MCP_CAPABILITIES, protocolVersion: '2025-06-18', serverInfo: { name: 'ContextForge', version: '1.1.0' } } });
    const ping = await exchange(e, mcpPost(call('ping', undefined, 5))(e), sse);
    expect(eventData(ping.text)).toEqual({ jsonrpc: '2.0', id: 5, result: {} });
  }),
  sseReplies('an unknown tool is an SSE event with isError', async (e) => {
    const answer = await exchange(e, mcpPost(call('tools/call', { name: 'nope', arguments: {} }))(e), sse);
    expect(eventData(answer.text)).toEqual({ jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'Unknown tool: nope' }], isError: true } });
  }),
  sseReplies('an unknown method is still plain JSON -32601', async (e) => {
    await exchange(e, mcpPost(call('x/y'))(e), { status: 200, contentType: 'application/json', jsonEquals: { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found: x/y' } } });
  }),
  sseReplies('Accept with only one of the two types is 406 "Client must accept both …"; */* is enough', async (e) => {
    const refused: Expected = { status: 406, jsonEquals: { jsonrpc: '2.0', id: null, error: { code: -32600, message: 'Not Acceptable: Client must accept both application/json and text/event-stream' } } };
    await exchange(e, mcpPost(call('ping'), { accept: 'application/json' })(e), refused);
    await exchange(e, mcpPost(call('ping'), { accept: 'text/event-stream' })(e), refused);
    const any = await exchange(e, mcpPost(call('ping'), { accept: '*/*' })(e), sse);
    expect(eventData(any.text)).toEqual({ jsonrpc: '2.0', id: 1, result: {} });
  }),
  sseReplies('a notification is 202 with an empty body', async (e) => {
    await exchange(e, mcpPost({ jsonrpc: '2.0', method: 'notifications/initialized' })(e), { status: 202, text: '' });
  }),
];

export const mcpSessionCases: readonly ConformanceCase[] = [...statefulCases, ...sseReplyCases];
