import {
  cookieManager,
  headerManager,
  httpSampler,
  jsonAssertion,
  onceOnlyController,
  prop,
  regexExtractor,
  responseAssertion,
  secretProp,
  statusAssertion,
  testPlan,
  threadGroup,
  tpl,
  uniformRandomTimer,
  v,
  type SamplerChild,
  type TextValue,
} from '../jmx/index.js';
import { gatewayDefaults } from './common.js';
import { api, gatewayVariables, groovyOnce, scaledSeconds } from './knobs.js';

const THINK_MIN = prop('THINK_TIME_MIN', 3000);
const THINK_MAX = prop('THINK_TIME_MAX', 5000);

/** A logged-out user is redirected to /admin/login (full page) or gets HX-Redirect (HTMX). */
const loggedIn = (): readonly SamplerChild[] => [
  statusAssertion([200]),
  responseAssertion('not sent to login', { field: 'url', rule: 'contains', not: true, patterns: ['/admin/login'] }),
  responseAssertion('no HX-Redirect', { field: 'headers', rule: 'contains', not: true, patterns: ['HX-Redirect'] }),
];

const SEEDED_TOOL = prop('ADMIN_SEEDED_TOOL', 'gw-health');
const SEEDED_SERVER = prop('ADMIN_SEEDED_SERVER', 'loadtest');
/** A page the browser navigates to (each request carries only its own Accept: no second one in scope). */
const browserAccept = () => headerManager([['Accept', 'text/html,application/xhtml+xml']], 'Browser page headers');
const html = (marker?: TextValue): readonly SamplerChild[] => [
  responseAssertion('HTML', { field: 'headers', rule: 'contains', patterns: ['text/html'] }),
  ...(marker === undefined ? [] : [responseAssertion('shows the seeded item', { field: 'data', rule: 'substring', patterns: [marker] })]),
];

/** The dashboard (728 KB on 1.1.0): one page that loads its panels as HTMX partials. */
const dashboard = (label: string) =>
  httpSampler(label, { method: 'GET', path: api('/admin/') }, [
    browserAccept(),
    ...loggedIn(),
    ...html('hx-trigger="load"'),
  ]);

/** A partial the dashboard loads (hx-trigger "load") or a tab click loads ("change"), as htmx sends it. */
const partial = (label: string, pathAndQuery: string, marker?: TextValue) =>
  httpSampler(`HTMX ${label}`, { method: 'GET', path: api(pathAndQuery) }, [
    headerManager([['HX-Request', 'true'], ['HX-Current-URL', tpl`${v('GW_ORIGIN')}${v('GW_API_PATH')}/admin/`]], 'htmx request headers'),
    ...loggedIn(),
    ...html(marker),
  ]);

/**
 * The UI's fetch() calls: JSON with the session cookie, accepted only as a same-origin admin request
 * (Referer under /admin); without it the gateway answers 401 "Cookie authentication not allowed".
 */
const json = (path: string, jsonPath: string) =>
  httpSampler(`JSON GET ${path}`, { method: 'GET', path: api(path) }, [
    headerManager([['Accept', 'application/json'], ['Referer', tpl`${v('GW_ORIGIN')}${v('GW_API_PATH')}/admin/`]], 'fetch() headers'),
    statusAssertion([200]),
    jsonAssertion('JSON body', { path: jsonPath }),
  ]);

/** Log in once per user: the CSRF cookie of the login page goes back in the form, with an Origin header. */
const login = () =>
  onceOnlyController('Log in once per user', [
    httpSampler('GET /admin/login', { method: 'GET', path: api('/admin/login') }, [
      browserAccept(),
      statusAssertion([200]),
      regexExtractor('CSRF cookie', { variable: 'CSRF_TOKEN', regex: 'mcpgateway_csrf_token=([^;\\s]+)', source: 'headers', defaultValue: 'CSRF_COOKIE_MISSING' }),
    ]),
    httpSampler(
      'POST /admin/login',
      {
        method: 'POST',
        path: api('/admin/login'),
        followRedirects: false,
        form: [['email', prop('ADMIN_EMAIL', 'admin@example.com')], ['password', secretProp('ADMIN_PASSWORD')], ['csrf_token', v('CSRF_TOKEN')]],
      },
      [
        headerManager([['Origin', v('GW_ORIGIN')]], 'Origin for the CSRF check'),
        statusAssertion([302, 303]),
        responseAssertion('session cookie set', { field: 'headers', rule: 'contains', patterns: ['jwt_token='] }),
        responseAssertion('no login error', { field: 'headers', rule: 'contains', not: true, patterns: ['error='] }),
      ],
    ),
  ]);

export const adminUiBaseline = testPlan(
  'Admin UI baseline',
  [
    threadGroup('Admin users', { threads: prop('USERS', 50), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      gatewayDefaults(),
      cookieManager({ clearEachIteration: false }),
      uniformRandomTimer({ delayMs: v('THINK_MIN_MS'), rangeMs: v('THINK_RANGE_MS') }, 'Think time THINK_TIME_MIN..MAX'),
      login(),
      // The dashboard and the partials it loads at once (ContextForge 1.1.0's hx-trigger="load" panels).
      dashboard('GET /admin/'),
      partial('/admin/overview/partial', '/admin/overview/partial'),
      partial('/admin/tools/partial (selector)', '/admin/tools/partial?page=1&per_page=50&render=selector', SEEDED_TOOL),
      partial('/admin/gateways/partial (selector)', '/admin/gateways/partial?page=1&per_page=50&render=selector'),
      partial('/admin/resources/partial (selector)', '/admin/resources/partial?page=1&per_page=20&render=selector'),
      partial('/admin/prompts/partial (selector)', '/admin/prompts/partial?page=1&per_page=20&render=selector'),
      partial('/admin/metrics/partial (tools)', '/admin/metrics/partial?entity_type=tools&page=1&per_page=10'),
      partial('/admin/metrics/partial (servers)', '/admin/metrics/partial?entity_type=servers&page=1&per_page=10'),
      // Tabs the user opens, and the JSON the pages fetch.
      partial('/admin/tools/partial', '/admin/tools/partial?page=1', SEEDED_TOOL),
      json('/admin/tools', '$.data'),
      partial('/admin/servers/partial', '/admin/servers/partial?page=1', SEEDED_SERVER),
      json('/admin/servers', '$.data'),
      partial('/admin/gateways/partial', '/admin/gateways/partial?page=1'),
      json('/admin/gateways', '$.data'),
      json('/admin/metrics', '$.tools'),
      json('/admin/plugins', '$.plugins'),
      dashboard('GET /admin/ (back)'),
    ]),
  ],
  {
    variables: [
      ...gatewayVariables(),
      scaledSeconds('RAMP_UP_S', 'RAMP_UP', 30),
      scaledSeconds('DURATION_S', 'DURATION', 300, 1),
      { name: 'THINK_MIN_MS', value: groovyOnce`Math.round(${THINK_MIN} * ${prop('TIME_SCALE', 1)})` },
      { name: 'THINK_RANGE_MS', value: groovyOnce`Math.round(Math.max(0, ${THINK_MAX} - ${THINK_MIN}) * ${prop('TIME_SCALE', 1)})` },
    ],
  },
);
