import { constantTimer, httpSampler, jsr223Sampler, prop, setupThreadGroup, statusAssertion, testPlan, threadGroup, v } from '../jmx/index.js';
import { authHeaders, gatewayDefaults } from './common.js';
import { gatewayVariables, gw, scaledMs, scaledSeconds } from './knobs.js';
import { SSE_SCRIPT } from './sse-script.js';

export const sseStreamingBaseline = testPlan(
  'SSE streaming baseline',
  [
    // Compiles the script and builds the client before the load, so no thread's first stream pays for it.
    setupThreadGroup('SSE warm-up', { threads: 1, loops: 1 }, [jsr223Sampler('setUp SSE warm-up', { script: SSE_SCRIPT, parameters: 'warm-up' })]),
    threadGroup('SSE streams', { threads: prop('CONNECTIONS', 1000), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      jsr223Sampler('SSE connect', { script: SSE_SCRIPT }),
    ]),
    threadGroup('Health during SSE', { threads: prop('HEALTH_THREADS', 10), rampUpS: 0, durationS: v('DURATION_S') }, [
      gatewayDefaults(),
      authHeaders(),
      constantTimer(v('HEALTH_INTERVAL_MS_SCALED'), 'Every HEALTH_INTERVAL_MS'),
      httpSampler('GET /health', { method: 'GET', path: gw('/health') }, [statusAssertion([200])]),
    ]),
  ],
  {
    variables: [
      ...gatewayVariables(),
      scaledSeconds('RAMP_UP_S', 'RAMP_UP', 60),
      scaledSeconds('DURATION_S', 'DURATION', 600, 1),
      scaledMs('SSE_HOLD_MS', 'SSE_HOLD_MS', 60_000),
      scaledMs('HEALTH_INTERVAL_MS_SCALED', 'HEALTH_INTERVAL_MS', 10_000),
      { name: 'SSE_FIRST_EVENT_TIMEOUT_MS', value: prop('SSE_FIRST_EVENT_TIMEOUT_MS', 10_000) },
      { name: 'SSE_CONNECT_TIMEOUT_MS', value: prop('CONNECT_TIMEOUT_MS', 5000) },
      { name: 'SSE_TLS_TRUST_ALL', value: prop('TLS_TRUST_ALL', false) },
      { name: 'SSE_SERVER_ID', value: prop('SERVER_ID', '') },
    ],
  },
);
