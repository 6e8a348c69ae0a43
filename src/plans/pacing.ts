import { constantThroughputTimer, escapeFunctionArg, v, type ConstantThroughputTimer, type Ref, type Template, type Variable } from '../jmx/index.js';

/**
 * Rate control of every rate-driven plan: each thread paces itself (Constant Throughput Timer, calcMode 0
 * "this thread only") at a whole-millisecond period P, and the group runs N threads so that N × 1000 / P is
 * the target rate. P and N are chosen ONCE per test (test plan variables) from the rate and thread knobs:
 * the P near THREADS × 1000 / rate whose N = rate × P / 1000 is closest to a whole number, so the rate holds
 * exactly (or within 0.5 / N) from 1 to 10,000+ req/s. Why this and not the Precise Throughput Timer or the
 * Open Model Thread Group: docs in README.md, "Rate control", measured by bench/rate-methods.ts.
 *
 * Within a thread the timer never lets a late request be made up (JMeter resets its clock when behind), so a
 * group falls short only when a request takes longer than P: too few threads for the target's latency.
 */
export interface Pacing {
  readonly periodMs: number;
  readonly threads: number;
}

/** The same choice as the plan's Groovy below (kept in step by test/plans/pacing.test.ts). */
export function pacing(rps: number, threads: number): Pacing {
  const rate = Math.max(rps, 0.001);
  const wanted = Math.max(1, Math.round(threads));
  const p0 = Math.max(1, Math.round((wanted * 1000) / rate));
  let best: Pacing = { periodMs: p0, threads: Math.max(1, Math.round((rate * p0) / 1000)) };
  let bestErr = Infinity;
  let bestGap = Infinity;
  for (let p = Math.max(1, Math.floor(p0 / 2)); p <= p0 * 2; p += 1) {
    const n = Math.max(1, Math.round((rate * p) / 1000));
    const err = Math.abs((n * 1000) / p - rate) / rate;
    const gap = Math.abs(n - wanted);
    if (err < bestErr - 1e-12 || (Math.abs(err - bestErr) <= 1e-12 && gap < bestGap)) {
      best = { periodMs: p, threads: n };
      bestErr = err;
      bestGap = gap;
    }
  }
  return best;
}

/** A Groovy expression: code with knob references in it (`${__P(…)}`, substituted before Groovy runs). */
export type GroovyExpr = readonly (string | Ref)[];

/** `expr\`Math.max(1, ${prop('THREADS', 100)})\``: a Groovy expression to hand to pacingVariables. */
export const expr = (strings: TemplateStringsArray, ...refs: readonly Ref[]): GroovyExpr =>
  strings.flatMap((s, i) => (refs[i] === undefined ? [s] : [s, refs[i]!]));

/** The Groovy twin of `pacing`, run once when the test starts; `result` picks bp (period) or bn (threads). */
const PACING_GROOVY = [
  'double r = Math.max((',
  ') as double, 0.001d); long w = Math.max(1L, Math.round((',
  ') as double)); long p0 = Math.max(1L, Math.round(w * 1000d / r)); long bp = p0; long bn = Math.max(1L, Math.round(r * p0 / 1000d)); double be = Double.MAX_VALUE; long bg = Long.MAX_VALUE; ' +
    'for (long p = Math.max(1L, (long) Math.floor(p0 / 2d)); p <= p0 * 2; p++) { long n = Math.max(1L, Math.round(r * p / 1000d)); double e = Math.abs(n * 1000d / p - r) / r; long g = Math.abs(n - w); ' +
    'if (e < be - 1e-12d || (Math.abs(e - be) <= 1e-12d && g < bg)) { bp = p; bn = n; be = e; bg = g } }; ',
] as const;

/**
 * One `${__groovy(…)}` running the pacing choice and returning `result`. Test plan variables cannot refer to
 * each other (JMeter evaluates them all at once), so each variable runs the whole (cheap, once) computation.
 */
function pacingOnce(rps: GroovyExpr, threads: GroovyExpr, result: string): Template {
  const code = (e: GroovyExpr) => e.map((p) => (typeof p === 'string' ? escapeFunctionArg(p) : p));
  const [a, b, c] = PACING_GROOVY;
  return {
    kind: 'template',
    parts: ['${__groovy(', escapeFunctionArg(a), ...code(rps), escapeFunctionArg(b), ...code(threads), escapeFunctionArg(c + result), ')}'],
  };
}

/**
 * The variables of one paced group, prefix `key`: `<key>_THREADS_PACED` (N) and `<key>_THREAD_RPM` (each
 * thread's rate per minute, 60000 / P). `rps` and `threads` are Groovy expressions over knobs (`expr`).
 */
export const pacingVariables = (key: string, rps: GroovyExpr, threads: GroovyExpr): readonly Variable[] => [
  { name: `${key}_THREADS_PACED`, value: pacingOnce(rps, threads, 'bn') },
  { name: `${key}_THREAD_RPM`, value: pacingOnce(rps, threads, '60000d / bp') },
];

/** The group's threads: the paced N. */
export const pacedThreads = (key: string): Ref => v(`${key}_THREADS_PACED`);

/** The timer of a paced group: every thread at 60000 / P per minute. */
export const pacedTimer = (key: string, name: string): ConstantThroughputTimer =>
  constantThroughputTimer({ perMinute: v(`${key}_THREAD_RPM`), calcMode: 'thisThread' }, name);
