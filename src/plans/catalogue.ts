import { planDefaults, planDrift } from './figures.js';
import type { Phase } from './phases.js';
import { plannedGroups, type GroupNaming, type RateSchedule } from './schedule.js';
import { effectiveLoad, type GroupShape, type PlanLoad, type PlanShape } from './shape.js';
import { SPIKE_PHASES } from './spike-test.js';
import { STRESS_PHASES } from './stress-test.js';

/** What the CLI and the runner need to know about each plan; every figure is read from its definition. */
export interface PlanInfo {
  readonly name: string;
  readonly file: string;
  readonly purpose: string;
  /** The properties that set the plan's load (threads, ramp-up, duration, rate). */
  readonly shape: PlanShape;
  /** The load with the definition's defaults (computed on first use: it renders the plan). */
  readonly defaults: { readonly threads?: number; readonly rampUpS?: number; readonly durationS?: number; readonly targetRps?: number };
  /** Properties without a usable default that a run must supply: secrets (TOKEN, ADMIN_PASSWORD), SERVER_ID. */
  readonly requiredProperties: readonly string[];
  /** Multi-phase plan: sample labels start with the phase name. */
  readonly phased: boolean;
  /** The load under a run's properties (profile, -J), the definition's defaults filling the rest. */
  loadUnder(properties: ReadonlyMap<string, string>): PlanLoad;
  /** Files in `dir` (the plan and the data it reads) that differ from what the definition renders now. */
  drift(dir: string): Promise<readonly string[]>;
  /** Rate-driven plans: planned rate and duration per group or phase over time (from loadUnder), for planned vs achieved. */
  readonly schedule?: RateSchedule;
}

const single = (threads: string, rate?: string, extra: Partial<GroupShape> = {}): PlanShape => ({
  sequential: false,
  groups: [{ label: 'main', threads, rampUp: 'RAMP_UP', duration: ['DURATION'], ...(rate !== undefined && { rate }), ...extra }],
});

/** Phases run one after another; each reads <KEY>_THREADS, _RPS, _DURATION, _RAMP_UP (or the shared names it declares). */
const phased = (phases: readonly Phase[]): PlanShape => ({
  sequential: true,
  maxThreads: 'MAX_THREADS',
  groups: phases.map((p) => ({
    label: p.label,
    threads: p.threadsProp ?? `${p.key}_THREADS`,
    rampUp: `${p.key}_RAMP_UP`,
    duration: p.hold ? [`${p.key}_RAMP_UP`, p.hold.prop] : [`${p.key}_DURATION`],
    rate: p.rpsProp ?? `${p.key}_RPS`,
  })),
});

/** load_test: REST_SHARE % of THREADS and TARGET_RPS to the REST group, the rest to the MCP group. */
const split = (): PlanShape => ({
  sequential: false,
  groups: [
    { label: 'REST', threads: 'THREADS', rampUp: 'RAMP_UP', duration: ['DURATION'], rate: 'TARGET_RPS', share: { prop: 'REST_SHARE' } },
    { label: 'MCP', threads: 'THREADS', rampUp: 'RAMP_UP', duration: ['DURATION'], rate: 'TARGET_RPS', share: { prop: 'REST_SHARE', rest: true } },
  ],
});

/** Schedule names: a phase's samples start with its label and a space. */
const phaseNames = (phases: readonly Phase[]): readonly GroupNaming[] => phases.map((p) => ({ name: p.label, labelPrefix: `${p.label} ` }));
/** One group whose samples all belong to it. */
const whole = (name: string): readonly GroupNaming[] => [{ name, labelPrefix: '' }];

function info(
  name: string,
  purpose: string,
  shape: PlanShape,
  requiredProperties: readonly string[],
  isPhased = false,
  naming?: readonly GroupNaming[],
): PlanInfo {
  let defaults: PlanInfo['defaults'] | undefined;
  const loadUnder = (properties: ReadonlyMap<string, string>): PlanLoad => effectiveLoad(shape, new Map([...planDefaults(name), ...properties]));
  return {
    name,
    file: `${name}.jmx`,
    purpose,
    shape,
    get defaults() {
      if (defaults === undefined) {
        const { threads, rampUpS, durationS, targetRps } = loadUnder(new Map());
        defaults = { threads, ...(rampUpS !== undefined && { rampUpS }), durationS, ...(targetRps !== undefined && { targetRps }) };
      }
      return defaults;
    },
    requiredProperties,
    phased: isPhased,
    loadUnder,
    drift: (dir) => planDrift(name, dir),
    ...(naming !== undefined && { schedule: (properties) => plannedGroups(loadUnder(properties), naming) }),
  };
}

export const planCatalogue: readonly PlanInfo[] = [
  info('rest_api_baseline', 'REST API latency baseline (weighted REST mix)', single('THREADS', 'TARGET_RPS'), ['TOKEN'], false, whole('REST')),
  info('mcp_jsonrpc_baseline', 'MCP JSON-RPC baseline over Streamable HTTP (MCP mix)', single('THREADS', 'TARGET_RPS'), ['TOKEN', 'SERVER_ID'], false, whole('MCP')),
  info('mcp_test_servers_baseline', 'MCP test servers hit directly, no gateway (FAST_TIME_URL, FAST_TEST_URL)', {
    sequential: false,
    groups: ['fast_time_server', 'fast_test_server'].map((label) => ({ label, threads: 'THREADS', rampUp: 'RAMP_UP', duration: ['DURATION'], rate: 'TARGET_RPS' })),
  }, [], false, [{ name: 'fast_time', labelPrefix: 'fast_time ' }, { name: 'fast_test', labelPrefix: 'fast_test ' }]),
  info('load_test', 'Production-like mixed load: 60 % REST / 40 % MCP', split(), ['TOKEN', 'SERVER_ID'], false, [{ name: 'REST', labelPrefix: '' }, { name: 'MCP', labelPrefix: 'MCP ' }]),
  info('stress_test', 'Find the breaking point: 1k → 2k → 4k → 6k → 8k → 10k req/s, cool-down at 1k', phased(STRESS_PHASES), ['TOKEN'], true, phaseNames(STRESS_PHASES)),
  info('spike_test', 'Spike and recovery: 1k → 10k req/s spike → 1k recovery → stability check', phased(SPIKE_PHASES), ['TOKEN'], true, phaseNames(SPIKE_PHASES)),
  info('soak_test', '24 h leak / drift detection on the REST mix', single('THREADS', 'TARGET_RPS'), ['TOKEN'], false, whole('REST')),
  info('sse_streaming_baseline', 'SSE connection stability: real event streams held open, plus /health sampling', {
    sequential: false,
    groups: [
      { label: 'SSE streams', threads: 'CONNECTIONS', rampUp: 'RAMP_UP', duration: ['DURATION'] },
      { label: 'Health during SSE', threads: 'HEALTH_THREADS', duration: ['DURATION'] },
    ],
  }, ['TOKEN', 'SERVER_ID']),
  info('websocket_baseline', 'WebSocket performance: JSON-RPC frames over /ws (MSG_PER_SEC=20 per connection)', single('CONNECTIONS', 'MSG_PER_SEC', { ratePerThread: true }), ['TOKEN', 'SERVER_ID']),
  info('admin_ui_baseline', 'Admin UI journey: log in once per user, pages and HTMX partials with think time', single('USERS'), ['ADMIN_PASSWORD']),
];

export const findPlan = (name: string): PlanInfo | undefined =>
  planCatalogue.find((p) => p.name === name || p.file === name || p.name === name.replace(/\.jmx$/, ''));
