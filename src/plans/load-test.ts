import { prop, testPlan, threadGroup, v } from '../jmx/index.js';
import { authHeaders, gatewayDefaults } from './common.js';
import { gatewayVariables, scaledSeconds } from './knobs.js';
import { mcpClient, mcpMix, mcpSessionTeardown, mcpSessionVariables } from './mcp-mix.js';
import { mcpUrl } from './mcp-jsonrpc-baseline.js';
import { expr, pacedThreads, pacedTimer, pacingVariables } from './pacing.js';
import { restMix, restMixVariables } from './rest-mix.js';

const DEFAULTS = { threads: 400, targetRps: 4000, restShare: 60, rampUpS: 120, durationS: 1800 } as const;
const THREADS = prop('THREADS', DEFAULTS.threads);
const TARGET_RPS = prop('TARGET_RPS', DEFAULTS.targetRps);
/** Share of threads and rate given to the REST group, in %; MCP gets the rest. */
const REST_SHARE = prop('REST_SHARE', DEFAULTS.restShare);

/** Each group is paced on its own, so the 60/40 split of TARGET_RPS holds at any rate. */
export const loadTest = testPlan(
  'Load test (60 % REST / 40 % MCP)',
  [
    threadGroup('Load REST mix', { threads: pacedThreads('REST'), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S'), delayedStart: true }, [
      gatewayDefaults(),
      authHeaders(),
      pacedTimer('REST', 'REST share of TARGET_RPS'),
      ...restMix(),
    ]),
    threadGroup('Load MCP mix', { threads: pacedThreads('MCP'), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S'), delayedStart: true }, [
      gatewayDefaults(),
      ...mcpClient(),
      pacedTimer('MCP', 'MCP share of TARGET_RPS'),
      ...mcpMix({ url: mcpUrl(), labelPrefix: '' }),
    ]),
    mcpSessionTeardown(),
  ],
  {
    tearDownOnShutdown: true,
    variables: [
      ...gatewayVariables(),
      scaledSeconds('RAMP_UP_S', 'RAMP_UP', DEFAULTS.rampUpS),
      scaledSeconds('DURATION_S', 'DURATION', DEFAULTS.durationS, 1),
      ...pacingVariables('REST', expr`${TARGET_RPS} * ${REST_SHARE} / 100d`, expr`Math.max(1L, Math.round(${THREADS} * ${REST_SHARE} / 100d))`),
      ...pacingVariables('MCP', expr`${TARGET_RPS} * (100 - ${REST_SHARE}) / 100d`, expr`Math.max(1L, ${THREADS} - Math.round(${THREADS} * ${REST_SHARE} / 100d))`),
      ...mcpSessionVariables(),
      ...restMixVariables(),
    ],
  },
);
