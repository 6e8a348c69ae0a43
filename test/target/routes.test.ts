import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { startTarget, type RunningTarget } from '../../src/target/index.js';

let t: RunningTarget;
beforeAll(async () => {
  t = await startTarget({ sseKeepaliveMs: 50, fastTimePort: 0, fastTestPort: 0 });
});
afterAll(() => t.close());

const auth = () => ({ authorization: `Bearer ${t.token}` });
const mcpHeaders = () => ({ ...auth(), 'content-type': 'application/json', accept: 'application/json, text/event-stream' });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const body = async (r: Response | Promise<Response>): Promise<any> => (await r).json();
const rpc = (method: string, params: object = {}) => JSON.stringify({ jsonrpc: '2.0', id: 7, method, params });
const mcp = (body: string, headers: Record<string, string> = mcpHeaders(), path = `/servers/${t.serverId}/mcp`) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers, body });

describe('REST', () => {
  it('checks the bearer token where the gateway does', async () => {
    expect((await fetch(`${t.url}/tools`)).status).toBe(401);
    expect((await fetch(`${t.url}/tools`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const tools = await fetch(`${t.url}/tools`, { headers: auth() });
    expect(tools.status).toBe(200);
    expect(Array.isArray(await body(tools))).toBe(true);
    expect(await body(fetch(`${t.url}/health`))).toMatchObject({ status: 'healthy' });
    expect((await fetch(`${t.url}/ready`)).status).toBe(200);
  });

  it('serves the API under /v1 and as legacy aliases, the probes at the root only, and refuses writes on the list endpoints', async () => {
    expect((await fetch(`${t.url}/v1/servers`, { headers: auth() })).status).toBe(200);
    expect((await fetch(`${t.url}/servers`, { headers: auth() })).headers.get('deprecation')).toBe('true');
    expect((await fetch(`${t.url}/v1/health`)).status).toBe(404);
    expect((await fetch(`${t.url}/tools`, { method: 'POST', headers: auth() })).status).toBe(405);
    expect((await fetch(`${t.url}/nope`, { headers: auth() })).status).toBe(404);
  });
});

describe('MCP Streamable HTTP', () => {
  it('answers the MCP methods of the plans', async () => {
    expect((await body(mcp(rpc('tools/list')))).result.tools.map((x: { name: string }) => x.name)).toContain('gw-health');
    // The peers' tools under the gateway's federated names (<gateway-slug>-<tool-slug>).
    expect((await body(mcp(rpc('tools/call', { name: 'fast-test-echo', arguments: { message: 'hi' } })))).result.content[0].text).toBe('hi');
    expect((await body(mcp(rpc('resources/read', { uri: 'file:///loadtest/hello.txt' })))).result.contents).toHaveLength(1);
    expect((await body(mcp(rpc('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } })))).result.protocolVersion).toBe('2025-06-18');
  });

  it('follows the transport rules: 202 for notifications, -32601 in a 200, 400 for a wrong Content-Type, 406, 404, 405', async () => {
    const note = await mcp(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }));
    expect(note.status).toBe(202);
    expect(await note.text()).toBe('');
    const unknown = await mcp(rpc('x/y'));
    expect(unknown.status).toBe(200);
    expect((await body(unknown)).error.code).toBe(-32601);
    expect((await mcp(rpc('ping'), { ...auth(), 'content-type': 'text/plain', accept: 'application/json' })).status).toBe(400);
    expect((await mcp(rpc('ping'), { ...auth(), 'content-type': 'application/json', accept: 'text/html' })).status).toBe(406);
    expect((await mcp(rpc('ping'), mcpHeaders(), '/servers/00000000000000000000000000000000/mcp')).status).toBe(404);
    expect((await fetch(`${t.url}/servers/${t.serverId}/mcp`, { headers: auth() })).status).toBe(405);
    expect((await mcp(rpc('ping'), { 'content-type': 'application/json', accept: 'application/json' })).status).toBe(401);
  });

  it('/rpc speaks the gateway\'s own JSON-RPC dialect', async () => {
    const r = await fetch(`${t.url}/rpc`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: rpc('prompts/list') });
    expect((await body(r)).result.prompts[0].name).toBe('greeting');
  });
});

describe('stateful MCP sessions', () => {
  it('issues Mcp-Session-Id on initialize, requires it, and ends it on DELETE', async () => {
    const s = await startTarget({ statefulSessions: true, fastTimePort: null, fastTestPort: null });
    try {
      const h = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', accept: 'application/json' };
      const url = `${s.url}/servers/${s.serverId}/mcp`;
      const init = await fetch(url, { method: 'POST', headers: h, body: rpc('initialize') });
      const id = init.headers.get('mcp-session-id');
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect((await fetch(url, { method: 'POST', headers: h, body: rpc('tools/list') })).status).toBe(400);
      expect((await fetch(url, { method: 'POST', headers: { ...h, 'mcp-session-id': 'f'.repeat(32) }, body: rpc('tools/list') })).status).toBe(404);
      expect((await fetch(url, { method: 'POST', headers: { ...h, 'mcp-session-id': id! }, body: rpc('tools/list') })).status).toBe(200);
      expect((await fetch(url, { method: 'DELETE', headers: { ...h, 'mcp-session-id': id! } })).status).toBe(200);
      expect((await fetch(url, { method: 'POST', headers: { ...h, 'mcp-session-id': id! }, body: rpc('ping') })).status).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('ends a session left idle longer than mcpSessionIdleMs (the gateway: 30 min); a call within it keeps it open', async () => {
    const s = await startTarget({ statefulSessions: true, mcpSessionIdleMs: 400, fastTimePort: null, fastTestPort: null });
    try {
      const h = { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', accept: 'application/json' };
      const url = `${s.url}/servers/${s.serverId}/mcp`;
      const open = async () => (await fetch(url, { method: 'POST', headers: h, body: rpc('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } }) })).headers.get('mcp-session-id')!;
      const ping = async (id: string) => (await fetch(url, { method: 'POST', headers: { ...h, 'mcp-session-id': id }, body: rpc('ping') })).status;
      const [kept, idle] = [await open(), await open()];
      expect(s.openMcpSessions()).toBe(2);
      for (let i = 0; i < 3; i += 1) {
        await new Promise((r) => setTimeout(r, 200));
        expect(await ping(kept)).toBe(200);
      }
      // 600 ms without a call: the idle one has expired, the one in use has not.
      expect(s.openMcpSessions()).toBe(1);
      expect(await ping(idle)).toBe(404);
      expect(await ping(kept)).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('SSE', () => {
  it('sends endpoint, then keepalives; an answer to POST /message arrives on the stream', async () => {
    const res = await fetch(`${t.url}/servers/${t.serverId}/sse`, { headers: { ...auth(), accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
    };
    await readUntil('event: endpoint');
    await readUntil('\r\n\r\n');
    const endpoint = /data: (\S+)/.exec(text)![1]!;
    expect(text.indexOf('event: endpoint')).toBe(0);
    const posted = await fetch(endpoint, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: rpc('tools/list') });
    expect(posted.status).toBe(202);
    await readUntil('event: message');
    await readUntil('"tools"');
    const keepalives = text.split('event: keepalive').length - 1;
    expect(keepalives).toBeGreaterThanOrEqual(1);
    await reader.cancel();
  });
});

describe('WebSocket /ws', () => {
  const open = (headers: Record<string, string>) => new WebSocket(`${t.wsUrl}`, { headers });

  it('refuses the upgrade with HTTP 403 without a valid bearer token, and on /v1/ws', async () => {
    const refused = (ws: WebSocket) =>
      new Promise<number>((resolve, reject) => {
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => reject(new Error('the upgrade was accepted')));
      });
    expect(await refused(open({}))).toBe(403);
    expect(await refused(open({ authorization: 'Bearer wrong' }))).toBe(403);
    expect(await refused(new WebSocket(t.wsUrl.replace(/\/ws$/, '/v1/ws'), { headers: auth() }))).toBe(403);
  });

  it('answers one JSON-RPC frame with one frame; bad JSON → -32700', async () => {
    const ws = open(auth());
    await new Promise((resolve) => ws.on('open', resolve));
    const next = () => new Promise<{ result?: { tools: unknown[] }; error?: { code: number } }>((resolve) => ws.once('message', (m) => resolve(JSON.parse(String(m)))));
    ws.send(rpc('tools/list'));
    expect((await next()).result!.tools.length).toBeGreaterThan(0);
    ws.send('{not json');
    expect((await next()).error!.code).toBe(-32700);
    ws.close();
  });
});
