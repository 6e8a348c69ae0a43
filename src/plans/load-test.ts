import { constantThroughputTimer, prop, testPlan, threadGroup, v } from '../jmx/index.js';
import { authHeaders, gatewayDefaults } from './common.js';
import { gatewayVariables, groovyOnce, scaledSeconds } from './knobs.js';
import { mcpClient, mcpMix, mcpSessionTeardown, mcpSessionVariables } from './mcp-mix.js';
import { mcpUrl } from './mcp-jsonrpc-baseline.js';
import { restMix, restMixVariables } from './rest-mix.js';

const THREADS = prop('THREADS', 400);
const TARGET_RPS = prop('TARGET_RPS', 4000);
/** Share of threads and rate given to the REST group, in %; MCP gets the rest. */
const REST_SHARE = prop('REST_SHARE', 60);

export const loadTest = testPlan(
  'Load test (60 % REST / 40 % MCP)',
  [
    threadGroup('Load REST mix', { threads: v('REST_THREADS'), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      gatewayDefaults(),
      authHeaders(),
      constantThroughputTimer({ perMinute: v('REST_RPM') }, 'REST share of TARGET_RPS'),
      ...restMix(),
    ]),
    threadGroup('Load MCP mix', { threads: v('MCP_THREADS'), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      gatewayDefaults(),
      ...mcpClient(),
      constantThroughputTimer({ perMinute: v('MCP_RPM') }, 'MCP share of TARGET_RPS'),
      ...mcpMix({ url: mcpUrl(), labelPrefix: '' }),
    ]),
    mcpSessionTeardown(),
  ],
  {
    tearDownOnShutdown: true,
    variables: [
      ...gatewayVariables(),
      scaledSeconds('RAMP_UP_S', 'RAMP_UP', 120),
      scaledSeconds('DURATION_S', 'DURATION', 1800, 1),
      { name: 'REST_THREADS', value: groovyOnce`Math.max(1L, Math.round(${THREADS} * ${REST_SHARE} / 100))` },
      { name: 'MCP_THREADS', value: groovyOnce`Math.max(1L, ${THREADS} - Math.round(${THREADS} * ${REST_SHARE} / 100))` },
      { name: 'REST_RPM', value: groovyOnce`${TARGET_RPS} * 60 * ${REST_SHARE} / 100` },
      { name: 'MCP_RPM', value: groovyOnce`${TARGET_RPS} * 60 * (100 - ${REST_SHARE}) / 100` },
      ...mcpSessionVariables(),
      ...restMixVariables(),
    ],
  },
);
