import { expect } from 'vitest';

import type { Endpoint } from '../case.js';

/**
 * The admin UI as a browser uses it: the login form with its CSRF cookie and an Origin header, then a session
 * cookie. The conformance client (case.ts `send`) keeps one value per header name; a login answer carries two
 * Set-Cookie headers, so the admin cases read them here.
 */
export const CSRF_COOKIE = 'mcpgateway_csrf_token';
export const SESSION_COOKIE = 'jwt_token';

export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  /** Every Set-Cookie header, as sent. */
  readonly setCookies: readonly string[];
  readonly text: string;
  readonly elapsedMs: number;
}

/** One request without a bearer token, redirects not followed, timed from the request to the last byte. */
export async function raw(endpoint: Endpoint, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  const started = performance.now();
  const response = await fetch(`${endpoint.url}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, setCookies: response.headers.getSetCookie(), text, elapsedMs: performance.now() - started };
}

/** `name=value` of the Set-Cookie header for `name`, and the header itself. */
export function cookieOf(answer: RawAnswer, name: string): { readonly value: string; readonly header: string } {
  const header = answer.setCookies.find((c) => c.startsWith(`${name}=`));
  expect(header, `Set-Cookie ${name} in ${answer.status}: ${answer.setCookies.join(' | ')}`).toBeDefined();
  return { value: header!.slice(name.length + 1).split(';')[0]!, header: header! };
}

/** The login page's CSRF cookie value. */
export async function csrfCookie(endpoint: Endpoint): Promise<string> {
  const page = await raw(endpoint, '/admin/login', { headers: { accept: 'text/html' } });
  expect(page.status, page.text.slice(0, 200)).toBe(200);
  return cookieOf(page, CSRF_COOKIE).value;
}

export interface LoginForm {
  readonly email?: string;
  readonly password?: string;
  /** The csrf_token form field; the cookie's value unless given. */
  readonly csrfField?: string;
  /** The Origin header; the endpoint's own origin unless given, null for none. */
  readonly origin?: string | null;
  /** Send the CSRF cookie (default true). */
  readonly withCsrfCookie?: boolean;
}

/** POSTs the login form as the browser does after loading the login page. */
export async function postLogin(endpoint: Endpoint, form: LoginForm = {}): Promise<RawAnswer> {
  const csrf = await csrfCookie(endpoint);
  const body = new URLSearchParams({
    email: form.email ?? endpoint.adminEmail,
    password: form.password ?? endpoint.adminPassword,
    csrf_token: form.csrfField ?? csrf,
  }).toString();
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
  const origin = form.origin === undefined ? endpoint.url : form.origin;
  if (origin !== null) headers.origin = origin;
  if (form.withCsrfCookie ?? true) headers.cookie = `${CSRF_COOKIE}=${csrf}`;
  return raw(endpoint, '/admin/login', { method: 'POST', headers, body });
}

/** Logs in with the endpoint's admin account; the session cookie (`jwt_token=…`) for later requests. */
export async function login(endpoint: Endpoint): Promise<string> {
  const answer = await postLogin(endpoint);
  expect(answer.status, `login: ${answer.status} ${answer.headers.get('location')}`).toBe(303);
  return `${SESSION_COOKIE}=${cookieOf(answer, SESSION_COOKIE).value}`;
}
