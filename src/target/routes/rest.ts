import type { Route } from '../context.js';
import { injectFault } from '../context.js';
import { hasBearer, sendJson, sendText, unauthorized } from '../http-util.js';

const now = () => new Date().toISOString();
const tool = { id: '0c6f2e8a7d3b4e19a5c1f0b2d4e6a8c0', name: 'gw-health', url: 'http://127.0.0.1:4444/health', integrationType: 'REST', requestType: 'GET', enabled: true, tags: ['loadtest'] };

/** The gateway's read-only REST endpoints: body, and whether a bearer token is required. */
const endpoints: Readonly<Record<string, { readonly auth: boolean; readonly body: (serverId: string) => unknown }>> = {
  '/health': { auth: false, body: () => ({ status: 'healthy', mcp_runtime: { mode: 'python' } }) },
  '/ready': { auth: false, body: () => ({ status: 'ready' }) },
  '/version': { auth: true, body: () => ({ app: { name: 'MCP_Gateway', version: '1.0.7' }, timestamp: now() }) },
  '/health/security': { auth: true, body: () => ({ status: 'healthy', score: 100, warnings: [] }) },
  '/metrics': { auth: true, body: () => ({ tools: { totalExecutions: 0 }, resources: {}, prompts: {}, servers: {} }) },
  '/tools': { auth: true, body: () => [tool] },
  '/servers': { auth: true, body: (id) => [{ id, name: 'loadtest', associatedTools: [tool.id], isActive: true, tags: ['loadtest'] }] },
  '/gateways': { auth: true, body: () => [] },
  '/resources': { auth: true, body: () => [{ id: 'a1', uri: 'file:///loadtest/hello.txt', name: 'hello', mimeType: 'text/plain' }] },
  '/prompts': { auth: true, body: () => [{ id: 'p1', name: 'greeting', arguments: [{ name: 'user', required: true }] }] },
  '/tags': { auth: true, body: () => [{ name: 'loadtest', stats: { tools: 1, resources: 1, prompts: 1, servers: 1, total: 4 } }] },
  '/roots': { auth: true, body: () => [{ uri: 'https://example.com/loadtest', name: 'loadtest' }] },
  '/teams/discover': { auth: true, body: () => [] },
  '/auth/email/me': { auth: true, body: () => ({ email: 'admin@example.com', full_name: 'Load Admin', is_admin: true }) },
  '/resources/templates/list': { auth: true, body: () => [] },
  '/rbac/my/roles': { auth: true, body: () => [{ role: 'platform_admin', scope: 'global' }] },
  '/rbac/my/permissions': { auth: true, body: () => ['*'] },
  '/a2a': { auth: true, body: () => [] },
  '/tokens': { auth: true, body: () => [] },
  '/api/metrics/stats': { auth: true, body: () => ({ total_requests: 0, uptime_seconds: Math.round(process.uptime()) }) },
};

const PROMETHEUS = '# HELP http_requests_total Total HTTP requests\n# TYPE http_requests_total counter\nhttp_requests_total 1\n';

export const restRoute: Route = async (ctx, req, res, path) => {
  const endpoint = endpoints[path];
  if (endpoint === undefined && path !== '/metrics/prometheus') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendJson(res, 405, { detail: 'Method Not Allowed' }, { allow: 'GET' });
    return true;
  }
  if ((endpoint?.auth ?? true) && !hasBearer(req, ctx.token)) {
    unauthorized(res);
    return true;
  }
  if (await injectFault(ctx, `GET ${path}`)) {
    sendJson(res, 503, { detail: 'injected fault' });
  } else if (endpoint === undefined) {
    sendText(res, 200, PROMETHEUS, 'text/plain; version=0.0.4');
  } else {
    sendJson(res, 200, endpoint.body(ctx.serverId));
  }
  return true;
};
