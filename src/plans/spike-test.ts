import { testPlan } from '../jmx/index.js';
import { gatewayVariables } from './knobs.js';
import { phase, type Phase } from './phases.js';
import { restMixVariables } from './rest-mix.js';

const base = { threadsProp: 'BASE_THREADS', rpsProp: 'BASE_RPS' } as const;
const peak = { threadsProp: 'PEAK_THREADS', rpsProp: 'PEAK_RPS' } as const;

/** Baseline 1k req/s → spike to 10k with a 30 s ramp and a 120 s hold → recovery at 1k → verify stability. */
export const SPIKE_PHASES: readonly Phase[] = [
  { key: 'BASELINE', label: 'baseline', threads: 200, rps: 1000, durationS: 120, rampUpS: 10, ...base },
  { key: 'SPIKE', label: 'spike', threads: 2000, rps: 10_000, durationS: 150, rampUpS: 30, hold: { prop: 'PEAK_HOLD', seconds: 120 }, ...peak },
  { key: 'RECOVERY', label: 'recovery', threads: 200, rps: 1000, durationS: 120, rampUpS: 0, ...base },
  { key: 'VERIFY', label: 'verify', threads: 200, rps: 1000, durationS: 120, rampUpS: 0, ...base },
];

const phases = SPIKE_PHASES.map(phase);

export const spikeTest = testPlan(
  'Spike test',
  phases.map((p) => p.group),
  {
    serializeThreadGroups: true,
    variables: [...gatewayVariables(), ...phases.flatMap((p) => p.variables), ...restMixVariables()],
    comments: 'Phases run one after another; every sample label starts with its phase (baseline, spike, recovery, verify). The spike phase lasts SPIKE_RAMP_UP + PEAK_HOLD.',
  },
);
