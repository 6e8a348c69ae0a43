import { expect } from 'vitest';

import type { GatewaySettings } from '../../src/target/index.js';

/**
 * One conformance case: a request (or a short exchange) and what the real ContextForge gateway answers. The
 * same list runs against the embedded stand-in in every test run (conformance.test.ts) and against the real
 * gateway in the gateway tier (test/gateway/conformance.test.ts), with the same assertions.
 */
export type Area = 'rest' | 'mcp' | 'sse' | 'ws' | 'admin' | 'servers';

/** Where a case sends its requests: the stand-in or the real gateway, with the credentials it accepts. */
export interface Endpoint {
  readonly kind: 'stand-in' | 'gateway';
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  /** ws://127.0.0.1:PORT/ws */
  readonly wsUrl: string;
  readonly token: string;
  readonly serverId: string;
  readonly adminEmail: string;
  readonly adminPassword: string;
  /** The two MCP test servers (the gateway tier uses the stand-in's, registered as the gateway's peers). */
  readonly fastTimeUrl: string;
  readonly fastTestUrl: string;
}

export interface ConformanceCase {
  readonly area: Area;
  /** What the case pins down, as a sentence: "GET /v1/health is 404 (only the API routes move under /v1)". */
  readonly name: string;
  /** The measured differences this case covers (D1…D36 of the 1.1.0 run report). */
  readonly covers?: readonly string[];
  /** Gateway settings on top of the load-test defaults (scripts/gateway/gateway.env); the real gateway restarts for them. */
  readonly settings?: GatewaySettings;
  readonly timeoutMs?: number;
  run(endpoint: Endpoint): Promise<void>;
}

export interface Request {
  readonly method?: string;
  /** Path and query, e.g. `/servers/${id}/mcp`. */
  readonly path: string;
  /** Which server: the gateway (default) or one of the MCP test servers. */
  readonly on?: 'gateway' | 'fastTime' | 'fastTest';
  /** 'token' (default): Authorization: Bearer <token>; 'none': no header; 'bad': a token the gateway did not issue. */
  readonly auth?: 'token' | 'none' | 'bad';
  readonly headers?: Readonly<Record<string, string>>;
  /** A string is sent as is; anything else as JSON (with Content-Type: application/json unless given). */
  readonly body?: unknown;
}

export interface Answer {
  readonly status: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /** The body as JSON; fails the case when it is not JSON. */
  json(): any;
}

const BAD_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.bm90LWEtc2lnbmF0dXJl';

function baseOf(endpoint: Endpoint, on: Request['on']): string {
  if (on === 'fastTime') return endpoint.fastTimeUrl;
  if (on === 'fastTest') return endpoint.fastTestUrl;
  return endpoint.url;
}

/** Sends one request, redirects not followed, and reads the whole answer. */
export async function send(endpoint: Endpoint, request: Request): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers };
  const auth = request.auth ?? 'token';
  if (auth !== 'none') headers.authorization = `Bearer ${auth === 'token' ? endpoint.token : BAD_TOKEN}`;
  let body: string | undefined;
  if (typeof request.body === 'string') body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  }
  const method = request.method ?? (body === undefined ? 'GET' : 'POST');
  const response = await fetch(`${baseOf(endpoint, request.on)}${request.path}`, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  const what = `${method} ${request.path}`;
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text,
    json: () => {
      try {
        return JSON.parse(text);
      } catch {
        throw new Error(`${what}: the answer is not JSON (${response.status}, ${response.headers.get('content-type')}): ${text.slice(0, 200)}`);
      }
    },
  };
}

export interface Expected {
  readonly status: number;
  /** The media type (before any `;`), or a pattern for the whole header. */
  readonly contentType?: string | RegExp;
  /** Header values (a string is exact, a pattern matches); null: the header must be absent. */
  readonly headers?: Readonly<Record<string, string | RegExp | null>>;
  /** The JSON body contains at least these fields (vitest toMatchObject: asymmetric matchers welcome). */
  readonly json?: unknown;
  /** The JSON body is exactly this (toEqual). */
  readonly jsonEquals?: unknown;
  readonly text?: string | RegExp;
}

/** Checks an answer against what the gateway answers; `what` names the request in the failure message. */
export function expectAnswer(answer: Answer, expected: Expected, what: string): void {
  const context = `${what} → ${answer.status} ${answer.headers['content-type'] ?? '(no content-type)'}: ${answer.text.slice(0, 300)}`;
  expect(answer.status, context).toBe(expected.status);
  if (expected.contentType !== undefined) {
    const actual = answer.headers['content-type'] ?? '';
    if (typeof expected.contentType === 'string') expect(actual.split(';')[0]!.trim(), context).toBe(expected.contentType);
    else expect(actual, context).toMatch(expected.contentType);
  }
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const actual = answer.headers[name.toLowerCase()];
    if (value === null) expect(actual, `${context}\nheader ${name} must be absent`).toBeUndefined();
    else if (typeof value === 'string') expect(actual, `${context}\nheader ${name}`).toBe(value);
    else expect(actual, `${context}\nheader ${name}`).toMatch(value);
  }
  if (expected.json !== undefined) expect(answer.json(), context).toMatchObject(expected.json as object);
  if (expected.jsonEquals !== undefined) expect(answer.json(), context).toEqual(expected.jsonEquals);
  if (expected.text !== undefined) {
    if (typeof expected.text === 'string') expect(answer.text, context).toBe(expected.text);
    else expect(answer.text, context).toMatch(expected.text);
  }
}

/** send + expectAnswer: the common one-request case. */
export async function exchange(endpoint: Endpoint, request: Request, expected: Expected): Promise<Answer> {
  const answer = await send(endpoint, request);
  expectAnswer(answer, expected, `${endpoint.kind}: ${request.method ?? (request.body === undefined ? 'GET' : 'POST')} ${request.path}`);
  return answer;
}

/** A case that is one request and its expected answer. */
export function requestCase(area: Area, name: string, request: Request | ((e: Endpoint) => Request), expected: Expected, more: Pick<ConformanceCase, 'covers' | 'settings'> = {}): ConformanceCase {
  return { area, name, ...more, run: (e) => exchange(e, typeof request === 'function' ? request(e) : request, expected).then(() => undefined) };
}

/** `NAME=value NAME=value`, or '' for the defaults. */
export const settingsText = (settings: GatewaySettings): string => Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(' ');

/** Cases grouped by their settings, the defaults first: one start (or restart) of the server per group. */
export function bySettings(cases: readonly ConformanceCase[]): Map<string, { settings: GatewaySettings; cases: ConformanceCase[] }> {
  const groups = new Map<string, { settings: GatewaySettings; cases: ConformanceCase[] }>();
  const keyOf = (s: GatewaySettings) => JSON.stringify(Object.entries(s).sort(([a], [b]) => a.localeCompare(b)));
  for (const c of [...cases].sort((a, b) => Object.keys(a.settings ?? {}).length - Object.keys(b.settings ?? {}).length)) {
    const key = keyOf(c.settings ?? {});
    const group = groups.get(key) ?? { settings: c.settings ?? {}, cases: [] };
    group.cases.push(c);
    groups.set(key, group);
  }
  return groups;
}

/** The case list for the log: one line per case (area, name, the differences it covers), then the counts per area. */
export function caseList(cases: readonly ConformanceCase[], passed: ReadonlySet<ConformanceCase>): string {
  const lines = cases.map((c) => `  ${passed.has(c) ? 'pass' : '----'}  ${c.area}: ${c.name}${c.covers ? ` [${c.covers.join(' ')}]` : ''}${c.settings ? ` {${settingsText(c.settings)}}` : ''}`);
  const areas = [...new Set(cases.map((c) => c.area))];
  const perArea = areas.map((a) => {
    const of = cases.filter((c) => c.area === a);
    return `${a} ${of.filter((c) => passed.has(c)).length}/${of.length}`;
  });
  const covered = new Set(cases.flatMap((c) => c.covers ?? []));
  const uncovered = Array.from({ length: 36 }, (_, i) => `D${i + 1}`).filter((d) => !covered.has(d));
  return [
    ...lines,
    `passed per area: ${perArea.join(', ')}; ${passed.size} of ${cases.length} cases`,
    `differences of the 1.1.0 run report without a case: ${uncovered.join(' ') || 'none'}`,
  ].join('\n');
}

/** "rest 12, mcp 20, …: 61 cases" for the log. */
export function casesPerArea(cases: readonly ConformanceCase[]): string {
  const counts = new Map<Area, number>();
  for (const c of cases) counts.set(c.area, (counts.get(c.area) ?? 0) + 1);
  return `${[...counts].map(([a, n]) => `${a} ${n}`).join(', ')}: ${cases.length} cases`;
}
