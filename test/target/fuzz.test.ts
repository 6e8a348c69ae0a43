import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { seededRandom } from '../../src/stats/random.js';
import { startJtlTarget, type TargetProcess } from './target-process.js';

/**
 * The embedded target must survive anything a client sends: every request-level error is an HTTP answer (or a
 * closed connection), never a dead process. It runs in its own process here, so a crash shows as an exit.
 */
let target: TargetProcess;
beforeAll(async () => {
  target = await startJtlTarget(['--stateful', '--sse-keepalive-ms', '20']);
});
afterAll(() => target?.stop());

/** Sends raw bytes on a fresh connection, half-closes, and returns what came back (bounded in time). */
function exchange(port: number, bytes: Buffer, waitMs = 1_500): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks));
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => socket.end(bytes));
  });
}

const statusOf = (answer: Buffer): number | undefined => {
  const m = /^HTTP\/1\.1 (\d{3}) /.exec(answer.toString('latin1', 0, 20));
  return m ? Number(m[1]) : undefined;
};

async function inBatches<T>(items: readonly T[], width: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map(each));
}

// ---- what the fuzzer sends ------------------------------------------------------------------------------------

const pick = <T,>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const weird = (random: () => number, n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));

const PATHS = (id: string) => [
  '/', '/health', '/tools', '/v1/servers', `/servers/${id}/mcp`, '/mcp', '/rpc', `/servers/${id}/sse`, '/sse',
  `/servers/${id}/message?session_id=x`, '/message?session_id=', '/admin/login', '/admin/tools/partial', '/admin', '/ws',
  '//exa mple/x', '/%zz', '/%', '/a?%E0%A4%A=1', '/' + 'a'.repeat(9000), '*', 'http://exa mple/', 'http://[::1/', '/\u00e9',
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'CONNECT', 'TRACE', 'G ET', '', 'ÄÖ', 'POST\t'];
const HOSTS = ['exa mple', '', '[::1', 'a:b:c', '%', '127.0.0.1:99999', 'http://x', '\u00ff', 'x'.repeat(300), '[', ':80', 'a b:1'];
const VERSIONS = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/0.9', 'HTTP/9.9', 'HTTP/1.1x', 'FOO', ''];

/** JSON-RPC bodies a confused or hostile client might send, valid JSON and not. */
const RPC_BODIES = [
  '', '{', '[]', '[{"jsonrpc":"2.0","id":1,"method":"ping"}]', 'null', '1', '"x"', 'true', '{"method":1}',
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":null}', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":null}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":"x"}', '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":[1,2]}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":{"toString":1}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":{"toString":1}}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"message":{"valueOf":{},"toString":{}}}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"fast-test-echo","arguments":{"message":{"valueOf":{},"toString":{}}}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"fast-time-get-system-time","arguments":{"timezone":{"toString":1}}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_system_time","arguments":{"timezone":{"toString":1}}}}',
  '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"get_system_time","arguments":{"timezone":"Mars/Olympus"}}}',
  '{"jsonrpc":"2.0","id":1,"method":"resources/read","params":{"uri":{"toString":1}}}',
  '{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}', '{"jsonrpc":"2.0","id":1e400,"method":"ping"}',
  '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":{"x":1}}}',
  '{"jsonrpc":"2.0","id":1,"method":"__proto__","params":{"__proto__":{"x":1}}}',
  '{"jsonrpc":"2.0","result":1}', '{"error":1}', `{"jsonrpc":"2.0","id":1,"method":"ping","params":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  '{"jsonrpc":"2.0","id":1,"method":"ping"', '\u0000\u0001\u0002', '\ud800', '{"a":"\\ud800"}', 'x'.repeat(70_000),
];

function malformedRequest(random: () => number, id: string, token: string): Buffer {
  const kind = Math.floor(random() * 6);
  const path = pick(random, PATHS(id));
  const method = pick(random, METHODS);
  const auth = random() < 0.7 ? `Authorization: Bearer ${token}\r\n` : random() < 0.5 ? 'Authorization: Bearer\r\n' : '';
  const body = pick(random, RPC_BODIES);
  const json = 'Content-Type: application/json\r\nAccept: application/json\r\n';
  const session = random() < 0.3 ? `Mcp-Session-Id: ${pick(random, ['x', '', 'a'.repeat(200), '\u00ff'])}\r\n` : '';
  switch (kind) {
    case 0: // a broken request line
      return Buffer.concat([Buffer.from(`${method} ${path} ${pick(random, VERSIONS)}\r\n`, 'latin1'), random() < 0.5 ? weird(random, 40) : Buffer.from('Host: x\r\n\r\n')]);
    case 1: // a broken Host (the crash of issue 13), with and without a valid rest
      return Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${pick(random, HOSTS)}\r\n${auth}\r\n`, 'latin1');
    case 2: // broken headers: no colon, bare CR, bad lengths, bad chunking, bad cookies, duplicates
      return Buffer.from(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}${json}` +
          pick(random, [
            'Content-Length: -1\r\n', 'Content-Length: abc\r\n', 'Content-Length: 5\r\nContent-Length: 6\r\n', 'Transfer-Encoding: chunked\r\n',
            'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n', 'NoColonHere\r\n', 'X: a\rb\r\n', 'Cookie: jwt_token=%; mcpgateway_csrf_token=%E0\r\n',
            'Host: second\r\n', 'Expect: 100-continue\r\n', 'Expect: nonsense\r\n', 'Upgrade: websocket\r\nConnection: Upgrade\r\n', `X-Big: ${'b'.repeat(20_000)}\r\n`,
          ]) +
          `\r\n${random() < 0.5 ? 'zz\r\nnot a chunk\r\n' : body}`,
        'latin1',
      );
    case 3: // well-formed HTTP, malformed JSON-RPC on every JSON-RPC route
      return Buffer.from(`POST ${pick(random, [`/servers/${id}/mcp`, '/mcp', '/rpc', `/servers/${id}/message?session_id=x`])} HTTP/1.1\r\nHost: 127.0.0.1\r\n${auth}${json}${session}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    case 4: // forms and cookies on the admin UI
      return Buffer.from(
        `POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ${pick(random, ['http://127.0.0.1', 'null', '', '%'])}\r\nCookie: ${pick(random, ['mcpgateway_csrf_token=%', 'a', '=', ';;;', 'mcpgateway_csrf_token=x'])}\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
        'latin1',
      );
    default: // random bytes after a plausible start
      return Buffer.concat([Buffer.from(`${method} ${path} HTTP/1.1\r\n`, 'latin1'), weird(random, 1 + Math.floor(random() * 300))]);
  }
}

// ---- WebSocket frames --------------------------------------------------------------------------------------------

/** One client frame: masked as a client must (or not), any opcode and RSV bits, any payload. */
function frame(random: () => number, payload: Buffer): Buffer {
  const fin = random() < 0.85 ? 0x80 : 0;
  const rsv = random() < 0.1 ? 0x40 : 0;
  const opcode = pick(random, [0x1, 0x1, 0x1, 0x2, 0x0, 0x8, 0x9, 0xa, 0x3, 0xb]);
  const masked = random() < 0.9;
  const len = payload.length;
  const head = len < 126 ? Buffer.from([fin | rsv | opcode, (masked ? 0x80 : 0) | len]) : Buffer.from([fin | rsv | opcode, (masked ? 0x80 : 0) | 126, len >> 8, len & 0xff]);
  if (!masked) return Buffer.concat([head, payload]);
  const mask = randomBytes(4);
  return Buffer.concat([head, mask, Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!))]);
}

function wsConversation(random: () => number, token: string): Buffer {
  const handshake = `GET ${pick(random, ['/ws', '/v1/ws', '//exa mple', '/ws?x=%'])} HTTP/1.1\r\nHost: ${pick(random, ['127.0.0.1', 'exa mple'])}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${pick(random, ['dGhlIHNhbXBsZSBub25jZQ==', 'dGhlIHNhbXBsZSBub25jZQ==', 'bad', ''])}\r\nSec-WebSocket-Version: ${pick(random, ['13', '13', '8'])}\r\n` +
    `Authorization: Bearer ${token}\r\n\r\n`;
  const frames = Array.from({ length: 1 + Math.floor(random() * 4) }, () => {
    const text = pick(random, [...RPC_BODIES.slice(0, 28), '{"jsonrpc":"2.0","id":1,"method":"tools/list"}']);
    return frame(random, random() < 0.8 ? Buffer.from(text.slice(0, 60_000)) : weird(random, Math.floor(random() * 200)));
  });
  return Buffer.concat([Buffer.from(handshake, 'latin1'), ...frames, random() < 0.3 ? weird(random, 20) : Buffer.alloc(0)]);
}

// ---- the target's health -------------------------------------------------------------------------------------------

const rssKb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

async function healthy(): Promise<void> {
  expect(target.exited(), `the target died:\n${target.stderr()}`).toBe(false);
  const r = await fetch(`${target.url}/tools`, { headers: { authorization: `Bearer ${target.token}` } });
  expect(r.status).toBe(200);
}

describe('the embedded target survives malformed input', () => {
  it('a Host header that is not a host gets a 400, and the target keeps answering', async () => {
    const answer = await exchange(target.port, Buffer.from('GET /health HTTP/1.1\r\nHost: exa mple\r\nConnection: close\r\n\r\n'));
    expect(statusOf(answer)).toBe(400);
    await healthy();
  });

  it('JSON-RPC params null get the gateway\'s -32602 "Missing tool name" (HTTP and WebSocket)', async () => {
    const body = '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":null}';
    const r = await fetch(`${target.url}/rpc`, { method: 'POST', headers: { authorization: `Bearer ${target.token}` }, body });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'Missing tool name in parameters', data: {} } });
    const echo = '{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"fast-test-echo","arguments":{"message":{"toString":1}}}}';
    const r2 = await fetch(`${target.url}/rpc`, { method: 'POST', headers: { authorization: `Bearer ${target.token}` }, body: echo });
    expect(r2.status).toBe(200);
    expect(await r2.json()).toEqual({ jsonrpc: '2.0', id: 4, result: { content: [{ type: 'text', text: '{"toString":1}' }], isError: false } });
    // The same on the WebSocket relay, and the connection stays usable.
    const ws = new WebSocket(`${target.url.replace(/^http/, 'ws')}/ws`, { headers: { authorization: `Bearer ${target.token}` } });
    try {
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      const reply = () => new Promise<unknown>((resolve) => ws.once('message', (m) => resolve(JSON.parse(String(m)))));
      ws.send(body);
      expect(await reply()).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'Missing tool name in parameters', data: {} } });
      ws.send('{"jsonrpc":"2.0","id":5,"method":"ping"}');
      expect(await reply()).toEqual({ jsonrpc: '2.0', id: 5, result: {} });
    } finally {
      ws.terminate();
    }
    await healthy();
  });

  it('thousands of malformed request lines, headers, bodies, JSON-RPC and WebSocket frames: no crash, answers are HTTP, memory and descriptors flat', async () => {
    const { pid } = target;
    const id = target.serverId;
    const statuses = new Map<number | 'closed', number>();
    const round = async (seed: number, n: number) => {
      const random = seededRandom(seed);
      const cases = Array.from({ length: n }, (_, i) => (i % 5 === 4 ? wsConversation(random, target.token) : malformedRequest(random, id, target.token)));
      await inBatches(cases, 24, async (bytes) => {
        const answer = await exchange(target.port, bytes, 400);
        const status = statusOf(answer) ?? 'closed';
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      });
      expect(target.exited(), `the target died in round ${seed}:\n${target.stderr()}`).toBe(false);
    };
    await round(1, 800); // warm-up: JIT, pools, buffers
    const rssBefore = rssKb(pid);
    const fdsBefore = openFds(pid);
    for (let seed = 2; seed <= 5; seed++) await round(seed, 800);
    await healthy();
    // Connections the fuzzer closed are closed on the target too (no socket, SSE stream or WebSocket left behind).
    await expect.poll(() => openFds(pid), { timeout: 10_000 }).toBeLessThanOrEqual(fdsBefore + 2);
    const growthMb = (rssKb(pid) - rssBefore) / 1024;
    expect(growthMb, `RSS grew ${growthMb.toFixed(1)} MB over 3,200 malformed requests`).toBeLessThan(40);
    // The fuzzer reached the parser (400), the handlers (200), the WebSocket relay (101); no request hit the 500 path.
    const seen = JSON.stringify([...statuses]);
    expect(statuses.get(400) ?? 0, seen).toBeGreaterThan(1000);
    expect(statuses.get(200) ?? 0, seen).toBeGreaterThan(50);
    expect(statuses.get(101) ?? 0, seen).toBeGreaterThan(50);
    expect(statuses.get(500) ?? 0, seen).toBe(0);
    expect(target.stderr()).toBe('');
  });
});
