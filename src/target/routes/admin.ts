import type { IncomingMessage, ServerResponse } from 'node:http';

import { adminAccess, credentialsOf, type AdminAccess, type RequestKind, requestKind } from '../admin/access.js';
import { adminJson } from '../admin/api.js';
import { adminCatalogue, type AdminCatalogue } from '../admin/catalogue.js';
import { CSRF_COOKIE, SESSION_COOKIE, logout, newCsrfCookie, postLogin, sessionCookie, storedHash } from '../admin/login.js';
import { dashboardPage, loginPage } from '../admin/pages.js';
import { adminPartial } from '../admin/partials.js';
import type { Route, TargetContext } from '../context.js';
import { injectFault } from '../context.js';
import { cookies, sendJson } from '../http-util.js';

const HTML = 'text/html; charset=utf-8';
const LOGIN = '/admin/login';

function sendHtml(res: ServerResponse, status: number, html: Buffer | string, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'content-type': HTML, 'content-length': Buffer.byteLength(html), ...headers });
  res.end(html);
}

function redirect(res: ServerResponse, status: number, location: string): void {
  res.writeHead(status, { location, 'content-length': 0 });
  res.end();
}

/** A refused request, answered as the gateway answers it for its kind. */
function refuse(res: ServerResponse, kind: RequestKind, access: Exclude<AdminAccess, { kind: 'granted' }>): void {
  if (access.kind === 'cookie-refused') {
    return sendJson(res, 401, { detail: 'Cookie authentication not allowed for API requests. Use Authorization header.' }, { 'www-authenticate': 'Bearer' });
  }
  if (kind === 'htmx') {
    res.writeHead(200, { 'hx-redirect': LOGIN, 'content-length': 0 });
    return void res.end();
  }
  if (kind === 'page') return redirect(res, 302, LOGIN);
  sendJson(res, 401, { detail: access.detail });
}

const catalogues = new WeakMap<TargetContext, AdminCatalogue>();
const catalogueOf = (ctx: TargetContext): AdminCatalogue => {
  let c = catalogues.get(ctx);
  if (c === undefined) catalogues.set(ctx, (c = adminCatalogue(ctx.serverId, ctx.adminEmail)));
  return c;
};

const schemeOf = (req: IncomingMessage) => ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');

/** The login form, its POST and the logout: the paths open without a session. */
async function openPath(ctx: TargetContext, req: IncomingMessage, res: ServerResponse, path: string, session: string | undefined): Promise<boolean> {
  if (path === '/admin/logout') return (logout(res), true);
  if (path !== LOGIN) return false;
  if (req.method === 'POST') {
    if (await injectFault(ctx, `POST ${LOGIN}`)) return (sendJson(res, 503, { detail: 'injected fault' }), true);
    await postLogin(ctx, req, res, cookies(req)[CSRF_COOKIE]);
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return (sendJson(res, 405, { detail: 'Method Not Allowed' }), true);
  if (session !== undefined && ctx.adminSessions.has(session)) return (redirect(res, 303, '/admin'), true);
  storedHash(ctx); // the first POST then finds the admin password hashed
  sendHtml(res, 200, loginPage(), { 'set-cookie': newCsrfCookie() });
  return true;
}

/** The admin UI of ContextForge 1.1.0: form login, the dashboard, its HTMX partials and the JSON its pages fetch. */
export const adminRoute: Route = async (ctx, req, res, path, url) => {
  if (path !== '/admin' && !path.startsWith('/admin/')) return false;
  const jar = cookies(req);
  const session = jar[SESSION_COOKIE] ?? jar.access_token;
  if (await openPath(ctx, req, res, path, session)) return true;

  const kind = requestKind(req);
  const access = adminAccess(credentialsOf(req, session), (t) => t === ctx.token || ctx.adminSessions.has(t));
  if (access.kind !== 'granted') return (refuse(res, kind, access), true);
  if (req.method !== 'GET' && req.method !== 'HEAD') return (sendJson(res, 405, { detail: 'Method Not Allowed' }), true);
  // No route is /admin itself: the router's trailing-slash redirect, to an absolute URL on the request's host.
  if (path === '/admin') return (redirect(res, 307, `${schemeOf(req)}://${req.headers.host ?? url.host}${url.pathname}/`), true);

  const json = adminJson(path, catalogueOf(ctx));
  if (json !== undefined) {
    if (await injectFault(ctx, `GET ${path}`)) return (sendJson(res, 503, { detail: 'injected fault' }), true);
    return (sendJson(res, 200, json), true);
  }
  const html = path === '/admin/' ? dashboardPage() : adminPartial(path, url.searchParams, catalogueOf(ctx));
  if (html === undefined) return (sendJson(res, 404, { detail: 'Not Found' }), true);
  if (await injectFault(ctx, `${kind === 'htmx' ? 'HTMX' : 'GET'} ${path}`)) return (sendHtml(res, 503, '<!doctype html><title>Error</title><p>injected fault</p>'), true);
  // The dashboard renews the session cookie it was opened with.
  const renew = path === '/admin/' && access.via === 'cookie' && session !== undefined;
  sendHtml(res, 200, html, renew ? { 'set-cookie': [sessionCookie(session), newCsrfCookie()] } : {});
  return true;
};
