import { expect } from 'vitest';

import { exchange, requestCase, type ConformanceCase, type Endpoint, type Expected, type Request } from '../case.js';

/**
 * rest: what the real gateway answers on its REST routes, paths and auth checks (D1-D10 of the 1.1.0 run
 * report): shapes, /v1 vs root, the legacy aliases and their headers, 401s per route family, peers.
 */

const DASHED_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
const PING = { jsonrpc: '2.0', id: 1, method: 'ping' };
const MCP_HEADERS = { accept: 'application/json, text/event-stream' };
const mcpPath = (e: Endpoint) => `/servers/${e.serverId}/mcp`;

const NOT_FOUND: Expected = { status: 404, contentType: 'application/json', jsonEquals: { detail: 'Not Found' } };
const SUNSET = 'Sat, 26 Sep 2026 00:00:00 GMT';
const NO_DEPRECATION = { sunset: null, deprecation: null, link: null, 'x-deprecated-endpoint': null } as const;
const deprecated = (path: string) => ({
  sunset: SUNSET,
  deprecation: 'true',
  link: `</v1${path}>; rel="successor-version"`,
  'x-deprecated-endpoint': `This endpoint is deprecated. Use /v1${path} instead. It will be removed after ${SUNSET}.`,
});

/** 401s per route family (D6): body and whether WWW-Authenticate comes with it, without a token and with a bad one. */
const API_MISSING: Expected = { status: 401, contentType: 'application/json', jsonEquals: { detail: 'Authorization token required' }, headers: { 'www-authenticate': null } };
const API_BAD: Expected = { status: 401, contentType: 'application/json', jsonEquals: { detail: 'Invalid authentication credentials' }, headers: { 'www-authenticate': null } };
const BASIC: Expected = { status: 401, jsonEquals: { detail: 'Authentication required. Please login with email/password or use basic auth.' }, headers: { 'www-authenticate': 'Bearer' } };
const challenged = (detail: string): Expected => ({ status: 401, jsonEquals: { detail }, headers: { 'www-authenticate': 'Bearer' } });

const FEDERATED_TOOLS = ['fast-test-echo', 'fast-test-get-stats', 'fast-test-get-system-time', 'fast-time-get-system-time', 'gw-health'];

/** The port of a test server's URL: the gateway stores its peers as http://localhost:PORT/<path>. */
const portOf = (url: string) => new URL(url).port;

const shapes: ConformanceCase[] = [
  requestCase('rest', 'GET /health is {"status":"healthy"} without a token, nothing more', { path: '/health', auth: 'none' }, { status: 200, contentType: 'application/json', jsonEquals: { status: 'healthy' } }, { covers: ['D2'] }),
  requestCase('rest', 'GET /ready lists its status items without a token', { path: '/ready', auth: 'none' }, {
    status: 200,
    contentType: 'application/json',
    jsonEquals: { status: 'ready', status_items: [{ name: 'Database', status_code: 200, message: 'Database Connection Successful' }] },
  }, { covers: ['D5'] }),
  requestCase('rest', 'GET /health/security scores 70 with its checks', { path: '/health/security' }, {
    status: 200,
    json: { status: 'healthy', score: 70, checks: { authentication: true, secure_secrets: true, ssl_verification: true, debug_disabled: true, cors_restricted: true, ui_protected: true }, warning_count: 3 },
  }, { covers: ['D5'] }),
  requestCase('rest', 'GET /v1/version names ContextForge 1.1.0 and its MCP protocol version', { path: '/v1/version' }, {
    status: 200,
    json: { app: { name: 'ContextForge', version: '1.1.0', mcp_protocol_version: '2025-11-25' }, uptime_seconds: expect.any(Number) },
  }, { covers: ['D5'] }),
  requestCase('rest', 'GET /v1/resources/templates/list is an empty page object, not a list', { path: '/v1/resources/templates/list' }, { status: 200, jsonEquals: { _meta: {}, next_cursor: null, resource_templates: [] } }, { covers: ['D3'] }),
  requestCase('rest', 'GET /v1/tokens is an empty page object, not a list', { path: '/v1/tokens' }, { status: 200, jsonEquals: { tokens: [], total: 0, limit: 50, offset: 0 } }, { covers: ['D4'] }),
  requestCase('rest', 'GET /v1/rbac/my/roles is the admin\'s global role assignment', { path: '/v1/rbac/my/roles' }, { status: 200, json: [{ scope: 'global', is_active: true, expires_at: null }] }, { covers: ['D5'] }),
  requestCase('rest', 'GET /v1/rbac/my/permissions is ["*"]', { path: '/v1/rbac/my/permissions' }, { status: 200, jsonEquals: ['*'] }),
  requestCase('rest', 'GET /v1/api/metrics/stats reports the cleanup and rollup configuration', { path: '/v1/api/metrics/stats' }, {
    status: 200,
    json: { cleanup: { enabled: true, retention_days: 7, rollup_retention_days: 365 }, rollup: { enabled: true, is_postgresql: false }, table_sizes: expect.any(Object) },
  }, { covers: ['D5'] }),
  requestCase('rest', 'GET /v1/metrics has counters per entity kind and the A2A agents', { path: '/v1/metrics' }, {
    status: 200,
    json: { tools: { totalExecutions: expect.any(Number), failureRate: expect.any(Number) }, resources: {}, servers: {}, prompts: {}, a2aAgents: { totalAgents: 0 } },
  }),
  requestCase('rest', 'GET /v1/roots is the configured root', { path: '/v1/roots' }, { status: 200, jsonEquals: [{ uri: 'https://example.com/loadtest', name: 'loadtest', _meta: null }] }),
  requestCase('rest', 'GET /v1/teams/discover and /v1/a2a are empty lists', { path: '/v1/teams/discover' }, { status: 200, jsonEquals: [] }),
  {
    area: 'rest',
    name: 'GET /v1/auth/email/me is the platform admin',
    covers: ['D5'],
    run: async (e) => void (await exchange(e, { path: '/v1/auth/email/me' }, { status: 200, json: { email: e.adminEmail, is_admin: true, is_active: true, auth_provider: 'local' } })),
  },
  requestCase('rest', 'GET /metrics/prometheus is Prometheus text with ENABLE_METRICS=true (the load-test setting)', { path: '/metrics/prometheus' }, {
    status: 200,
    contentType: /^text\/plain; version=1\.0\.0; charset=utf-8$/,
    text: /^# HELP \w+ /,
  }, { covers: ['D1'] }),
  requestCase('rest', 'GET /metrics/prometheus is 503 "Metrics collection is disabled" with ENABLE_METRICS=false', { path: '/metrics/prometheus' }, {
    status: 503,
    contentType: 'application/json',
    text: '{"error": "Metrics collection is disabled"}',
  }, { covers: ['D1'], settings: { ENABLE_METRICS: 'false' } }),
  requestCase('rest', 'GET /v1/metrics still answers with ENABLE_METRICS=false', { path: '/v1/metrics' }, { status: 200, json: { tools: {} } }, { settings: { ENABLE_METRICS: 'false' } }),
];

const peers: ConformanceCase[] = [
  {
    area: 'rest',
    name: 'GET /v1/gateways lists the two peers, stored under localhost',
    covers: ['D9'],
    run: async (e) => {
      const answer = await exchange(e, { path: '/v1/gateways' }, { status: 200, contentType: 'application/json' });
      const byName = new Map((answer.json() as { name: string }[]).map((g) => [g.name, g]));
      expect([...byName.keys()].sort()).toEqual(['fast-test', 'fast-time']);
      for (const [name, url] of [['fast-time', e.fastTimeUrl], ['fast-test', e.fastTestUrl]] as const) {
        expect(byName.get(name)).toMatchObject({ slug: name, transport: 'STREAMABLEHTTP', enabled: true, reachable: true, url: expect.stringMatching(new RegExp(`^http://localhost:${portOf(url)}/(http|mcp)$`)) });
      }
    },
  },
  {
    area: 'rest',
    name: 'GET /v1/tools names the peers\' tools <gateway-slug>-<tool-slug>',
    covers: ['D9'],
    run: async (e) => {
      const tools = (await exchange(e, { path: '/v1/tools' }, { status: 200 })).json() as Record<string, unknown>[];
      expect(tools.map((t) => t.name).sort()).toEqual(FEDERATED_TOOLS);
      expect(tools.find((t) => t.name === 'fast-test-get-system-time')).toMatchObject({ originalName: 'get_system_time', gatewaySlug: 'fast-test', integrationType: 'MCP', requestType: 'STREAMABLEHTTP', enabled: true });
      expect(tools.find((t) => t.name === 'gw-health')).toMatchObject({ integrationType: 'REST', requestType: 'GET', gatewaySlug: '' });
    },
  },
  {
    area: 'rest',
    name: 'MCP tools/list of the virtual server has the same federated names, and tools/call reaches the peer',
    covers: ['D9'],
    run: async (e) => {
      const list = await exchange(e, { path: mcpPath(e), headers: MCP_HEADERS, body: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} } }, { status: 200 });
      expect((list.json().result.tools as { name: string }[]).map((t) => t.name).sort()).toEqual(FEDERATED_TOOLS);
      const call = { jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'fast-test-echo', arguments: { message: 'conformance' } } };
      await exchange(e, { path: mcpPath(e), headers: MCP_HEADERS, body: call }, { status: 200, json: { result: { content: [{ type: 'text', text: 'conformance' }], isError: false } } });
    },
  },
  {
    area: 'rest',
    name: 'GET /v1/servers has the virtual server with every federated tool',
    covers: ['D9'],
    run: async (e) => {
      const [server] = (await exchange(e, { path: '/v1/servers' }, { status: 200 })).json() as Record<string, unknown>[];
      expect(server).toMatchObject({ id: e.serverId, name: 'loadtest', enabled: true });
      expect([...(server!.associatedTools as string[])].sort()).toEqual(FEDERATED_TOOLS);
    },
  },
  {
    area: 'rest',
    name: 'GET /v1/resources and /v1/prompts: the peers took over the seeded resource and prompt',
    covers: ['D9'],
    run: async (e) => {
      const resources = (await exchange(e, { path: '/v1/resources' }, { status: 200 })).json() as Record<string, unknown>[];
      expect(resources.map((r) => r.name).sort()).toEqual(['fast-test-hello', 'fast-time-hello']);
      expect(resources.every((r) => r.originalName === 'hello' && r.mimeType === 'text/plain')).toBe(true);
      const prompts = (await exchange(e, { path: '/v1/prompts' }, { status: 200 })).json() as Record<string, unknown>[];
      expect(prompts.map((p) => p.name).sort()).toEqual(['fast-test-greeting', 'fast-time-greeting']);
    },
  },
  requestCase('rest', 'GET /v1/tags counts the loadtest tag, peers included', { path: '/v1/tags' }, { status: 200, json: [{ name: 'loadtest', stats: { gateways: 2, servers: 1 } }] }, { covers: ['D9'] }),
];

/** Served at the root only: 404 under /v1 (D7). */
const ROOT_ONLY: readonly (readonly [string, (e: Endpoint) => Request])[] = [
  ['GET /v1/health', () => ({ path: '/v1/health', auth: 'none' })],
  ['GET /v1/ready', () => ({ path: '/v1/ready' })],
  ['GET /v1/health/security', () => ({ path: '/v1/health/security' })],
  ['GET /v1/metrics/prometheus', () => ({ path: '/v1/metrics/prometheus' })],
  ['POST /v1/servers/<id>/mcp', (e) => ({ path: `/v1${mcpPath(e)}`, headers: MCP_HEADERS, body: PING })],
  ['POST /v1/rpc', () => ({ path: '/v1/rpc', body: PING })],
];

const paths: ConformanceCase[] = [
  ...ROOT_ONLY.map(([what, request]) => requestCase('rest', `${what} is 404: served at the root only`, request, NOT_FOUND, { covers: ['D7'] })),
  requestCase('rest', 'GET /v1/ is 404 while GET / redirects', { path: '/v1/' }, NOT_FOUND, { covers: ['D7'] }),
  requestCase('rest', 'GET /v1/tools answers without deprecation headers, with the security and cache headers', { path: '/v1/tools' }, {
    status: 200,
    headers: { ...NO_DEPRECATION, 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'content-security-policy': /frame-ancestors 'none';$/, 'cache-control': 'no-store, private', pragma: 'no-cache', expires: '0', vary: 'Origin, Authorization' },
  }, { covers: ['D7', 'D8'] }),
  requestCase('rest', 'GET /tools (the legacy alias) answers with Sunset, Deprecation, Link and X-Deprecated-Endpoint', { path: '/tools' }, { status: 200, headers: deprecated('/tools') }, { covers: ['D8'] }),
  {
    area: 'rest',
    name: 'GET /servers/<id> (legacy) is the virtual server and links its /v1 successor',
    covers: ['D8'],
    run: async (e) => void (await exchange(e, { path: `/servers/${e.serverId}` }, { status: 200, json: { id: e.serverId, name: 'loadtest' }, headers: deprecated(`/servers/${e.serverId}`) })),
  },
  {
    area: 'rest',
    name: 'POST /servers/<id>/mcp carries the deprecation headers of the /servers prefix (its /v1 successor is 404)',
    covers: ['D7', 'D8'],
    run: async (e) => void (await exchange(e, { path: mcpPath(e), headers: MCP_HEADERS, body: PING }, { status: 200, headers: deprecated(mcpPath(e)) })),
  },
  requestCase('rest', 'GET /metrics/prometheus carries the deprecation headers of the /metrics prefix', { path: '/metrics/prometheus' }, { status: 200, headers: deprecated('/metrics/prometheus') }, { covers: ['D8'] }),
  requestCase('rest', 'GET /health has security headers but no cache or deprecation headers', { path: '/health', auth: 'none' }, {
    status: 200,
    headers: { ...NO_DEPRECATION, 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin', 'cache-control': null, vary: 'Origin' },
  }, { covers: ['D8'] }),
  requestCase('rest', 'GET /version (permanently unversioned) has no deprecation headers', { path: '/version' }, { status: 200, headers: NO_DEPRECATION }, { covers: ['D8'] }),
  requestCase('rest', 'a 401 of a legacy route has no deprecation headers', { path: '/tools', auth: 'none' }, { status: 401, headers: { ...NO_DEPRECATION, 'cache-control': 'no-store, private' } }, { covers: ['D8'] }),
];

const slashes: ConformanceCase[] = [
  requestCase('rest', 'GET /v1/tools/ answers as /v1/tools (a collection takes the trailing slash)', { path: '/v1/tools/' }, { status: 200, contentType: 'application/json' }),
  requestCase('rest', 'GET /v1/tools/ without a token is 401, not a redirect', { path: '/v1/tools/', auth: 'none' }, API_MISSING),
  {
    area: 'rest',
    name: 'GET /v1/metrics/ and /health/security/ redirect (307) to the path without the slash, before any token check',
    run: async (e) => {
      await exchange(e, { path: '/v1/metrics/', auth: 'none' }, { status: 307, headers: { location: `${e.url}/v1/metrics` } });
      await exchange(e, { path: '/health/security/', auth: 'none' }, { status: 307, headers: { location: `${e.url}/health/security` } });
    },
  },
  requestCase('rest', 'HEAD /v1/tools is 405 Allow: GET (the GET routes do not answer HEAD)', { method: 'HEAD', path: '/v1/tools' }, { status: 405, headers: { allow: 'GET' } }),
  requestCase('rest', 'POST /health is 405 Allow: GET', { method: 'POST', path: '/health', body: {} }, { status: 405, headers: { allow: 'GET' }, jsonEquals: { detail: 'Method Not Allowed' } }),
];

const LEGACY_OFF = { LEGACY_API_ENABLED: 'false' } as const;
const legacyOff: ConformanceCase[] = [
  ...['/tools', '/servers', '/gateways', '/version', '/api/metrics/stats', '/tokens', '/auth/email/me', '/admin/'].map((path) =>
    requestCase('rest', `GET ${path} is 404 with LEGACY_API_ENABLED=false`, { path }, NOT_FOUND, { covers: ['D7'], settings: LEGACY_OFF })),
  requestCase('rest', 'GET /servers/<id>/sse is 404 with LEGACY_API_ENABLED=false', (e) => ({ path: `/servers/${e.serverId}/sse` }), NOT_FOUND, { covers: ['D7'], settings: LEGACY_OFF }),
  {
    area: 'rest',
    name: 'POST /servers/<id>/message is 404 with LEGACY_API_ENABLED=false (the SSE endpoint event still announces it); /v1/… and /message answer',
    covers: ['D7'],
    settings: LEGACY_OFF,
    run: async (e) => {
      const message = (path: string): Request => ({ path: `${path}?session_id=none`, body: PING });
      await exchange(e, message(`/servers/${e.serverId}/message`), NOT_FOUND);
      await exchange(e, message(`/v1/servers/${e.serverId}/message`), { status: 404, jsonEquals: { detail: 'Session not found' } });
      await exchange(e, message('/message'), { status: 404, jsonEquals: { detail: 'Session not found' } });
    },
  },
  requestCase('rest', 'GET /v1/tools answers with LEGACY_API_ENABLED=false', { path: '/v1/tools' }, { status: 200, headers: NO_DEPRECATION }, { covers: ['D7'], settings: LEGACY_OFF }),
  requestCase('rest', 'GET /v1/version answers with LEGACY_API_ENABLED=false', { path: '/v1/version' }, { status: 200, json: { app: { name: 'ContextForge' } } }, { covers: ['D7'], settings: LEGACY_OFF }),
  requestCase('rest', 'GET /health/security stays at the root with LEGACY_API_ENABLED=false', { path: '/health/security' }, { status: 200, json: { status: 'healthy' } }, { covers: ['D7'], settings: LEGACY_OFF }),
  requestCase('rest', 'GET /metrics/prometheus stays at the root, without deprecation headers, with LEGACY_API_ENABLED=false', { path: '/metrics/prometheus' }, { status: 200, headers: NO_DEPRECATION }, { covers: ['D7', 'D8'], settings: LEGACY_OFF }),
  {
    area: 'rest',
    name: 'POST /servers/<id>/mcp and /rpc stay at the root with LEGACY_API_ENABLED=false',
    covers: ['D7'],
    settings: LEGACY_OFF,
    run: async (e) => {
      await exchange(e, { path: mcpPath(e), headers: MCP_HEADERS, body: PING }, { status: 200, json: { result: {} }, headers: NO_DEPRECATION });
      await exchange(e, { path: '/rpc', body: PING }, { status: 200, json: { result: {} } });
    },
  },
];


const AUTH: readonly (readonly [string, (e: Endpoint) => Request, Expected, Expected])[] = [
  ['GET /v1/tools', () => ({ path: '/v1/tools' }), API_MISSING, API_BAD],
  ['GET /tools', () => ({ path: '/tools' }), API_MISSING, API_BAD],
  ['GET /v1/tokens', () => ({ path: '/v1/tokens' }), API_MISSING, API_BAD],
  ['POST /rpc', () => ({ path: '/rpc', body: PING }), API_MISSING, API_BAD],
  ['GET /v1/servers/<id>/sse', (e) => ({ path: `/v1/servers/${e.serverId}/sse`, headers: { accept: 'text/event-stream' } }), API_MISSING, API_BAD],
  ['GET /v1/version', () => ({ path: '/v1/version' }), BASIC, BASIC],
  ['GET /health/security', () => ({ path: '/health/security' }), BASIC, BASIC],
  ['GET /v1/api/metrics/stats', () => ({ path: '/v1/api/metrics/stats' }), BASIC, BASIC],
  ['GET /v1/auth/email/me', () => ({ path: '/v1/auth/email/me' }), challenged('Authentication required'), challenged('Invalid token')],
  ['GET /metrics/prometheus', () => ({ path: '/metrics/prometheus' }), challenged('Not authenticated'), challenged('Invalid token')],
];

const auth: ConformanceCase[] = [
  ...AUTH.flatMap(([what, request, missing, bad]) => [
    requestCase('rest', `${what} without a token: 401 ${JSON.stringify(missing.jsonEquals)}`, (e) => ({ ...request(e), auth: 'none' }), missing, { covers: ['D6'] }),
    requestCase('rest', `${what} with a token it did not issue: 401 ${JSON.stringify(bad.jsonEquals)}`, (e) => ({ ...request(e), auth: 'bad' }), bad, { covers: ['D6'] }),
  ]),
  requestCase('rest', 'GET /ready needs no token', { path: '/ready', auth: 'bad' }, { status: 200 }, { covers: ['D6'] }),
  requestCase('rest', 'a Basic Authorization header counts as no token', { path: '/v1/tools', auth: 'none', headers: { authorization: 'Basic YWRtaW46eA==' } }, API_MISSING, { covers: ['D6'] }),
];

const serverIds: ConformanceCase[] = [
  requestCase('rest', 'POST /servers/<dashed uuid>/mcp is 404: the id is matched as written', { path: `/servers/${DASHED_ID}/mcp`, headers: MCP_HEADERS, body: PING }, {
    status: 404,
    json: { detail: expect.stringMatching(/^Server not found/) },
  }, { covers: ['D10'] }),
  requestCase('rest', 'POST /servers/<upper-case id>/mcp is 404', (e) => ({ path: `/servers/${e.serverId.toUpperCase()}/mcp`, headers: MCP_HEADERS, body: PING }), { status: 404 }, { covers: ['D10'] }),
  requestCase('rest', 'GET /v1/servers/<dashed uuid>/sse is 404 "Server not found: <id>"', { path: `/v1/servers/${DASHED_ID}/sse` }, { status: 404, jsonEquals: { detail: `Server not found: ${DASHED_ID}` } }, { covers: ['D10'] }),
];

export const restCases: readonly ConformanceCase[] = [...shapes, ...peers, ...paths, ...slashes, ...legacyOff, ...auth, ...serverIds];
