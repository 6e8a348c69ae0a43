/**
 * Which properties set a plan's load. The catalogue names them; the figures come from the definition's
 * defaults merged with a run's properties, so `plans list` and `jtl run` never show numbers typed apart.
 */
export interface GroupShape {
  readonly label: string;
  /** Property holding the thread (connection, user) count. */
  readonly threads: string;
  readonly rampUp?: string;
  /** Properties whose sum is the group's duration in seconds (a spike phase: its ramp-up plus its hold). */
  readonly duration: readonly string[];
  /** Property holding the target rate in req/s… */
  readonly rate?: string;
  /** …per thread (WebSocket: MSG_PER_SEC per connection), else for the whole group. */
  readonly ratePerThread?: boolean;
  /**
   * Split groups (load_test): this group gets `prop` % of the threads and the rate, or with `rest` what is left, as
   * the plan's variables compute it (threads at least 1).
   */
  readonly share?: { readonly prop: string; readonly rest?: boolean };
}

export interface PlanShape {
  /** Groups one after another (phases) or side by side. */
  readonly sequential: boolean;
  readonly groups: readonly GroupShape[];
  /** Caps every group's threads (stress and spike: MAX_THREADS). */
  readonly maxThreads?: string;
}

export interface GroupLoad {
  readonly label: string;
  readonly threads: number;
  readonly rampUpS?: number;
  readonly durationS: number;
  readonly targetRps?: number;
}

/** Threads, rate and duration a run will have, TIME_SCALE applied as the plans apply it. */
export interface PlanLoad {
  readonly threads: number;
  readonly rampUpS?: number;
  readonly durationS: number;
  readonly targetRps?: number;
  readonly timeScale: number;
  /** Phases one after another: threads and rate above are the highest phase's. */
  readonly sequential: boolean;
  readonly groups: readonly GroupLoad[];
}

/** Pure: the load of `shape` when JMeter sees `properties` (a definition's defaults, then profile and -J values). */
export function effectiveLoad(shape: PlanShape, properties: ReadonlyMap<string, string>): PlanLoad {
  const num = (name: string): number => {
    const value = Number(properties.get(name));
    return Number.isFinite(value) ? value : NaN;
  };
  const timeScale = properties.has('TIME_SCALE') ? num('TIME_SCALE') : 1;
  const cap = shape.maxThreads === undefined ? Infinity : num(shape.maxThreads);
  // As the plans' groovyOnce variables compute them: Math.round(x * TIME_SCALE), durations at least 1 s.
  const scaled = (seconds: number, min: number): number => Math.max(min, Math.round(seconds * timeScale));
  const groups = shape.groups.map((g): GroupLoad => {
    const requested = Math.max(shape.maxThreads === undefined ? 0 : 1, Math.min(num(g.threads), cap));
    const sharePct = g.share === undefined ? 100 : num(g.share.prop);
    const shareThreads = Math.round((requested * sharePct) / 100);
    const threads = g.share === undefined ? requested : Math.max(1, g.share.rest ? requested - shareThreads : shareThreads);
    // As the plan computes it: TARGET_RPS * REST_SHARE / 100.
    const ratePct = g.share?.rest ? 100 - sharePct : sharePct;
    const rate = g.rate === undefined ? undefined : g.ratePerThread ? num(g.rate) * threads : (num(g.rate) * ratePct) / 100;
    return {
      label: g.label,
      threads,
      ...(g.rampUp !== undefined && { rampUpS: scaled(num(g.rampUp), 0) }),
      durationS: scaled(g.duration.reduce((sum, p) => sum + num(p), 0), 1),
      ...(rate !== undefined && { targetRps: rate }),
    };
  });
  const rates = groups.flatMap((g) => (g.targetRps === undefined ? [] : [g.targetRps]));
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  const first = groups[0];
  return {
    threads: shape.sequential ? Math.max(...groups.map((g) => g.threads)) : sum(groups.map((g) => g.threads)),
    ...(first?.rampUpS !== undefined && { rampUpS: first.rampUpS }),
    durationS: shape.sequential ? sum(groups.map((g) => g.durationS)) : Math.max(...groups.map((g) => g.durationS)),
    ...(rates.length > 0 && { targetRps: shape.sequential ? Math.max(...rates) : sum(rates) }),
    timeScale,
    sequential: shape.sequential,
    groups,
  };
}
