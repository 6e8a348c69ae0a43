import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { TargetContext } from '../context.js';
import { delay, readBody, sendJson } from '../http-util.js';

/**
 * The admin form login as ContextForge 1.1.0 does it: CSRF checks (Origin, cookie, form field), then a
 * memory-hard password hash per attempt (the gateway's Argon2id costs ~130 ms with its default 64 MiB; scrypt
 * over the same memory costs about the same here), and a failed attempt is never answered before
 * FAILED_LOGIN_MIN_RESPONSE_MS.
 */
export const CSRF_COOKIE = 'mcpgateway_csrf_token';
export const SESSION_COOKIE = 'jwt_token';

const csrfCookie = (value: string) => `${CSRF_COOKIE}=${value}; Max-Age=86400; Path=/; SameSite=strict`;
export const sessionCookie = (value: string) => `${SESSION_COOKIE}=${value}; HttpOnly; Max-Age=3600; Path=/; SameSite=lax`;

/** A new CSRF cookie, as the login page and a successful login set it. */
export const newCsrfCookie = (): string => csrfCookie(randomBytes(32).toString('base64url'));

/** scrypt over `kib` KiB (N a power of two, r 8: N KiB of memory), in the thread pool, off the event loop. */
function memoryHardHash(password: string, salt: Buffer, kib: number): Promise<Buffer> {
  const n = 2 ** Math.max(1, Math.floor(Math.log2(Math.max(2, kib))));
  return new Promise((resolve, reject) =>
    scrypt(password, salt, 32, { N: n, r: 8, p: 1, maxmem: 2 * 1024 * n + (1 << 20) }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

interface StoredHash {
  readonly salt: Buffer;
  readonly digest: Promise<Buffer>;
}
const stored = new WeakMap<TargetContext, StoredHash>();

/** The admin password's hash, computed once per target (started by the login page, before the first POST). */
export function storedHash(ctx: TargetContext): StoredHash {
  let s = stored.get(ctx);
  if (s === undefined) {
    const salt = randomBytes(16);
    s = { salt, digest: memoryHardHash(ctx.adminPassword, salt, ctx.adminLoginHashKiB) };
    stored.set(ctx, s);
  }
  return s;
}

/** Hashes the attempt whatever the email (an unknown user costs the same as a wrong password). */
async function passwordMatches(ctx: TargetContext, password: string): Promise<boolean> {
  const { salt, digest } = storedHash(ctx);
  const [attempt, expected] = await Promise.all([memoryHardHash(password, salt, ctx.adminLoginHashKiB), digest]);
  return timingSafeEqual(attempt, expected);
}

/** Python's urllib.parse.quote (what the gateway puts the email through in its redirect). */
const pythonQuote = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).replaceAll('%2F', '/');

const redirect = (res: ServerResponse, location: string, cookies: readonly string[] = []) => {
  res.writeHead(303, cookies.length > 0 ? { location, 'content-length': 0, 'set-cookie': [...cookies] } : { location, 'content-length': 0 });
  res.end();
};

/** POST /admin/login: 403 JSON on a CSRF failure, else 303 to /admin with a session, or back to the form. */
export async function postLogin(ctx: TargetContext, req: IncomingMessage, res: ServerResponse, csrfCookieValue: string | undefined): Promise<void> {
  const started = performance.now();
  const form = new URLSearchParams(await readBody(req));
  const origin = req.headers.origin ?? req.headers.referer;
  // Served over TLS (`jtl target --tls`) the page's origin is https://.
  const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  if (origin === undefined || !origin.startsWith(`${scheme}://${req.headers.host ?? ''}`)) return sendJson(res, 403, { detail: 'CSRF origin validation failed' });
  if (csrfCookieValue === undefined) return sendJson(res, 403, { detail: 'CSRF token cookie missing' });
  if (form.get('csrf_token') !== csrfCookieValue) return sendJson(res, 403, { detail: 'CSRF token validation failed' });
  const email = form.get('email') ?? '';
  const passwordOk = await passwordMatches(ctx, form.get('password') ?? '');
  if (!passwordOk || email !== ctx.adminEmail) {
    await delay(ctx.adminFailedLoginMinMs - (performance.now() - started));
    return redirect(res, `/admin/login?error=invalid_credentials&email=${pythonQuote(email)}`);
  }
  const session = randomBytes(24).toString('base64url');
  ctx.adminSessions.add(session);
  redirect(res, '/admin', [sessionCookie(session), csrfCookie(randomBytes(32).toString('hex'))]);
}

/** GET /admin/logout: back to the form with the cookies cleared (the session itself stays valid, as on 1.1.0). */
export function logout(res: ServerResponse): void {
  const expired = `expires=${new Date().toUTCString()}`;
  redirect(res, '/admin/login', [`${SESSION_COOKIE}=""; ${expired}; HttpOnly; Max-Age=0; Path=/; SameSite=lax`, `${CSRF_COOKIE}=""; ${expired}; Max-Age=0; Path=/; SameSite=strict`]);
}
