import {
  cookieManager,
  headerManager,
  httpSampler,
  onceOnlyController,
  prop,
  regexExtractor,
  responseAssertion,
  secretProp,
  statusAssertion,
  testPlan,
  threadGroup,
  uniformRandomTimer,
  v,
  type SamplerChild,
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

const page = (path: string) => httpSampler(`GET ${path}`, { method: 'GET', path: api(path) }, loggedIn());
const partial = (path: string) =>
  httpSampler(`HTMX ${path}`, { method: 'GET', path: api(path) }, [headerManager([['HX-Request', 'true']], 'HTMX request'), ...loggedIn()]);

/** Log in once per user: the CSRF cookie of the login page goes back in the form, with an Origin header. */
const login = () =>
  onceOnlyController('Log in once per user', [
    httpSampler('GET /admin/login', { method: 'GET', path: api('/admin/login') }, [
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
      headerManager([['Accept', 'text/html,application/xhtml+xml']], 'Browser headers'),
      uniformRandomTimer({ delayMs: v('THINK_MIN_MS'), rangeMs: v('THINK_RANGE_MS') }, 'Think time THINK_TIME_MIN..MAX'),
      login(),
      page('/admin'),
      page('/admin/tools'),
      partial('/admin/tools/partial'),
      page('/admin/servers'),
      partial('/admin/servers/partial'),
      page('/admin/gateways'),
      partial('/admin/gateways/partial'),
      page('/admin/metrics'),
      partial('/admin/metrics/partial'),
      page('/admin/plugins'),
      httpSampler('GET /admin (back)', { method: 'GET', path: api('/admin') }, loggedIn()),
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
