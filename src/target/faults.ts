import { ToolkitError } from '../errors.js';
import { seededRandom } from '../stats/random.js';

/** A latency distribution in milliseconds. */
export type LatencySpec =
  | { readonly kind: 'fixed'; readonly ms: number }
  | { readonly kind: 'uniform'; readonly minMs: number; readonly maxMs: number }
  | { readonly kind: 'normal'; readonly meanMs: number; readonly sdMs: number }
  | { readonly kind: 'lognormal'; readonly medianMs: number; readonly sigma: number };

/**
 * Injection for one route. Route names are the plans' labels: `GET /tools`, `MCP tools/call`, `RPC tools/list`,
 * `WS tools/list`, `SSE connect`, `GET /admin/tools`, `fast_time GET /api/v1/time`; `*` matches any run of characters.
 * An injected error is a 503 for HTTP routes and a JSON-RPC error object (code -32603) in a 200 for JSON-RPC ones,
 * which is what a gateway with a failing upstream answers.
 */
export interface FaultRule {
  readonly route: string;
  readonly latency?: LatencySpec;
  /** Share of requests that fail, 0..1. */
  readonly errorRate?: number;
}

export interface FaultDecision {
  readonly delayMs: number;
  readonly fail: boolean;
}

const NONE: FaultDecision = { delayMs: 0, fail: false };


export function sampleLatency(spec: LatencySpec, random: () => number): number {
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  switch (spec.kind) {
    case 'fixed':
      return spec.ms;
    case 'uniform':
      return spec.minMs + random() * (spec.maxMs - spec.minMs);
    case 'normal':
      return Math.max(0, spec.meanMs + spec.sdMs * gaussian());
    case 'lognormal':
      return spec.medianMs * Math.exp(spec.sigma * gaussian());
  }
}

const toRegExp = (route: string) =>
  new RegExp(`^${route.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** Decides, per request, the delay and whether it fails. The first rule whose route matches wins. */
export function faultInjector(rules: readonly FaultRule[], seed: number): (route: string) => FaultDecision {
  if (rules.length === 0) return () => NONE;
  const compiled = rules.map((rule) => ({ rule, pattern: toRegExp(rule.route) }));
  const random = seededRandom(seed);
  return (route) => {
    const rule = compiled.find((c) => c.pattern.test(route))?.rule;
    if (rule === undefined) return NONE;
    return {
      delayMs: rule.latency ? sampleLatency(rule.latency, random) : 0,
      fail: rule.errorRate !== undefined && random() < rule.errorRate,
    };
  };
}

const number = (text: string, what: string): number => {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new ToolkitError('TARGET_BAD_FAULT', `${what}: "${text}" is not a non-negative number`, { what, text });
  }
  return n;
};

/** Parses `fixed:20`, `uniform:5-50`, `normal:100,20`, `lognormal:80,0.5` (all milliseconds but sigma). */
export function parseLatency(text: string): LatencySpec {
  const [kind = '', args = ''] = text.split(':', 2);
  const [a = '', b = ''] = args.split(/[-,]/, 2);
  const what = `latency "${text}"`;
  switch (kind) {
    case 'fixed':
      return { kind, ms: number(a, what) };
    case 'uniform':
      return { kind, minMs: number(a, what), maxMs: number(b, what) };
    case 'normal':
      return { kind, meanMs: number(a, what), sdMs: number(b, what) };
    case 'lognormal':
      return { kind, medianMs: number(a, what), sigma: number(b, what) };
    default:
      throw new ToolkitError('TARGET_BAD_FAULT', `${what}: use fixed:MS, uniform:MIN-MAX, normal:MEAN,SD or lognormal:MEDIAN,SIGMA`, { text });
  }
}

/** Parses an error rate 0..1 (or a percentage such as 5%). */
export function parseErrorRate(text: string): number {
  const rate = text.endsWith('%') ? number(text.slice(0, -1), `error rate "${text}"`) / 100 : number(text, `error rate "${text}"`);
  if (rate > 1) throw new ToolkitError('TARGET_BAD_FAULT', `error rate "${text}" is above 1 (100%)`, { text });
  return rate;
}
