import { testPlan } from '../jmx/index.js';
import { gatewayVariables } from './knobs.js';
import { phase, type Phase } from './phases.js';
import { restMixVariables } from './rest-mix.js';

const step = (n: number, rps: number, threads: number): Phase => ({
  key: `PHASE${n}`,
  label: `phase${n}`,
  threads,
  rps,
  durationS: 300,
  rampUpS: 30,
});

/** 1k → 2k → 4k → 6k → 8k → 10k req/s, then a cool-down at 1k; groups run one after another. */
export const STRESS_PHASES: readonly Phase[] = [
  step(1, 1000, 200),
  step(2, 2000, 400),
  step(3, 4000, 800),
  step(4, 6000, 1200),
  step(5, 8000, 1600),
  step(6, 10_000, 2000),
  { key: 'COOLDOWN', label: 'cooldown', threads: 200, rps: 1000, durationS: 300, rampUpS: 0 },
];

const phases = STRESS_PHASES.map(phase);

export const stressTest = testPlan(
  'Stress test',
  phases.map((p) => p.group),
  {
    serializeThreadGroups: true,
    variables: [...gatewayVariables(), ...phases.flatMap((p) => p.variables), ...restMixVariables()],
    comments: 'Phases run one after another; every sample label starts with its phase (phase1 … phase6, cooldown).',
  },
);
