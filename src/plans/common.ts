import { headerManager, httpDefaults, prop, v, type HeaderManager, type HttpDefaults, type Variable } from '../jmx/index.js';
import { bearer, gatewayVariables, scaledSeconds } from './knobs.js';
import { expr, pacingVariables } from './pacing.js';

export const CONNECT_TIMEOUT_MS = prop('CONNECT_TIMEOUT_MS', 5000);
export const RESPONSE_TIMEOUT_MS = prop('RESPONSE_TIMEOUT_MS', 30000);

/** Host, port and scheme of every HTTP sampler in scope, from a URL split once (prefix GW, FT, …). */
export const defaultsFor = (prefix: string, name = 'HTTP Request Defaults'): HttpDefaults =>
  httpDefaults(
    {
      protocol: v(`${prefix}_PROTOCOL`),
      domain: v(`${prefix}_HOST`),
      port: v(`${prefix}_PORT`),
      connectTimeoutMs: CONNECT_TIMEOUT_MS,
      responseTimeoutMs: RESPONSE_TIMEOUT_MS,
    },
    name,
  );

export const gatewayDefaults = (): HttpDefaults => defaultsFor('GW', 'Gateway (GATEWAY_URL)');

export const authHeaders = (): HeaderManager =>
  headerManager([['Authorization', bearer()], ['Accept', 'application/json']], 'Bearer token');

/** The defaults of a plan run at one rate: THREADS, RAMP_UP, DURATION, TARGET_RPS. */
export interface LoadShape {
  readonly threads: number;
  readonly rampUpS: number;
  readonly durationS: number;
  readonly targetRps: number;
}

/** Variables and schedule of a paced single-rate group are under this key (RATE_PACING, RATE_THREADS_PACED, …). */
export const RATE_KEY = 'RATE';

/** Scaled ramp-up and duration, and the pacing of TARGET_RPS over THREADS (no gateway URL: see loadShapeVariables). */
export const rateShapeVariables = (d: LoadShape): readonly Variable[] => [
  scaledSeconds('RAMP_UP_S', 'RAMP_UP', d.rampUpS),
  scaledSeconds('DURATION_S', 'DURATION', d.durationS, 1),
  ...pacingVariables(RATE_KEY, expr`${prop('TARGET_RPS', d.targetRps)}`, expr`${prop('THREADS', d.threads)}`),
];

/** The variables of a single-group plan: gateway URL parts, scaled ramp-up and duration, paced target rate. */
export const loadShapeVariables = (d: LoadShape): readonly Variable[] => [...gatewayVariables(), ...rateShapeVariables(d)];
