import { escapeFunctionArg, prop, secretProp, tpl, v, type Ref, type Template, type Variable } from '../jmx/index.js';

/**
 * A value computed ONCE per test: a plan variable whose value is a `${__groovy(…)}` call. JMeter
 * evaluates test plan variables when the test starts, so no script runs per request. Literal
 * script text is escaped for the function call; interpolated references stay nested functions.
 */
export function groovyOnce(strings: readonly string[], ...refs: readonly (Ref | number)[]): Template {
  const parts: (string | Ref)[] = ['${__groovy('];
  strings.forEach((s, i) => {
    if (s !== '') parts.push(escapeFunctionArg(s));
    const r = refs[i];
    if (r !== undefined) parts.push(typeof r === 'number' ? String(r) : r);
  });
  parts.push(')}');
  return { kind: 'template', parts };
}

export const TIME_SCALE = prop('TIME_SCALE', 1);
export const TOKEN = secretProp('TOKEN');
export const GATEWAY_URL = prop('GATEWAY_URL', 'http://localhost:4444');

/** A duration/delay/ramp-up knob in seconds, multiplied by TIME_SCALE once per test. */
export const scaledSeconds = (varName: string, propName: string, def: number, min = 0): Variable => ({
  name: varName,
  value: groovyOnce`Math.max(${min}L, Math.round(${prop(propName, def)} * ${TIME_SCALE}))`,
});

/** Scaled milliseconds (think time, intervals, hold times). */
export const scaledMs = (varName: string, propName: string, def: number): Variable => ({
  name: varName,
  value: groovyOnce`Math.round(${prop(propName, def)} * ${TIME_SCALE})`,
});

/** A rate knob in requests/s, turned into the per-minute figure the Constant Throughput Timer takes. */
export const perMinute = (varName: string, propName: string, def: number): Variable => ({
  name: varName,
  value: groovyOnce`${prop(propName, def)} * 60`,
});

/** A URL split once: <P>_PROTOCOL, _HOST, _PORT, _BASE_PATH (no trailing /), _ORIGIN, _WS_TLS. */
export const urlVariables = (prefix: string, url: Ref): readonly Variable[] => {
  const part = (expr: string): Template => groovyOnce([`def u = new URI('`, `'); ${expr}`], url);
  return [
    { name: `${prefix}_PROTOCOL`, value: part('u.scheme') },
    { name: `${prefix}_HOST`, value: part('u.host') },
    { name: `${prefix}_PORT`, value: part("u.port > 0 ? u.port : (u.scheme == 'https' ? 443 : 80)") },
    { name: `${prefix}_BASE_PATH`, value: part("(u.rawPath ?: '').replaceAll('/+$', '')") },
    { name: `${prefix}_ORIGIN`, value: part("u.scheme + '://' + u.rawAuthority") },
    { name: `${prefix}_WS_TLS`, value: part("u.scheme == 'https'") },
  ];
};

/**
 * Where ContextForge serves its REST API, admin UI and SSE: `/v1` (also with LEGACY_API_ENABLED=false; the
 * unversioned aliases are deprecated, Sunset 26 Sep 2026). Health probes, /metrics/prometheus, MCP, /rpc and
 * /ws stay at the root. Set API_PREFIX= (empty) for gateways older than the /v1 routes.
 */
export const API_PREFIX = prop('API_PREFIX', '/v1');

/** GW_* from GATEWAY_URL, plus GW_API_PATH: its path joined with API_PREFIX (no trailing /). */
export const gatewayVariables = (): readonly Variable[] => [
  ...urlVariables('GW', GATEWAY_URL),
  {
    name: 'GW_API_PATH',
    value: groovyOnce([
      `def p = '`, `'.replaceAll('/+$', ''); (new URI('`, `').rawPath ?: '').replaceAll('/+$', '') + (p.isEmpty() || p.startsWith('/') ? p : '/' + p)`,
    ], API_PREFIX, GATEWAY_URL),
  },
];

export const bearer = (): Template => tpl`Bearer ${TOKEN}`;

/** `${GW_BASE_PATH}/path`: a gateway path at the root (health, metrics, MCP, /rpc, /ws). */
export const gw = (path: string): Template => tpl`${v('GW_BASE_PATH')}${path}`;

/** `${GW_API_PATH}/path`: a REST, admin or SSE path under API_PREFIX. */
export const api = (path: string): Template => tpl`${v('GW_API_PATH')}${path}`;
