import { constantThroughputTimer, prop, testPlan, threadGroup, v } from '../jmx/index.js';
import { authHeaders, gatewayDefaults, loadShapeVariables } from './common.js';
import { restMix, restMixVariables } from './rest-mix.js';

export const restApiBaseline = testPlan(
  'REST API baseline',
  [
    threadGroup('REST mix', { threads: prop('THREADS', 100), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      gatewayDefaults(),
      authHeaders(),
      constantThroughputTimer({ perMinute: v('TARGET_RPM') }, 'Target rate (TARGET_RPS)'),
      ...restMix(),
    ]),
  ],
  { variables: [...loadShapeVariables({ rampUpS: 60, durationS: 600, targetRps: 1000 }), ...restMixVariables()] },
);
