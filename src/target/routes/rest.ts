import { gatewayRecords, promptRecords, resourceRecords, serverRecord, toolRecords } from '../catalogue.js';
import type { Route, TargetContext } from '../context.js';
import { injectFault, servesServer } from '../context.js';
import { hasBearer, sendJson, sendText, unauthorized, type AuthFamily } from '../http-util.js';

const now = () => new Date().toISOString();
const started = Date.now();
const uptime = () => Math.round((Date.now() - started) / 1000);

/** The gateway's read-only REST endpoints as the seeded 1.1.0 answers them: body, and which check needs a token (none: public). */
interface Endpoint {
  readonly auth: AuthFamily | 'none';
  readonly body: (ctx: TargetContext) => unknown;
  /** The body never changes once the target listens: serialised once per target. */
  readonly fixed?: boolean;
}

const fixedBodies = new WeakMap<TargetContext, Map<string, string>>();

function bodyText(ctx: TargetContext, path: string, endpoint: Endpoint): string | undefined {
  // Until startTarget has filled in the addresses (all at once), nothing is kept.
  if (!endpoint.fixed || ctx.addresses.gateway === '') {
    const body = endpoint.body(ctx);
    return body === undefined ? undefined : JSON.stringify(body);
  }
  const cache = fixedBodies.get(ctx) ?? new Map<string, string>();
  fixedBodies.set(ctx, cache);
  let text = cache.get(path);
  if (text === undefined) cache.set(path, (text = JSON.stringify(endpoint.body(ctx))));
  return text;
}

const counters = { totalExecutions: 0, successfulExecutions: 0, failedExecutions: 0, failureRate: 0, minResponseTime: null, maxResponseTime: null, avgResponseTime: null, lastExecutionTime: null };
const cleanup = { enabled: true, retention_days: 7, rollup_retention_days: 365, batch_size: 10000, batch_sleep_ms: 50, cleanup_interval_hours: 1, total_cleaned: 0, cleanup_runs: 0, delete_raw_after_rollup: true, delete_raw_after_rollup_hours: 1 };
const metricTables = ['tool', 'resource', 'prompt', 'server', 'a2a_agent'].flatMap((t) => [`${t}_metrics`, `${t}_metrics_hourly`]);

const endpoints: Readonly<Record<string, Endpoint>> = {
  '/health': { auth: 'none', body: () => ({ status: 'healthy' }) },
  '/ready': { auth: 'none', body: () => ({ status: 'ready', status_items: [{ name: 'Database', status_code: 200, message: 'Database Connection Successful' }] }) },
  '/version': {
    auth: 'basic',
    body: ({ profile }) => ({
      timestamp: now(),
      host: 'stand-in',
      uptime_seconds: uptime(),
      app: { name: profile.product, version: profile.version, mcp_protocol_version: profile.mcpProtocolVersion },
      platform: { python: 'none (jtl target)', os: process.platform },
      database: { dialect: 'none', reachable: true },
      settings: { cache_type: 'database', mcpgateway_ui_enabled: true, mcpgateway_admin_api_enabled: true },
    }),
  },
  '/health/security': {
    auth: 'basic',
    body: () => ({
      status: 'healthy',
      score: 70,
      checks: { authentication: true, secure_secrets: true, ssl_verification: true, debug_disabled: true, cors_restricted: true, ui_protected: true },
      warning_count: 3,
      timestamp: now(),
      warnings: ['Using default admin username - consider changing it', 'SQLite database in use - consider PostgreSQL for production', 'Environments are indistinguishable for JWTs'],
    }),
  },
  '/metrics': {
    auth: 'api',
    body: () => ({
      tools: counters, resources: counters, servers: counters, prompts: counters,
      a2aAgents: { totalAgents: 0, activeAgents: 0, totalInteractions: 0, successfulInteractions: 0, failedInteractions: 0, successRate: 0, avgResponseTime: 0, minResponseTime: 0, maxResponseTime: 0 },
    }),
  },
  '/tools': { auth: 'api', fixed: true, body: (ctx) => toolRecords(ctx.addresses.gateway, ctx.addresses.peers) },
  '/servers': { auth: 'api', fixed: true, body: (ctx) => [serverRecord(ctx.serverId, ctx.addresses.gateway, ctx.addresses.peers)] },
  '/gateways': { auth: 'api', fixed: true, body: (ctx) => gatewayRecords(ctx.addresses.peers) },
  '/resources': { auth: 'api', fixed: true, body: () => resourceRecords() },
  '/prompts': { auth: 'api', fixed: true, body: () => promptRecords() },
  '/tags': { auth: 'api', body: () => [{ name: 'loadtest', stats: { tools: 1, resources: 0, prompts: 1, servers: 1, gateways: 2, total: 5 }, entities: [] }] },
  '/roots': { auth: 'api', body: () => [{ uri: 'https://example.com/loadtest', name: 'loadtest', _meta: null }] },
  '/teams/discover': { auth: 'api', body: () => [] },
  '/auth/email/me': {
    auth: 'email',
    body: (ctx) => ({
      email: ctx.adminEmail, full_name: 'Platform Administrator', is_admin: true, is_active: true, auth_provider: 'local', created_at: now(), last_login: null,
      email_verified: true, password_change_required: false, failed_login_attempts: 0, locked_until: null, is_locked: false,
    }),
  },
  '/resources/templates/list': { auth: 'api', body: () => ({ _meta: {}, next_cursor: null, resource_templates: [] }) },
  '/rbac/my/roles': {
    auth: 'api',
    body: (ctx) => [{
      id: 'dfe2a2bd-e5aa-48f9-93d2-dc612042a574', user_email: ctx.adminEmail, role_id: 'c63192fc-ea52-4b70-b433-c1dc525f1524', role_name: null, scope: 'global',
      scope_id: null, granted_by: ctx.adminEmail, granted_at: now(), expires_at: null, is_active: true, grant_source: null,
    }],
  },
  '/rbac/my/permissions': { auth: 'api', body: () => ['*'] },
  '/a2a': { auth: 'api', body: () => [] },
  '/tokens': { auth: 'api', body: () => ({ tokens: [], total: 0, limit: 50, offset: 0 }) },
  '/api/metrics/stats': {
    auth: 'basic',
    body: () => ({
      cleanup,
      rollup: { enabled: true, rollup_interval_hours: 1, delete_raw_after_rollup: true, delete_raw_after_rollup_hours: 1, total_rollups: 0, rollup_runs: 1, is_postgresql: false },
      table_sizes: Object.fromEntries(metricTables.map((t) => [t, 0])),
    }),
  },
};

/** A scrape of about the gateway's size (20 KB on a fresh 1.1.0; the Python runtime's and the HTTP instrumentation's series). */
const PROMETHEUS = [
  '# HELP python_gc_objects_collected_total Objects collected during gc',
  '# TYPE python_gc_objects_collected_total counter',
  ...[0, 1, 2].map((g) => `python_gc_objects_collected_total{generation="${g}"} ${1000 * (g + 1)}.0`),
  ...['tools', 'resources', 'prompts', 'servers', 'gateways', 'tags', 'roots', 'health', 'ready', 'version', 'rpc', 'mcp', 'sse', 'message', 'admin', 'metrics'].flatMap((handler) => [
    `# HELP http_requests_total_${handler} Total number of requests by method, status and handler.`,
    `# TYPE http_requests_total_${handler} counter`,
    ...['0.005', '0.01', '0.025', '0.05', '0.075', '0.1', '0.25', '0.5', '0.75', '1.0', '2.5', '5.0', '+Inf'].map(
      (le) => `http_request_duration_seconds_bucket{handler="/${handler}",le="${le}",method="GET"} 1.0`,
    ),
  ]),
].join('\n') + '\n';

/** GET /servers/<id>: the one virtual server (its id as written, see servesServer). */
const SERVER_PATH = /^\/servers\/([^/]+)$/;
const serverEndpoint = (id: string): Endpoint => ({
  auth: 'api',
  body: (ctx) => (servesServer(ctx, id) ? serverRecord(ctx.serverId, ctx.addresses.gateway, ctx.addresses.peers) : undefined),
});

/** The collections answer with and without a trailing slash; any other endpoint redirects `<path>/` to `<path>` (307). */
const COLLECTIONS = new Set(['/tools', '/servers', '/gateways', '/resources', '/prompts', '/tags', '/roots', '/a2a']);

export const restRoute: Route = async (ctx, req, res, path, url) => {
  if (path.length > 1 && path.endsWith('/')) {
    const bare = path.slice(0, -1);
    if (COLLECTIONS.has(bare)) path = bare;
    else if (endpoints[bare] !== undefined || bare === '/metrics/prometheus' || SERVER_PATH.test(bare)) {
      res.writeHead(307, { location: `${url.origin}${url.pathname.slice(0, -1)}${url.search}`, 'content-length': 0 });
      return (res.end(), true);
    } else return false;
  }
  const serverId = SERVER_PATH.exec(path)?.[1];
  const endpoint = serverId === undefined ? endpoints[path] : serverEndpoint(serverId);
  if (endpoint === undefined && path !== '/metrics/prometheus') return false;
  // The gateway's GET routes do not answer HEAD either.
  if (req.method !== 'GET') {
    sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: 'GET' });
    return true;
  }
  const auth = endpoint?.auth ?? 'prometheus';
  if (auth !== 'none' && !hasBearer(req, ctx.token)) {
    unauthorized(res, auth);
    return true;
  }
  if (await injectFault(ctx, `GET ${path}`)) {
    sendJson(res, 503, { detail: 'injected fault' });
  } else if (endpoint !== undefined) {
    const text = bodyText(ctx, path, endpoint);
    if (text === undefined) sendJson(res, 404, { detail: `Server not found: ${serverId}` });
    else sendText(res, 200, text, 'application/json');
  } else if (ctx.metricsEnabled) {
    sendText(res, 200, PROMETHEUS, 'text/plain; version=1.0.0; charset=utf-8');
  } else {
    // The gateway's own spacing (Python's json.dumps).
    sendText(res, 503, '{"error": "Metrics collection is disabled"}', 'application/json');
  }
  return true;
};
