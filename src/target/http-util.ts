import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1 << 20;

/** Reads a request body (up to 1 MiB: the plans send small JSON-RPC bodies and forms). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) req.destroy(new Error('request body over 1 MiB'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The request's URL from its target and Host header; undefined when a client sent something that is not one. */
export function requestUrl(req: IncomingMessage, fallbackHost: string): URL | undefined {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? fallbackHost}`);
  } catch {
    return undefined;
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export const hasBearer = (req: IncomingMessage, token: string): boolean => req.headers.authorization === `Bearer ${token}`;

/**
 * Which of the gateway's authentication checks refuses a request: they answer 401 with different bodies.
 * `api`: the REST routers, /rpc, SSE and /message; `basic`: /version, /health/security, /api/metrics/*;
 * `email`: /auth/email/*; `prometheus`: /metrics/prometheus; `mcp`: the MCP transport.
 */
export type AuthFamily = 'api' | 'basic' | 'email' | 'prometheus' | 'mcp';

const REFUSALS: Readonly<Record<AuthFamily, { readonly missing: string; readonly bad: string; readonly challenge: boolean }>> = {
  api: { missing: 'Authorization token required', bad: 'Invalid authentication credentials', challenge: false },
  basic: {
    missing: 'Authentication required. Please login with email/password or use basic auth.',
    bad: 'Authentication required. Please login with email/password or use basic auth.',
    challenge: true,
  },
  email: { missing: 'Authentication required', bad: 'Invalid token', challenge: true },
  prometheus: { missing: 'Not authenticated', bad: 'Invalid token', challenge: true },
  mcp: { missing: 'Authentication required for MCP endpoints', bad: 'Invalid authentication credentials', challenge: true },
};

/** A bearer token was sent (not empty) but is not the one the target accepts. */
const sentBearer = (req: IncomingMessage | undefined): boolean => /^Bearer\s+\S/i.test(req?.headers.authorization ?? '');

/** 401 as the gateway's check for this route family answers it: no token, or a token it did not issue. */
export const unauthorized = (res: ServerResponse, family: AuthFamily = 'api'): void => {
  const refusal = REFUSALS[family];
  const detail = sentBearer(res.req) ? refusal.bad : refusal.missing;
  sendJson(res, 401, { detail }, refusal.challenge ? { 'www-authenticate': 'Bearer' } : {});
};

export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeCookieValue(part.slice(eq + 1).trim());
  }
  return out;
}

/** A value with a malformed %-escape is kept as sent (it then matches no session or token). */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const delay = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());
