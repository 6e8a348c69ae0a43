import type { AdminCatalogue, AdminItem } from './catalogue.js';

/**
 * The admin paths ContextForge 1.1.0 answers with JSON (the UI's fetch() calls): `{data, pagination, links}`
 * lists, the metrics summary and the plugin list. Only the fields a client of the stand-in reads are modelled.
 */
const CREATED = '2026-12-02T00:00:00Z';

function page<T>(path: string, data: readonly T[], perPage = 50) {
  return {
    data,
    pagination: { page: 1, per_page: perPage, total_items: data.length, total_pages: 1, has_next: false, has_prev: false, page_items: null, next_cursor: null, prev_cursor: null },
    links: { self: `${path}?page=1&per_page=${perPage}`, first: `${path}?page=1&per_page=${perPage}`, last: `${path}?page=1&per_page=${perPage}`, next: null, prev: null },
  };
}

const entity = (i: AdminItem) => ({ id: i.id, name: i.name, description: i.description, enabled: true, createdAt: CREATED, updatedAt: CREATED, tags: [], visibility: 'public' });

const summary = { totalExecutions: 0, successfulExecutions: 0, failedExecutions: 0, failureRate: 0, minResponseTime: null, maxResponseTime: null, avgResponseTime: null, lastExecutionTime: null };

/** The JSON body of a GET on an admin API path (without /v1 or a trailing slash), or undefined for any other path. */
export function adminJson(path: string, c: AdminCatalogue): unknown {
  switch (path) {
    case '/admin/tools':
      return page(path, c.tools.map((t) => ({ ...entity(t), originalName: t.name, integrationType: 'MCP', requestType: 'SSE', reachable: true })));
    case '/admin/servers':
      return page(path, c.servers.map((s) => ({ ...entity(s), associatedTools: c.tools.map((t) => t.name), associatedResources: c.resources.map((r) => r.id), associatedPrompts: c.prompts.map((p) => p.id) })));
    case '/admin/gateways':
      return page(path, c.gateways.map((g) => ({ ...entity(g), slug: g.name, transport: g.transport, status: 'active', reachable: true })));
    case '/admin/resources':
      return page(path, c.resources.map((r) => ({ ...entity(r), uri: r.uri, mimeType: r.mimeType })));
    case '/admin/prompts':
      return page(path, c.prompts.map((p) => ({ ...entity(p), arguments: [{ name: 'user', required: true }] })));
    case '/admin/users':
      return page(path, c.users);
    case '/admin/metrics':
      return { tools: summary, resources: summary, prompts: summary, servers: summary, topPerformers: { tools: [], resources: [], prompts: [], servers: [] } };
    case '/admin/plugins':
      // PLUGINS_ENABLED=false (scripts/gateway/gateway.env)
      return { plugins_globally_enabled: false, plugins: [], total: 0, enabled_count: 0, disabled_count: 0 };
    default:
      return undefined;
  }
}
