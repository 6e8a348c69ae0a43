import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { Route, TargetContext } from '../context.js';
import { injectFault } from '../context.js';
import { cookies, hasBearer, readBody, sendJson, sendText } from '../http-util.js';
import { gatewayTools } from '../json-rpc.js';

const CSRF_COOKIE = 'mcpgateway_csrf_token';
const SESSION_COOKIE = 'jwt_token';
const SECTIONS = ['tools', 'servers', 'gateways', 'resources', 'prompts', 'metrics', 'plugins', 'overview', 'teams', 'users', 'tokens'];

const html = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><title>${title} - MCP Gateway Admin</title></head><body><main id="${title}">${body}</main></body></html>`;

const loginPage = html(
  'login',
  `<form method="post" action="/admin/login"><input name="email" type="email"><input name="password" type="password">` +
    `<input type="hidden" name="csrf_token" id="csrf_token"><button type="submit">Sign in</button></form>`,
);

const newToken = () => randomBytes(24).toString('base64url');

function login(ctx: TargetContext, req: IncomingMessage, res: ServerResponse, body: string): void {
  const form = new URLSearchParams(body);
  const origin = req.headers.origin ?? req.headers.referer;
  const csrf = cookies(req)[CSRF_COOKIE];
  if (origin === undefined || !origin.startsWith(`http://${req.headers.host ?? ''}`)) {
    return sendJson(res, 403, { detail: 'CSRF origin validation failed' });
  }
  if (csrf === undefined || form.get('csrf_token') !== csrf) return sendJson(res, 403, { detail: 'CSRF token validation failed' });
  if (form.get('email') !== ctx.adminEmail || form.get('password') !== ctx.adminPassword) {
    res.writeHead(303, { location: '/admin/login?error=invalid_credentials' });
    return void res.end();
  }
  const session = newToken();
  ctx.adminSessions.add(session);
  res.writeHead(303, {
    location: '/admin',
    'set-cookie': [`${SESSION_COOKIE}=${session}; HttpOnly; Path=/; SameSite=lax; Max-Age=3600`, `${CSRF_COOKIE}=${newToken()}; Path=/; SameSite=strict`],
  });
  res.end();
}

/** Logged out: a page redirects to the login form; an HTMX request gets 200 + HX-Redirect, as on the gateway. */
function refuse(req: IncomingMessage, res: ServerResponse): void {
  if (req.headers['hx-request'] === 'true') return sendText(res, 200, '', 'text/html', { 'hx-redirect': '/admin/login' });
  if ((req.headers.accept ?? '').includes('application/json')) return sendJson(res, 401, { detail: 'Not authenticated' });
  res.writeHead(302, { location: '/admin/login' });
  res.end();
}

/** The names a partial lists, as the seeded gateway's do (tools by name, the virtual server `loadtest`). */
const ROWS: Readonly<Record<string, readonly string[]>> = { tools: gatewayTools.map((t) => t.name), servers: ['loadtest'] };

function page(path: string): string | undefined {
  if (path === '/admin' || path === '/admin/') {
    return html('dashboard', '<h1>Dashboard</h1><div hx-get="/admin/overview/partial" hx-trigger="load"></div>');
  }
  const [, section, partial] = /^\/admin\/([a-z]+)(\/partial)?\/?$/.exec(path) ?? [];
  if (section === undefined || !SECTIONS.includes(section)) return undefined;
  const rows = (ROWS[section] ?? ['loadtest']).map((n) => `<tr><td>${n}</td></tr>`).join('');
  return partial ? `<table id="${section}-table">${rows}</table>` : html(section, `<h1>${section}</h1>`);
}

/** ContextForge 1.1.0 answers these admin paths with JSON (the UI's fetch() calls), not pages. */
const JSON_SECTIONS: Readonly<Record<string, unknown>> = {
  '/admin/tools': { data: gatewayTools.map((t) => ({ name: t.name, description: t.description })) },
  '/admin/servers': { data: [{ id: 'loadtest', name: 'loadtest' }] },
  '/admin/gateways': { data: [] },
  '/admin/metrics': { tools: { totalExecutions: 0 }, resources: { totalExecutions: 0 }, prompts: { totalExecutions: 0 } },
  '/admin/plugins': { plugins: [], total: 0 },
};

/** A cookie is accepted for a browser request only: HTML, htmx, or a fetch() from an admin page (Referer). */
const isBrowserRequest = (req: IncomingMessage): boolean =>
  (req.headers.accept ?? '').includes('text/html') || req.headers['hx-request'] === 'true' || /\/admin/.test(req.headers.referer ?? '');

/** The admin UI: CSRF-cookie form login, pages and HTMX partials. */
export const adminRoute: Route = async (ctx, req, res, path) => {
  if (path !== '/admin' && !path.startsWith('/admin/')) return false;
  if (path === '/admin/login') {
    if (req.method === 'POST') return (login(ctx, req, res, await readBody(req)), true);
    sendText(res, 200, loginPage, 'text/html; charset=utf-8', { 'set-cookie': `${CSRF_COOKIE}=${newToken()}; Path=/; SameSite=strict` });
    return true;
  }
  const session = cookies(req)[SESSION_COOKIE];
  const byCookie = session !== undefined && ctx.adminSessions.has(session);
  if (!byCookie && !hasBearer(req, ctx.token)) return (refuse(req, res), true);
  const data = req.method === 'GET' ? JSON_SECTIONS[path.replace(/\/$/, '')] : undefined;
  if (data !== undefined) {
    if (!hasBearer(req, ctx.token) && !isBrowserRequest(req)) {
      return (sendJson(res, 401, { detail: 'Cookie authentication not allowed for API requests. Use Authorization header.' }), true);
    }
    if (await injectFault(ctx, `GET ${path}`)) return (sendJson(res, 503, { detail: 'injected fault' }), true);
    return (sendJson(res, 200, data), true);
  }
  const body = req.method === 'GET' ? page(path) : undefined;
  if (body === undefined) return (sendJson(res, 404, { detail: 'Not Found' }), true);
  const route = `${req.headers['hx-request'] === 'true' ? 'HTMX' : 'GET'} ${path}`;
  if (await injectFault(ctx, route)) return (sendText(res, 503, html('error', 'injected fault'), 'text/html'), true);
  sendText(res, 200, body, 'text/html; charset=utf-8');
  return true;
};
