import { testPlan, threadGroup, v } from '../jmx/index.js';
import { authHeaders, gatewayDefaults, loadShapeVariables, RATE_KEY, type LoadShape } from './common.js';
import { pacedThreads, pacedTimer } from './pacing.js';
import { restMix, restMixVariables } from './rest-mix.js';

const SHAPE: LoadShape = { threads: 100, rampUpS: 60, durationS: 600, targetRps: 1000 };

export const restApiBaseline = testPlan(
  'REST API baseline',
  [
    threadGroup('REST mix', { threads: pacedThreads(RATE_KEY), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S'), delayedStart: true }, [
      gatewayDefaults(),
      authHeaders(),
      pacedTimer(RATE_KEY, 'Target rate (TARGET_RPS over THREADS)'),
      ...restMix(),
    ]),
  ],
  { variables: [...loadShapeVariables(SHAPE), ...restMixVariables()] },
);
