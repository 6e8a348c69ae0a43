import { expect } from 'vitest';
import WebSocket from 'ws';

import type { Endpoint } from './case.js';

/**
 * One settings group for the stream cases that need short timings (one restart of the real gateway): the SSE
 * keepalive, and uvicorn's WebSocket keepalive, which the real gateway reads from its environment.
 */
export const SHORT_STREAM_TIMINGS = { SSE_KEEPALIVE_INTERVAL: '2', UVICORN_WS_PING_INTERVAL: '2', UVICORN_WS_PING_TIMEOUT: '1' } as const;

/** One SSE frame (event or comment, without the blank line that ends it) and when it arrived, in ms since the request. */
export interface SseFrame {
  readonly at: number;
  readonly raw: string;
}

/** A legacy SSE stream opened with the endpoint's token: its head and the frames as they arrive. */
export interface SseSession {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Every complete frame so far. */
  readonly frames: readonly SseFrame[];
  /** The first frame from index `from` on that matches, waiting up to `timeoutMs`. */
  next(match: RegExp, from: number, timeoutMs: number): Promise<SseFrame & { index: number }>;
  /** ms since the request. */
  now(): number;
  close(): void;
}

export async function openSse(endpoint: Endpoint, path: string): Promise<SseSession> {
  const started = Date.now();
  const abort = new AbortController();
  const response = await fetch(`${endpoint.url}${path}`, {
    headers: { authorization: `Bearer ${endpoint.token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  const frames: SseFrame[] = [];
  let buffer = '';
  let ended = false;
  const wake = new Set<() => void>();
  void (async () => {
    try {
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
          frames.push({ at: Date.now() - started, raw: buffer.slice(0, end) });
          buffer = buffer.slice(end + 4);
        }
        wake.forEach((w) => w());
      }
    } catch {
      // aborted by close()
    } finally {
      ended = true;
      wake.forEach((w) => w());
    }
  })();
  const next = async (match: RegExp, from: number, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = frames.findIndex((f, i) => i >= from && match.test(f.raw));
      if (index >= 0) return { ...frames[index]!, index };
      const left = deadline - Date.now();
      if (left <= 0 || ended) throw new Error(`${path}: no frame matching ${match} after frame ${from} within ${timeoutMs} ms; frames: ${JSON.stringify(frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          wake.delete(done);
          resolve();
        }
        wake.add(done);
      });
    }
  };
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    frames,
    next,
    now: () => Date.now() - started,
    close: () => abort.abort(),
  };
}

/** Runs `body` with an open stream and always closes it. */
export async function withSse(endpoint: Endpoint, path: string, body: (s: SseSession) => Promise<void>): Promise<void> {
  const session = await openSse(endpoint, path);
  try {
    await body(session);
  } finally {
    session.close();
  }
}

/** POSTs a JSON-RPC message (or any text) to a session's message endpoint. */
export async function postMessage(endpoint: Endpoint, url: string, body: unknown): Promise<{ status: number; contentType: string; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${endpoint.token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

/** The JSON of an `event: message` frame. */
export function messageOf(frame: SseFrame): any {
  const data = /^event: message\r\ndata: (.*)\r\nretry: 5000$/.exec(frame.raw);
  expect(data, `not a message frame: ${JSON.stringify(frame.raw)}`).not.toBeNull();
  return JSON.parse(data![1]!);
}

/** What happened to a WebSocket upgrade: refused with an HTTP answer, or opened. */
export type Upgrade =
  | { readonly kind: 'refused'; readonly status: number; readonly headers: Readonly<Record<string, string | string[] | undefined>>; readonly body: string }
  | { readonly kind: 'open'; readonly ws: WebSocket };

export function upgrade(url: string, headers: Readonly<Record<string, string>>, options: { autoPong?: boolean } = {}): Promise<Upgrade> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, autoPong: options.autoPong ?? true, handshakeTimeout: 10_000 });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    ws.once('open', () => resolve({ kind: 'open', ws }));
    ws.once('error', reject);
  });
}

/** A frame of an open WebSocket: a text message, a ping (its payload) or the close (code and reason), with its time. */
export type WsEvent =
  | { readonly kind: 'message'; readonly at: number; readonly text: string }
  | { readonly kind: 'ping'; readonly at: number; readonly payload: Buffer }
  | { readonly kind: 'close'; readonly at: number; readonly code: number; readonly reason: string };

/** Records every event of an open WebSocket with its time in ms since this call. */
export function recordWs(ws: WebSocket): { readonly events: WsEvent[]; next(kind: WsEvent['kind'], timeoutMs: number): Promise<WsEvent>; now(): number } {
  const started = Date.now();
  const events: WsEvent[] = [];
  const waiters = new Set<() => void>();
  const push = (e: WsEvent) => {
    events.push(e);
    waiters.forEach((w) => w());
  };
  ws.on('message', (data) => push({ kind: 'message', at: Date.now() - started, text: String(data) }));
  ws.on('ping', (payload) => push({ kind: 'ping', at: Date.now() - started, payload }));
  ws.on('close', (code, reason) => push({ kind: 'close', at: Date.now() - started, code, reason: String(reason) }));
  let taken = 0;
  /** The next event of that kind after the ones already taken by next(). */
  const next = (kind: WsEvent['kind'], timeoutMs: number) =>
    new Promise<WsEvent>((resolve, reject) => {
      const check = () => {
        const index = events.findIndex((e, i) => i >= taken && e.kind === kind);
        if (index < 0) return false;
        taken = index + 1;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(events[index]!);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no ${kind} within ${timeoutMs} ms; events: ${JSON.stringify(events)}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  return { events, next, now: () => Date.now() - started };
}
