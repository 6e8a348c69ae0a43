import { expect } from 'vitest';
import WebSocket from 'ws';

import { exchange, type ConformanceCase, type Endpoint, type Expected, type Request } from '../case.js';
import { call } from './mcp-common.js';

/** mcp: POST /rpc, the gateway's own JSON-RPC handler, and the /ws relay that forwards each frame to it. */
const rpcPost = (body: unknown, more: Partial<Request> = {}): Request => ({ path: '/rpc', method: 'POST', body, ...more });

const failure = (code: number, message: string, data?: unknown, id: number | null = 7): Expected => ({
  status: 200,
  contentType: 'application/json',
  jsonEquals: { jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } },
});

const r = (name: string, request: Request, expected: Expected, covers?: readonly string[]): ConformanceCase => ({
  area: 'mcp',
  name: `/rpc: ${name}`,
  ...(covers === undefined ? {} : { covers }),
  run: (e) => exchange(e, request, expected).then(() => undefined),
});

const RPC_CAPABILITIES = { prompts: { listChanged: true }, resources: { subscribe: true, listChanged: true }, tools: { listChanged: true }, logging: {}, completions: {} };

/** Sends JSON-RPC text frames to /ws with the token, one reply read per frame. */
async function overWebSocket(e: Endpoint, frames: readonly string[]): Promise<unknown[]> {
  const ws = new WebSocket(e.wsUrl, { headers: { authorization: `Bearer ${e.token}` } });
  try {
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const replies: unknown[] = [];
    for (const frame of frames) {
      const reply = new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`/ws: no reply to ${frame} within 10 s`)), 10_000);
        ws.once('message', (data) => {
          clearTimeout(timer);
          resolve(data.toString());
        });
      });
      ws.send(frame);
      replies.push(JSON.parse(await reply));
    }
    return replies;
  } finally {
    ws.terminate();
  }
}

/** Opens the virtual server's legacy SSE stream, POSTs each body to its endpoint, and collects the `message` events with an id. */
async function overSse(e: Endpoint, bodies: readonly unknown[]): Promise<Map<unknown, unknown>> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 15_000);
  const auth = { authorization: `Bearer ${e.token}` };
  try {
    const stream = await fetch(`${e.url}/servers/${e.serverId}/sse`, { headers: { ...auth, accept: 'text/event-stream' }, signal: abort.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const events = async function* () {
      for (;;) {
        const cut = buffer.search(/\r?\n\r?\n/);
        if (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
          const field = (name: string) => block.split(/\r?\n/).find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1).trim();
          yield { event: field('event') ?? 'message', data: field('data') ?? '' };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
      }
    };
    const replies = new Map<unknown, unknown>();
    for await (const { event, data } of events()) {
      if (event === 'endpoint') {
        for (const body of bodies) {
          const posted = await fetch(data.startsWith('http') ? data : `${e.url}${data}`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
          expect(posted.status).toBe(202);
        }
      } else if (event === 'message') {
        const message = JSON.parse(data) as { id?: unknown };
        if (message.id !== undefined) replies.set(message.id, message);
        if (replies.size === bodies.length) return replies;
      }
    }
    return replies;
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

export const rpcCases: readonly ConformanceCase[] = [
  r('ping answers an empty result with the request id', rpcPost(call('ping', undefined, 7)), { status: 200, contentType: 'application/json', jsonEquals: { jsonrpc: '2.0', id: 7, result: {} } }),
  r('an unknown tool is -32601 "Tool not found: <name>"', rpcPost(call('tools/call', { name: 'nope', arguments: {} }, 7)), failure(-32601, 'Tool not found: nope'), ['D27']),
  r('tools/call without a name is -32602 "Missing tool name in parameters"', rpcPost(call('tools/call', {}, 7)), failure(-32602, 'Missing tool name in parameters', {})),
  r('tools/call with params null is -32602 "Missing tool name in parameters"', rpcPost({ jsonrpc: '2.0', id: 7, method: 'tools/call', params: null }), failure(-32602, 'Missing tool name in parameters', {})),
  r('resources/read without a uri is -32602 "Missing resource URI in parameters"', rpcPost(call('resources/read', {}, 7)), failure(-32602, 'Missing resource URI in parameters', {})),
  r('prompts/get without a name is -32602 "Missing prompt name in parameters"', rpcPost(call('prompts/get', {}, 7)), failure(-32602, 'Missing prompt name in parameters', {})),
  r('params that are a string are -32600 "Invalid Request"', rpcPost({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: 'x' }), failure(-32600, 'Invalid Request')),
  r('a client\'s JSON-RPC response is -32600 "Invalid Request" with its id', rpcPost({ jsonrpc: '2.0', id: 7, result: {} }), failure(-32600, 'Invalid Request')),
  r('an unknown method is -32601 "Method not found: <method>" with data {}', rpcPost(call('x/y', undefined, 7)), failure(-32601, 'Method not found: x/y', {})),
  r('an unknown resource is -32002 "Resource not found: <uri>" with data.uri', rpcPost(call('resources/read', { uri: 'file:///nope.txt' }, 7)),
    failure(-32002, 'Resource not found: file:///nope.txt', { uri: 'file:///nope.txt' }), ['D15']),
  r('an unknown prompt is -32002 "Prompt not found: <name>" with data.name', rpcPost(call('prompts/get', { name: 'nope' }, 7)), failure(-32002, 'Prompt not found: nope', { name: 'nope' }), ['D21']),
  r('a body that is not JSON is 400 -32700 "Parse error"', rpcPost('{not json', { headers: { 'content-type': 'application/json' } }),
    { status: 400, contentType: 'application/json', jsonEquals: { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } } }, ['D21']),
  r('jsonrpc "1.0" is 200 -32600 "Invalid Request" with the request id', rpcPost({ ...call('ping', undefined, 7), jsonrpc: '1.0' }), failure(-32600, 'Invalid Request')),
  r('a JSON array is 200 -32600 "Invalid Request" with id null', rpcPost([call('ping', undefined, 7)]), failure(-32600, 'Invalid Request', undefined, null)),
  r('initialize echoes the requested version and names ContextForge 1.1.0 with instructions', rpcPost(call('initialize', { protocolVersion: '1999-01-01', capabilities: {}, clientInfo: { name: 'c', version: '1' } }, 7)), {
    status: 200,
    jsonEquals: {
      jsonrpc: '2.0',
      id: 7,
      result: {
        protocolVersion: '1999-01-01',
        capabilities: RPC_CAPABILITIES,
        serverInfo: { name: 'ContextForge', version: '1.1.0' },
        instructions: 'ContextForge providing federated tools, resources and prompts. Use /admin interface for configuration.',
      },
    },
  }, ['D16']),
  r('an unsupported MCP-Protocol-Version is 400 -32022, checked before the token', rpcPost(call('ping', undefined, 7), { auth: 'none', headers: { 'mcp-protocol-version': '1999-01-01' } }), {
    status: 400,
    json: { jsonrpc: '2.0', id: null, error: { code: -32022, message: 'Unsupported protocol version', data: { requested: '1999-01-01' } } },
  }, ['D13']),
  r('GET is 405 {"detail":"Method Not Allowed"} with Allow: POST', { path: '/rpc' }, { status: 405, headers: { allow: 'POST' }, jsonEquals: { detail: 'Method Not Allowed' } }, ['D17']),
  {
    area: 'mcp',
    name: '/rpc: a notification, or a request with id null, is answered like a request under an id the gateway makes up',
    run: async (e) => {
      for (const message of [{ jsonrpc: '2.0', method: 'notifications/initialized' }, { jsonrpc: '2.0', id: null, method: 'ping' }]) {
        const answer = await exchange(e, rpcPost(message), { status: 200, json: { jsonrpc: '2.0', result: {} } });
        expect(answer.json().id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      }
    },
  },
  {
    area: 'sse',
    name: 'POST /message: an unknown tool, method or resource arrives on the stream as an empty result',
    covers: ['D27'],
    timeoutMs: 20_000,
    run: async (e) => {
      const replies = await overSse(e, [
        call('tools/call', { name: 'nope', arguments: {} }, 2),
        call('x/y', undefined, 3),
        call('resources/read', { uri: 'file:///nope.txt' }, 5),
      ]);
      expect([2, 3, 5].map((id) => replies.get(id))).toEqual([2, 3, 5].map((id) => ({ jsonrpc: '2.0', id, result: {} })));
    },
  },
  {
    area: 'ws',
    name: '/ws relays to /rpc: an unknown tool is -32601 "Tool not found", an unknown method -32601 with data {}, a notification gets a reply',
    covers: ['D27'],
    run: async (e) => {
      const [tool, method, note] = (await overWebSocket(e, [
        JSON.stringify(call('tools/call', { name: 'no-such-tool', arguments: {} }, 4)),
        JSON.stringify(call('x/y', undefined, 5)),
        JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
      ])) as [unknown, unknown, { id: unknown }];
      expect(tool).toEqual({ jsonrpc: '2.0', id: 4, error: { code: -32601, message: 'Tool not found: no-such-tool' } });
      expect(method).toEqual({ jsonrpc: '2.0', id: 5, error: { code: -32601, message: 'Method not found: x/y', data: {} } });
      expect(note).toMatchObject({ jsonrpc: '2.0', result: {} });
      expect(note.id).toEqual(expect.any(String));
    },
  },
];
