import { expect } from 'vitest';

import { exchange, requestCase, type ConformanceCase, type Endpoint } from '../case.js';
import { CSRF_COOKIE, SESSION_COOKIE, cookieOf, login, postLogin, raw } from './admin-browser.js';

/** admin: what the real gateway answers (see test/conformance/case.ts). ContextForge 1.1.0, measured 2026-12-02. */
const LOGGED_OUT_API = { status: 401, contentType: 'application/json', jsonEquals: { detail: 'Authentication required' }, headers: { 'www-authenticate': null } } as const;
const HTML = { accept: 'text/html,application/xhtml+xml' } as const;
const HTMX = { 'hx-request': 'true' } as const;
const JSON_ACCEPT = { accept: 'application/json' } as const;
const adminPage = (e: Endpoint) => `${e.url}/admin/`;

/**
 * What the 1.1.0 dashboard loads as soon as it is shown (hx-trigger "load"): the URL of each such element,
 * from its hx-get or from the table loader it calls in x-init. 21 elements.
 */
const DASHBOARD_LOADS = [
  '/admin/a2a/partial',
  '/admin/gateways/partial',
  '/admin/gateways/partial?page=1&per_page=50&render=selector',
  '/admin/gateways/partial?page=1&per_page=50&render=selector',
  '/admin/metrics/partial?entity_type=prompts&page=1&per_page=10',
  '/admin/metrics/partial?entity_type=resources&page=1&per_page=10',
  '/admin/metrics/partial?entity_type=servers&page=1&per_page=10',
  '/admin/metrics/partial?entity_type=tools&page=1&per_page=10',
  '/admin/overview/partial',
  '/admin/prompts/partial',
  '/admin/prompts/partial?page=1&per_page=20&render=selector',
  '/admin/prompts/partial?page=1&per_page=20&render=selector',
  '/admin/resources/partial',
  '/admin/resources/partial?page=1&per_page=20&render=selector',
  '/admin/resources/partial?page=1&per_page=20&render=selector',
  '/admin/servers/partial',
  '/admin/tokens/partial',
  '/admin/tools/partial',
  '/admin/tools/partial?page=1&per_page=20&render=selector',
  '/admin/tools/partial?page=1&per_page=50&render=selector',
  '/admin/users/partial?page=1&per_page=50',
];

/** The URLs the page's load-triggered elements fetch, sorted. */
function loadTriggered(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<[a-zA-Z][\w-]*\b[^>]*\bhx-trigger="load\b[^"]*"[^>]*>/g)) {
    const url = /\bhx-get="([^"]+)"/.exec(tag)?.[1] ?? /\$tableHxGet\('[^']*',\s*'([^']+)'/.exec(tag)?.[1];
    urls.push(url ?? `(no URL in ${tag.slice(0, 80)})`);
  }
  return urls.sort();
}

/** Names of a JSON list answer's `data` entries. */
const names = (body: { data: { name: string }[] }): string[] => body.data.map((d) => d.name).sort();

const toolsListOfTheVirtualServer = async (e: Endpoint): Promise<string[]> => {
  const answer = await exchange(
    e,
    { path: `/servers/${e.serverId}/mcp`, headers: { accept: 'application/json, text/event-stream' }, body: { jsonrpc: '2.0', id: 1, method: 'tools/list' } },
    { status: 200 },
  );
  return (answer.json().result.tools as { name: string }[]).map((t) => t.name).sort();
};

const adminCase = (name: string, covers: readonly string[], run: (e: Endpoint) => Promise<void>): ConformanceCase => ({ area: 'admin', name, covers, run });

export const adminCases: readonly ConformanceCase[] = [
  // --- logged out (D34): the same rules on every protected admin path, before any routing
  requestCase('admin', 'logged out, a page (Accept text/html) is sent to the login form: 302 /admin/login', { path: '/admin/', auth: 'none', headers: HTML }, { status: 302, headers: { location: '/admin/login' } }, { covers: ['D34'] }),
  requestCase('admin', 'logged out, GET /admin is 302 to the login form too (authentication comes before the 307)', { path: '/admin', auth: 'none', headers: HTML }, { status: 302, headers: { location: '/admin/login' } }, { covers: ['D29', 'D34'] }),
  requestCase('admin', 'logged out, an API call is 401 {"detail":"Authentication required"} without WWW-Authenticate', { path: '/admin/tools', auth: 'none', headers: JSON_ACCEPT }, LOGGED_OUT_API, { covers: ['D34'] }),
  requestCase('admin', 'logged out without any Accept of HTML (fetch default */*) is the JSON 401 as well, also on a partial', { path: '/admin/servers/partial', auth: 'none' }, LOGGED_OUT_API, { covers: ['D34'] }),
  requestCase('admin', 'logged out, an unknown admin path is the same 401 (authentication before routing)', { path: '/admin/no-such-page', auth: 'none', headers: JSON_ACCEPT }, LOGGED_OUT_API, { covers: ['D34'] }),
  requestCase('admin', 'logged out, an HTMX request gets 200 with HX-Redirect: /admin/login and an empty body', { path: '/admin/tools/partial?page=1', auth: 'none', headers: HTMX }, { status: 200, headers: { 'hx-redirect': '/admin/login' }, text: '' }, { covers: ['D34'] }),
  requestCase('admin', 'a token the gateway did not issue: 401 {"detail":"Invalid token"} to an API call', { path: '/admin/tools', auth: 'bad', headers: JSON_ACCEPT }, { status: 401, contentType: 'application/json', jsonEquals: { detail: 'Invalid token' } }, { covers: ['D34'] }),
  adminCase('an unknown session cookie: 401 "Invalid token" to an API call, 302 to the login form for a page, HX-Redirect for HTMX', ['D34'], async (e) => {
    const cookie = `${SESSION_COOKIE}=not-a-session`;
    await exchange(e, { path: '/admin/tools', auth: 'none', headers: { cookie, ...JSON_ACCEPT } }, { status: 401, jsonEquals: { detail: 'Invalid token' } });
    await exchange(e, { path: '/admin/', auth: 'none', headers: { cookie, ...HTML } }, { status: 302, headers: { location: '/admin/login' } });
    await exchange(e, { path: '/admin/overview/partial', auth: 'none', headers: { cookie, ...HTMX } }, { status: 200, headers: { 'hx-redirect': '/admin/login' }, text: '' });
  }),

  // --- routing (D29)
  adminCase('GET /admin is 307 to the absolute URL of /admin/ (a JMeter sampler that follows it records two sub-samples); /v1/admin keeps its prefix', ['D29'], async (e) => {
    await exchange(e, { path: '/admin', headers: HTML }, { status: 307, headers: { location: `${e.url}/admin/` }, text: '' });
    await exchange(e, { path: '/v1/admin' }, { status: 307, headers: { location: `${e.url}/v1/admin/` } });
  }),
  requestCase('admin', 'an unknown admin path, logged in: 404 {"detail":"Not Found"}', { path: '/admin/no-such-page', headers: HTML }, { status: 404, contentType: 'application/json', jsonEquals: { detail: 'Not Found' } }),
  requestCase('admin', '/admin/overview is not a page (only its partial is): 404', { path: '/admin/overview', headers: HTML }, { status: 404, jsonEquals: { detail: 'Not Found' } }),

  // --- the dashboard (D31)
  adminCase('the dashboard /admin/ is one HTML page of ~728 KB that loads 21 panels at once (hx-trigger "load")', ['D31'], async (e) => {
    const answer = await exchange(e, { path: '/admin/', headers: HTML }, { status: 200, contentType: 'text/html' });
    expect(Buffer.byteLength(answer.text), 'dashboard size (1.1.0 seeded: 728,508 bytes)').toBeGreaterThan(690_000);
    expect(Buffer.byteLength(answer.text)).toBeLessThan(770_000);
    expect(loadTriggered(answer.text)).toEqual(DASHBOARD_LOADS);
  }),
  adminCase('the dashboard through /v1/admin/ is the same page', ['D31'], async (e) => {
    const answer = await exchange(e, { path: '/v1/admin/', headers: HTML }, { status: 200, contentType: 'text/html' });
    expect(loadTriggered(answer.text)).toEqual(DASHBOARD_LOADS);
  }),

  // --- HTMX partials: HTML fragments with the seeded items
  requestCase('admin', 'the tools tab partial is an HTML table naming the seeded REST tool gw-health', { path: '/admin/tools/partial?page=1', headers: HTMX }, { status: 200, contentType: 'text/html', text: /<table id="tools-table"[\s\S]*gw-health/ }, { covers: ['D31'] }),
  requestCase('admin', 'the servers tab partial is an HTML table naming the virtual server loadtest', { path: '/admin/servers/partial?page=1', headers: HTMX }, { status: 200, contentType: 'text/html', text: /<table id="servers-table"[\s\S]*loadtest/ }, { covers: ['D31'] }),
  adminCase('the selector partials are short HTML lists (tools 2.8 KB on 1.1.0), the tab tables tens of KB (tools 49 KB)', ['D31'], async (e) => {
    const selector = await exchange(e, { path: '/admin/tools/partial?page=1&per_page=50&render=selector', headers: HTMX }, { status: 200, contentType: 'text/html', text: /gw-health/ });
    expect(selector.text).not.toContain('<table');
    expect(selector.text.length).toBeLessThan(12_000);
    const table = await exchange(e, { path: '/admin/tools/partial?page=1', headers: HTMX }, { status: 200, contentType: 'text/html' });
    expect(table.text.length).toBeGreaterThan(20_000);
    expect(table.text.length).toBeLessThan(120_000);
  }),
  adminCase('every panel the dashboard loads answers 200 text/html to an HTMX request', ['D31'], async (e) => {
    for (const path of new Set(DASHBOARD_LOADS)) await exchange(e, { path, headers: HTMX }, { status: 200, contentType: 'text/html' });
  }),

  // --- the JSON the pages fetch (D30)
  adminCase('/admin/tools is JSON: data names the same tools as the virtual server\'s tools/list, with pagination', ['D30'], async (e) => {
    const body = (await exchange(e, { path: '/admin/tools' }, { status: 200, contentType: 'application/json', json: { data: expect.any(Array), pagination: { page: 1, has_prev: false } } })).json();
    expect(names(body)).toContain('gw-health');
    expect(names(body)).toEqual(await toolsListOfTheVirtualServer(e));
    expect(body.pagination.total_items).toBe(body.data.length);
  }),
  adminCase('/admin/servers is JSON listing the virtual server (id, name loadtest)', ['D30'], async (e) => {
    await exchange(e, { path: '/admin/servers' }, { status: 200, contentType: 'application/json', json: { data: [{ id: e.serverId, name: 'loadtest', enabled: true }], pagination: { page: 1, total_items: 1 } } });
  }),
  requestCase('admin', '/admin/gateways is JSON listing the two peers', { path: '/admin/gateways' }, { status: 200, contentType: 'application/json', json: { data: [{ name: 'fast-test', enabled: true }, { name: 'fast-time', enabled: true }], pagination: { page: 1, total_items: 2 } } }, { covers: ['D30', 'D9'] }),
  requestCase('admin', '/admin/resources is JSON with the seeded resource URI', { path: '/admin/resources' }, { status: 200, contentType: 'application/json', json: { data: expect.arrayContaining([expect.objectContaining({ uri: 'file:///loadtest/hello.txt' })]), pagination: { page: 1 } } }, { covers: ['D30'] }),
  requestCase('admin', '/admin/prompts is JSON with the greeting prompt', { path: '/admin/prompts' }, { status: 200, contentType: 'application/json', json: { data: expect.arrayContaining([expect.objectContaining({ name: expect.stringMatching(/greeting$/) })]), pagination: { page: 1 } } }, { covers: ['D30'] }),
  requestCase('admin', '/admin/users is JSON with the platform admin', { path: '/admin/users' }, { status: 200, contentType: 'application/json', json: { data: [{ email: 'admin@example.com', is_admin: true, is_active: true }], pagination: { page: 1, total_items: 1 } } }, { covers: ['D30'] }),
  requestCase('admin', '/admin/metrics is JSON: per-entity execution summaries and top performers', { path: '/admin/metrics' }, {
    status: 200,
    contentType: 'application/json',
    json: Object.fromEntries([
      ...['tools', 'resources', 'prompts', 'servers'].map((k) => [k, { totalExecutions: expect.any(Number), successfulExecutions: expect.any(Number), failedExecutions: expect.any(Number), failureRate: expect.any(Number) }]),
      ['topPerformers', { tools: expect.any(Array), resources: expect.any(Array), prompts: expect.any(Array), servers: expect.any(Array) }],
    ]),
  }, { covers: ['D30'] }),
  requestCase('admin', '/admin/plugins is JSON: none, plugins off (PLUGINS_ENABLED=false)', { path: '/admin/plugins' }, { status: 200, contentType: 'application/json', jsonEquals: { plugins_globally_enabled: false, plugins: [], total: 0, enabled_count: 0, disabled_count: 0 } }, { covers: ['D30'] }),

  // --- the session cookie counts for browser requests only (D32)
  adminCase('a session cookie alone on an API call is 401 "Cookie authentication not allowed…" with WWW-Authenticate: Bearer', ['D32'], async (e) => {
    const cookie = await login(e);
    const refused = { status: 401, contentType: 'application/json', jsonEquals: { detail: 'Cookie authentication not allowed for API requests. Use Authorization header.' }, headers: { 'www-authenticate': 'Bearer' } };
    await exchange(e, { path: '/admin/tools', auth: 'none', headers: { cookie, ...JSON_ACCEPT } }, refused);
    await exchange(e, { path: '/admin/', auth: 'none', headers: { cookie } }, refused);
    await exchange(e, { path: '/admin/tools/partial?page=1', auth: 'none', headers: { cookie, ...JSON_ACCEPT } }, refused);
    // A Referer counts only from an admin page of the same host.
    await exchange(e, { path: '/admin/tools', auth: 'none', headers: { cookie, ...JSON_ACCEPT, referer: `${e.url}/docs` } }, refused);
    await exchange(e, { path: '/admin/tools', auth: 'none', headers: { cookie, ...JSON_ACCEPT, referer: `http://elsewhere.example/admin/` } }, refused);
  }),
  adminCase('the same cookie is accepted from an admin page (same-host Referer), with Accept text/html, or from htmx', ['D32'], async (e) => {
    const cookie = await login(e);
    const ok = { status: 200, contentType: 'application/json', json: { data: expect.any(Array) } };
    await exchange(e, { path: '/admin/tools', auth: 'none', headers: { cookie, ...JSON_ACCEPT, referer: adminPage(e) } }, ok);
    await exchange(e, { path: '/admin/tools', auth: 'none', headers: { cookie, ...HTML } }, ok);
    await exchange(e, { path: '/admin/tools', auth: 'none', headers: { cookie, ...HTMX } }, ok);
    await exchange(e, { path: '/admin/tools/partial?page=1', auth: 'none', headers: { cookie, ...HTMX } }, { status: 200, contentType: 'text/html', text: /gw-health/ });
  }),
  adminCase('logged in by cookie: GET /admin is 307, the dashboard 200 and it renews the session cookie', ['D29', 'D31'], async (e) => {
    const cookie = await login(e);
    await exchange(e, { path: '/admin', auth: 'none', headers: { cookie, ...HTML } }, { status: 307, headers: { location: `${e.url}/admin/` } });
    const page = await raw(e, '/admin/', { headers: { cookie, ...HTML } });
    expect(page.status).toBe(200);
    expect(cookieOf(page, SESSION_COOKIE).header).toMatch(/; HttpOnly; Max-Age=3600; Path=\/; SameSite=lax$/);
  }),

  // --- the login form (D33, D35)
  adminCase('GET /admin/login: 200 HTML form posting to /admin/login with a csrf_token field; CSRF cookie for a day', ['D33'], async (e) => {
    const page = await raw(e, '/admin/login', { headers: HTML });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.text).toMatch(/<form[^>]*action="\/admin\/login"/);
    expect(page.text).toMatch(/<input[^>]*name="csrf_token"/);
    expect(cookieOf(page, CSRF_COOKIE).header).toMatch(/^mcpgateway_csrf_token=[\w-]{20,}; Max-Age=86400; Path=\/; SameSite=strict$/);
  }),
  adminCase('a right password: 303 /admin, a session cookie for an hour and a new CSRF cookie, after a password hash', ['D33', 'D35'], async (e) => {
    const answer = await postLogin(e);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/admin');
    expect(cookieOf(answer, SESSION_COOKIE).header).toMatch(/^jwt_token=[^;]+; HttpOnly; Max-Age=3600; Path=\/; SameSite=lax$/);
    expect(cookieOf(answer, CSRF_COOKIE).header).toMatch(/^mcpgateway_csrf_token=[^;]+; Max-Age=86400; Path=\/; SameSite=strict$/);
    // Argon2id (time cost 3, 64 MiB) takes ~130 ms on this project's 2-core machine; no machine does it in 30.
    expect(answer.elapsedMs, 'a successful login hashes the password').toBeGreaterThan(30);
  }),
  adminCase('a wrong password: 303 back to the form with error=invalid_credentials and the email, no session, never under 250 ms', ['D33', 'D35'], async (e) => {
    const answer = await postLogin(e, { email: 'nobody+load@example.com', password: 'not-the-password' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/admin/login?error=invalid_credentials&email=nobody%2Bload%40example.com');
    expect(answer.setCookies.filter((c) => c.startsWith(`${SESSION_COOKIE}=`))).toEqual([]);
    // FAILED_LOGIN_MIN_RESPONSE_MS (250 by default): a failure is never answered sooner.
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(245);
  }),
  adminCase('the CSRF checks of the login form: Origin, then the cookie, then the form field (403 JSON each)', ['D33'], async (e) => {
    const check = async (form: Parameters<typeof postLogin>[1], detail: string) => {
      const answer = await postLogin(e, form);
      expect(answer.status, answer.text).toBe(403);
      expect(JSON.parse(answer.text)).toEqual({ detail });
    };
    await check({ origin: null }, 'CSRF origin validation failed');
    await check({ origin: 'http://elsewhere.example' }, 'CSRF origin validation failed');
    await check({ withCsrfCookie: false }, 'CSRF token cookie missing');
    await check({ csrfField: 'forged' }, 'CSRF token validation failed');
  }),
  adminCase('logged in, the login page sends you to /admin (303)', ['D33'], async (e) => {
    const cookie = await login(e);
    await exchange(e, { path: '/admin/login', auth: 'none', headers: { cookie, ...HTML } }, { status: 303, headers: { location: '/admin' } });
  }),
  adminCase('GET /admin/logout: 303 to /admin/login and the session cookie is cleared', ['D34'], async (e) => {
    const cookie = await login(e);
    const answer = await raw(e, '/admin/logout', { headers: { cookie, ...HTML } });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/admin/login');
    expect(cookieOf(answer, SESSION_COOKIE).header).toMatch(/^jwt_token=(""|); .*Max-Age=0/);
  }),
];
