export { DEFAULT_SERVER_ID, startTarget } from './server.js';
export type { RunningTarget, TargetOptions } from './types.js';
export type { FaultRule, LatencySpec } from './faults.js';
export { parseErrorRate, parseLatency } from './faults.js';
export { targetOptionsFromSettings, type GatewaySettings } from './settings.js';
