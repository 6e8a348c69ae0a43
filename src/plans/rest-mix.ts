import {
  httpSampler,
  jsonAssertion,
  prop,
  statusAssertion,
  throughputController,
  v,
  type ThreadGroupChild,
  type Variable,
} from '../jmx/index.js';
import { api, groovyOnce, gw } from './knobs.js';

/** One read-only REST endpoint of the mix and its weight in % (the spec's figures; they sum to 102). */
export interface RestEndpoint {
  readonly path: string;
  readonly weight: number;
  readonly weightVar: string;
  /** A JSONPath the body must have, where the shape is known. */
  readonly jsonPath?: string;
  /** Served at the root, not under API_PREFIX (health probes and the Prometheus scrape). */
  readonly root: boolean;
  /** A property that sets this endpoint's weight (0 leaves the endpoint out, also with REST_MIX_MODE=random). */
  readonly weightProp?: string;
}

const endpoint = (path: string, weight: number, jsonPath?: string): RestEndpoint => ({
  path,
  weight,
  weightVar: `W_REST_${path.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '').toUpperCase()}`,
  root: ROOT_PATHS.has(path),
  ...(jsonPath ? { jsonPath } : {}),
});

/** What ContextForge 1.1.0 serves at the root only (404 under /v1); the rest of the mix moved to /v1. */
const ROOT_PATHS: ReadonlySet<string> = new Set(['/health', '/ready', '/health/security', '/metrics/prometheus']);

/** `/version` is left out on purpose: it blocks the real gateway's event loop for ~0.4 s per call. */
export const REST_ENDPOINTS: readonly RestEndpoint[] = [
  endpoint('/health', 14, '$.status'),
  endpoint('/ready', 4),
  endpoint('/health/security', 4),
  // 503 unless the gateway runs with ENABLE_METRICS=true (its default is false): METRICS_PROMETHEUS_PCT=0 drops it.
  { ...endpoint('/metrics/prometheus', 4), weightProp: 'METRICS_PROMETHEUS_PCT' },
  endpoint('/metrics', 4),
  endpoint('/tools', 14),
  endpoint('/servers', 10),
  endpoint('/gateways', 8),
  endpoint('/resources', 8),
  endpoint('/prompts', 8),
  endpoint('/tags', 5),
  endpoint('/roots', 5),
  endpoint('/teams/discover', 2),
  endpoint('/auth/email/me', 2),
  endpoint('/resources/templates/list', 2),
  endpoint('/rbac/my/roles', 2),
  endpoint('/rbac/my/permissions', 2),
  endpoint('/a2a', 1),
  endpoint('/tokens', 1),
  endpoint('/api/metrics/stats', 2),
];

export const REST_MIX_MODE = prop('REST_MIX_MODE', 'weighted');

/**
 * Each endpoint's share, computed once per test: its weight, or an equal share when
 * REST_MIX_MODE=random. Goes into the plan's variables.
 */
export const restMixVariables = (): readonly Variable[] => {
  const uniform = Math.round((100 / REST_ENDPOINTS.length) * 100) / 100;
  return REST_ENDPOINTS.map((e) => {
    if (e.weightProp === undefined) return { name: e.weightVar, value: groovyOnce`'${REST_MIX_MODE}' == 'random' ? ${uniform} : ${e.weight}` };
    const w = prop(e.weightProp, e.weight);
    return { name: e.weightVar, value: groovyOnce`${w} == 0 ? 0 : ('${REST_MIX_MODE}' == 'random' ? ${uniform} : ${w})` };
  });
};

/** The REST mix: one percent-mode throughput controller per endpoint. `labelPrefix` tells phases apart. */
export const restMix = (labelPrefix = ''): readonly ThreadGroupChild[] =>
  REST_ENDPOINTS.map((e) =>
    throughputController(`${labelPrefix}share ${e.path}`, { percent: v(e.weightVar) }, [
      httpSampler(`${labelPrefix}GET ${e.path}`, { method: 'GET', path: e.root ? gw(e.path) : api(e.path) }, [
        statusAssertion([200]),
        ...(e.jsonPath ? [jsonAssertion('JSON shape', { path: e.jsonPath })] : []),
      ]),
    ]),
  );
