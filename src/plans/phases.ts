import { prop, threadGroup, v, type ThreadGroup, type Variable } from '../jmx/index.js';
import { authHeaders, gatewayDefaults } from './common.js';
import { groovyOnce, scaledSeconds, TIME_SCALE } from './knobs.js';
import { expr, pacedThreads, pacedTimer, pacingVariables } from './pacing.js';
import { restMix } from './rest-mix.js';

/** One phase of a phased plan; its threads, rate, duration and ramp-up are properties `<KEY>_…`. */
export interface Phase {
  /** Property prefix: PHASE1 → PHASE1_THREADS, PHASE1_RPS, PHASE1_DURATION, PHASE1_RAMP_UP. */
  readonly key: string;
  /** Label prefix of every sample of the phase, e.g. `phase1` → `phase1 GET /tools`. */
  readonly label: string;
  readonly threads: number;
  readonly rps: number;
  readonly durationS: number;
  readonly rampUpS: number;
  /** Property names shared between phases (spike: BASE_THREADS, PEAK_THREADS); default `<KEY>_THREADS`, `<KEY>_RPS`. */
  readonly threadsProp?: string;
  readonly rpsProp?: string;
  /** When set, the phase lasts its ramp-up plus this hold (property `<holdProp>`), not `<KEY>_DURATION`. */
  readonly hold?: { readonly prop: string; readonly seconds: number };
}

const MAX_THREADS_DEFAULT = 2000;
export const MAX_THREADS = prop('MAX_THREADS', MAX_THREADS_DEFAULT);

const threadsPropOf = (p: Phase): string => p.threadsProp ?? `${p.key}_THREADS`;
const rpsPropOf = (p: Phase): string => p.rpsProp ?? `${p.key}_RPS`;

/**
 * Thread group + once-computed variables of a phase: its rate paced over its threads (pacing.ts; the
 * requested threads are capped by MAX_THREADS, the paced count may differ from them by a few).
 */
export function phase(p: Phase): { group: ThreadGroup; variables: readonly Variable[] } {
  const k = p.key;
  const variables: Variable[] = [
    ...pacingVariables(k, expr`${prop(rpsPropOf(p), p.rps)}`, expr`Math.max(1, Math.min(${prop(threadsPropOf(p), p.threads)}, ${MAX_THREADS}))`),
    p.hold
      ? {
          name: `${k}_DURATION_S`,
          value: groovyOnce`Math.max(1L, Math.round((${prop(`${k}_RAMP_UP`, p.rampUpS)} + ${prop(p.hold.prop, p.hold.seconds)}) * ${TIME_SCALE}))`,
        }
      : scaledSeconds(`${k}_DURATION_S`, `${k}_DURATION`, p.durationS, 1),
    scaledSeconds(`${k}_RAMP_UP_S`, `${k}_RAMP_UP`, p.rampUpS),
  ];
  const group = threadGroup(
    `${p.label}: ${p.rps} req/s`,
    { threads: pacedThreads(k), rampUpS: v(`${k}_RAMP_UP_S`), durationS: v(`${k}_DURATION_S`), delayedStart: true },
    [
      gatewayDefaults(),
      authHeaders(),
      pacedTimer(k, `${p.label} rate (${rpsPropOf(p)})`),
      ...restMix(`${p.label} `),
    ],
  );
  return { group, variables };
}
