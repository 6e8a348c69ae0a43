import { headerManager, httpDefaults, prop, v, type HeaderManager, type HttpDefaults, type Variable } from '../jmx/index.js';
import { bearer, gatewayVariables, perMinute, scaledSeconds } from './knobs.js';

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

/** The variables of a single-group plan: gateway URL parts, scaled ramp-up and duration, target rate. */
export const loadShapeVariables = (d: { rampUpS: number; durationS: number; targetRps: number }): readonly Variable[] => [
  ...gatewayVariables(),
  scaledSeconds('RAMP_UP_S', 'RAMP_UP', d.rampUpS),
  scaledSeconds('DURATION_S', 'DURATION', d.durationS, 1),
  perMinute('TARGET_RPM', 'TARGET_RPS', d.targetRps),
];
