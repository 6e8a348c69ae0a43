import { testPlan, threadGroup, v } from '../jmx/index.js';
import { authHeaders, gatewayDefaults, loadShapeVariables, RATE_KEY, type LoadShape } from './common.js';
import { pacedThreads, pacedTimer } from './pacing.js';
import { restMix, restMixVariables } from './rest-mix.js';

const SHAPE: LoadShape = { threads: 400, rampUpS: 300, durationS: 86_400, targetRps: 2000 };

/** 24 h on the REST mix. No listener keeps samples in memory: results only go to the -l file. */
export const soakTest = testPlan(
  'Soak test',
  [
    threadGroup('Soak REST mix', { threads: pacedThreads(RATE_KEY), rampUpS: v('RAMP_UP_S'), durationS: v('DURATION_S'), delayedStart: true }, [
      gatewayDefaults(),
      authHeaders(),
      pacedTimer(RATE_KEY, 'Target rate (TARGET_RPS over THREADS)'),
      ...restMix(),
    ]),
  ],
  { variables: [...loadShapeVariables(SHAPE), ...restMixVariables()] },
);
