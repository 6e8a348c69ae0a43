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

export const unauthorized = (res: ServerResponse): void =>
  sendJson(res, 401, { detail: 'Not authenticated' }, { 'www-authenticate': 'Bearer' });

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
