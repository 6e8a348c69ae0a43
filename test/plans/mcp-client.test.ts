import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { plansDir } from '../../src/plans/paths.js';
import { repoRoot } from '../jmx/jmeter-home.js';
import { failuresOf, runPlan } from './run-jmeter.js';

/**
 * The MCP plans against a loopback server that behaves as ContextForge 1.1.0 does with
 * USE_STATEFUL_SESSIONS=true and JSON_RESPONSE_ENABLED=false (run report §4 F2–F4): 406 unless the client
 * accepts both types, SSE-framed replies, 404 for an empty or unknown session id, 202 for notifications,
 * DELETE ends a session. The stand-in models the mode too (real-run.test.ts); this server also records what the plan sent.
 */
const SERVER_ID = '5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b';
const RESULTS: Record<string, unknown> = {
  'tools/list': { tools: [{ name: 'gw-health' }] },
  'tools/call': { content: [{ type: 'text', text: 'ok' }], isError: false },
  'resources/list': { resources: [] },
  'resources/read': { contents: [{ uri: 'file:///loadtest/hello.txt', text: 'hi' }] },
  'prompts/list': { prompts: [] },
  ping: {},
};

interface Seen {
  emptySessionHeaders: number;
  notAcceptingBoth: number;
  initializeWithSession: number;
  notifications: number;
  deletes: number;
  readonly open: Set<string>;
}

let server: http.Server;
let url: string;
let dir: string;
const seen: Seen = { emptySessionHeaders: 0, notAcceptingBoth: 0, initializeWithSession: 0, notifications: 0, deletes: 0, open: new Set() };

function sse(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/event-stream', ...headers });
  res.end(`event: message\r\ndata: ${JSON.stringify(body)}\r\n\r\n`);
}

function answer(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
  const accept = req.headers.accept ?? '';
  const session = req.headers['mcp-session-id'];
  if (session === '') seen.emptySessionHeaders++;
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
    seen.notAcceptingBoth++;
    res.writeHead(406, { 'content-type': 'application/json' });
    return void res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Not Acceptable: Client must accept application/json"}}');
  }
  if (req.method === 'DELETE') {
    seen.deletes++;
    if (typeof session !== 'string' || !seen.open.delete(session)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end('{"jsonrpc":"2.0","result":{}}');
  }
  const rpc = JSON.parse(body) as { id?: number; method: string };
  if (rpc.method === 'initialize') {
    if (session !== undefined) seen.initializeWithSession++;
    const id = Math.random().toString(16).slice(2).padEnd(16, '0');
    seen.open.add(id);
    return sse(res, 200, { jsonrpc: '2.0', id: rpc.id, result: { protocolVersion: '2025-06-18', capabilities: {} } }, { 'mcp-session-id': id });
  }
  if (typeof session !== 'string' || !seen.open.has(session)) {
    res.writeHead(session === undefined ? 400 : 404, { 'content-type': 'application/json' });
    return void res.end('{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Session not found"}}');
  }
  if (rpc.method.startsWith('notifications/')) {
    seen.notifications++;
    return void res.writeHead(202).end();
  }
  sse(res, 200, { jsonrpc: '2.0', id: rpc.id, result: RESULTS[rpc.method] ?? {} });
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      if (req.url === '/health') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"healthy"}');
      if (req.url !== `/servers/${SERVER_ID}/mcp`) return void res.writeHead(404).end();
      answer(req, res, body);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'plans-mcp-client-'));
});

afterAll(async () => {
  await new Promise<void>((ok) => (server.closeAllConnections(), server.close(() => ok())));
  rmSync(dir, { recursive: true, force: true });
});

describe('MCP plans against a stateful server that answers in SSE frames', () => {
  it('mcp_jsonrpc_baseline: both Accept types, SSE replies read, no empty session header, every session ended', async () => {
    const props = [`GATEWAY_URL=${url}`, 'TOKEN=t0ken-for-mcp-client', `SERVER_ID=${SERVER_ID}`, 'DURATION=300', 'TIME_SCALE=0.01', 'MCP_PCT_INITIALIZE=20'];
    writeFileSync(join(dir, 'run.properties'), props.join('\n') + '\n', { mode: 0o600 });
    const run = await runPlan(join(plansDir(), 'mcp_jsonrpc_baseline.jmx'), {
      cwd: dir,
      name: 'mcp_client',
      propertyFiles: [join(repoRoot, 'properties', 'ci.properties'), join(dir, 'run.properties')],
    });
    expect(run.exitCode).toBe(0);
    expect(failuresOf(run.rows)).toEqual([]);
    expect(run.rows.filter((r) => r.label === 'MCP tools/call').length).toBeGreaterThan(5);
    expect({ notAcceptingBoth: seen.notAcceptingBoth, emptySessionHeaders: seen.emptySessionHeaders, initializeWithSession: seen.initializeWithSession })
      .toEqual({ notAcceptingBoth: 0, emptySessionHeaders: 0, initializeWithSession: 0 });
    const initializes = run.rows.filter((r) => r.label.includes('MCP initialize')).length;
    // A thread the duration stops right after its initialize never sends the notification: at most one per thread.
    const threads = Number(/^THREADS=(\d+)$/m.exec(readFileSync(join(repoRoot, 'properties', 'ci.properties'), 'utf8'))?.[1]);
    expect(seen.notifications).toBeLessThanOrEqual(initializes);
    expect(initializes - seen.notifications).toBeLessThanOrEqual(threads);
    expect(seen.deletes).toBe(initializes);
    expect([...seen.open]).toEqual([]);
  }, 120_000);
});
