import { constantThroughputTimer, prop, testPlan, threadGroup, v } from '../jmx/index.js';
import { authHeaders, gatewayDefaults, loadShapeVariables } from './common.js';
import { restMix, restMixVariables } from './rest-mix.js';

/** 24 h on the REST mix. No listener keeps samples in memory: results only go to the -l file. */
export const soakTest = testPlan(
  'Soak test',
  [
    threadGroup('Soak REST mix', { threads: prop('THREADS', 400), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S') }, [
      gatewayDefaults(),
      authHeaders(),
      constantThroughputTimer({ perMinute: v('TARGET_RPM') }, 'Target rate (TARGET_RPS)'),
      ...restMix(),
    ]),
  ],
  { variables: [...loadShapeVariables({ rampUpS: 300, durationS: 86_400, targetRps: 2000 }), ...restMixVariables()] },
);
