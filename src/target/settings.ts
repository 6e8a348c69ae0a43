import { ToolkitError } from '../errors.js';
import type { TargetOptions } from './types.js';

/**
 * Settings of the real gateway, by its own names (its `.env` / environment), that the stand-in models. The
 * stand-in's defaults are the gateway as `scripts/gateway/gateway.env` configures it for load tests, so a case
 * that passes against one passes against the other with the same settings.
 */
export type GatewaySettings = Readonly<Record<string, string>>;

type Apply = (value: string, name: string) => Partial<TargetOptions>;

const flag = (value: string, name: string): boolean => {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  throw new ToolkitError('TARGET_BAD_SETTING', `${name}=${value}: expected true or false`, { name, value });
};

/** A number setting: `valid` accepts it, `expected` says what it must be in the refusal. */
const numberIn = (valid: (n: number) => boolean, expected: string) => (value: string, name: string): number => {
  const n = Number(value);
  if (!valid(n)) throw new ToolkitError('TARGET_BAD_SETTING', `${name}=${value}: expected ${expected}`, { name, value });
  return n;
};

const nonNegative = (n: number): boolean => Number.isFinite(n) && n >= 0;
const inSeconds = numberIn(nonNegative, 'seconds (a number ≥ 0)');
const seconds = (value: string, name: string): number => inSeconds(value, name) * 1000;
const milliseconds = numberIn(nonNegative, 'milliseconds (a number ≥ 0)');
const kibibytes = numberIn((n) => Number.isInteger(n) && n >= 8, 'KiB (a whole number ≥ 8)');
const factor = numberIn((n) => Number.isFinite(n) && n >= 1, 'a factor (a number ≥ 1)');

const MODELLED: Readonly<Record<string, Apply>> = {
  USE_STATEFUL_SESSIONS: (v, n) => ({ statefulSessions: flag(v, n) }),
  JSON_RESPONSE_ENABLED: (v, n) => ({ jsonResponse: flag(v, n) }),
  SSE_KEEPALIVE_INTERVAL: (v, n) => ({ sseKeepaliveMs: seconds(v, n) }),
  ARGON2ID_MEMORY_COST: (v, n) => ({ adminLoginHashKiB: kibibytes(v, n) }),
  FAILED_LOGIN_MIN_RESPONSE_MS: (v, n) => ({ adminFailedLoginMinMs: milliseconds(v, n) }),
  POLL_INTERVAL: (v, n) => ({ ssePollIntervalMs: seconds(v, n) }),
  MAX_INTERVAL: (v, n) => ({ ssePollMaxMs: seconds(v, n) }),
  BACKOFF_FACTOR: (v, n) => ({ ssePollBackoff: factor(v, n) }),
  // uvicorn reads these from the environment of `mcpgateway` (click's UVICORN_ prefix).
  UVICORN_WS_PING_INTERVAL: (v, n) => ({ wsPingIntervalMs: seconds(v, n) }),
  UVICORN_WS_PING_TIMEOUT: (v, n) => ({ wsPingTimeoutMs: seconds(v, n) }),
  LEGACY_API_ENABLED: (v, n) => ({ legacyApi: flag(v, n) }),
  ENABLE_METRICS: (v, n) => ({ metricsEnabled: flag(v, n) }),
};

/** The names of the modelled settings (`jtl target --set NAME=VALUE`). */
export const modelledSettings = (): readonly string[] => Object.keys(MODELLED);

/** The target options that make the stand-in behave like the gateway with these settings. */
export function targetOptionsFromSettings(settings: GatewaySettings): TargetOptions {
  let options: TargetOptions = {};
  for (const [name, value] of Object.entries(settings)) {
    const apply = MODELLED[name];
    if (apply === undefined) {
      throw new ToolkitError('TARGET_UNKNOWN_SETTING', `the stand-in does not model the gateway setting ${name} (it models ${Object.keys(MODELLED).join(', ')})`, { name });
    }
    options = { ...options, ...apply(value, name) };
  }
  return options;
}
