import type { PlanLoad } from './types.js';

type Props = ReadonlyMap<string, string>;

/** A whole-number property, else its default (the plan's own `${__P(NAME,default)}`). */
const num = (props: Props, name: string, def: number): number => {
  const value = Number(props.get(name));
  return props.has(name) && Number.isFinite(value) && value > 0 ? Math.round(value) : def;
};

const fmt = (n: number): string => n.toLocaleString('en-US');

/** Peak threads of a catalogue plan, from the properties its thread groups read (src/plans/*.ts). */
const CATALOGUE: Readonly<Record<string, (p: Props) => { threads: number; basis: string }>> = {
  rest_api_baseline: (p) => single(p, 'THREADS', 100),
  mcp_jsonrpc_baseline: (p) => single(p, 'THREADS', 200),
  // Two thread groups (fast_time_server, fast_test_server) run side by side, each with THREADS.
  mcp_test_servers_baseline: (p) => {
    const t = num(p, 'THREADS', 200);
    return { threads: 2 * t, basis: `2 groups × THREADS=${fmt(t)}` };
  },
  load_test: (p) => single(p, 'THREADS', 400),
  soak_test: (p) => single(p, 'THREADS', 400),
  stress_test: (p) =>
    phased(p, [
      ['PHASE1_THREADS', 200],
      ['PHASE2_THREADS', 400],
      ['PHASE3_THREADS', 800],
      ['PHASE4_THREADS', 1200],
      ['PHASE5_THREADS', 1600],
      ['PHASE6_THREADS', 2000],
      ['COOLDOWN_THREADS', 200],
    ]),
  spike_test: (p) =>
    phased(p, [
      ['BASE_THREADS', 200],
      ['PEAK_THREADS', 2000],
    ]),
  sse_streaming_baseline: (p) => {
    const c = num(p, 'CONNECTIONS', 1000);
    const h = num(p, 'HEALTH_THREADS', 10);
    return { threads: c + h, basis: `CONNECTIONS=${fmt(c)} + HEALTH_THREADS=${fmt(h)}` };
  },
  websocket_baseline: (p) => single(p, 'CONNECTIONS', 500),
  admin_ui_baseline: (p) => single(p, 'USERS', 50),
};

function single(p: Props, name: string, def: number): { threads: number; basis: string } {
  const t = num(p, name, def);
  return { threads: t, basis: `${name}=${fmt(t)}` };
}

/** Phases run one after another (serialized thread groups): the largest phase, capped by MAX_THREADS. */
function phased(p: Props, phases: readonly (readonly [string, number])[]): { threads: number; basis: string } {
  const [name, largest] = phases.map(([n, d]) => [n, num(p, n, d)] as const).reduce((a, b) => (b[1] > a[1] ? b : a));
  const cap = num(p, 'MAX_THREADS', 2000);
  return largest > cap
    ? { threads: cap, basis: `${name}=${fmt(largest)} capped by MAX_THREADS=${fmt(cap)}` }
    : { threads: largest, basis: `largest phase ${name}=${fmt(largest)}` };
}

export const isCataloguePlan = (plan: string): boolean => plan in CATALOGUE;

/** The peak load of a catalogue plan under the run's effective properties (profile, then -J and options). */
export function catalogueLoad(plan: string, props: Props): PlanLoad | undefined {
  const rule = CATALOGUE[plan];
  if (!rule) return undefined;
  const { threads, basis } = rule(props);
  return { plan, peakThreads: threads, peakConnections: threads, basis };
}

/**
 * Any other .jmx: its thread groups' `ThreadGroup.num_threads`, when each is a number or `${__P(NAME,default)}`.
 * Groups add up, unless the plan runs them one after another. One count it cannot read makes the estimate unknown.
 */
export function jmxLoad(plan: string, jmx: string, props: Props): PlanLoad {
  const counts = [...jmx.matchAll(/<(?:string|int)Prop name="ThreadGroup\.num_threads">([^<]*)</g)].map((m) => resolveCount(m[1] ?? '', props));
  if (counts.length === 0) return { plan, basis: 'no thread group found in the plan' };
  if (counts.some((c) => c === undefined)) return { plan, basis: 'a thread count is computed inside the plan' };
  const known = counts as number[];
  const serialized = /<boolProp name="TestPlan\.serialize_threadgroups">true</.test(jmx);
  const threads = serialized ? Math.max(...known) : known.reduce((a, b) => a + b, 0);
  const basis = `${known.length} thread group${known.length === 1 ? '' : 's'}${serialized ? ' one after another (largest)' : ''}: ${known.map(fmt).join(serialized ? ', ' : ' + ')}`;
  return { plan, peakThreads: threads, peakConnections: threads, basis };
}

function resolveCount(text: string, props: Props): number | undefined {
  const literal = /^\s*(\d+)\s*$/.exec(text);
  if (literal) return Number(literal[1]);
  const property = /^\$\{__P\(\s*([\w.-]+)\s*,\s*(\d+)\s*\)\}$/.exec(text.trim());
  if (property?.[1] !== undefined) return num(props, property[1], Number(property[2]));
  return undefined;
}
