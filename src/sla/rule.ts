/**
 * The SLA model: one rule type, written three ways (typed objects, a YAML/JSON file, a compact one-liner).
 * Thresholds are held in the metric's canonical unit: ms for times, per cent for errors, 1/s for throughput,
 * KB/s for bytes, a ratio for APDEX.
 */

export type TimeMetric = { readonly kind: 'percentile'; readonly p: number } | { readonly kind: 'mean' | 'min' | 'max' };
export type Metric = TimeMetric | { readonly kind: 'errors' | 'throughput' | 'received' | 'sent' | 'apdex' };

export type Comparison = '<' | '<=' | '>' | '>=';

/** Where a rule looks: Total, one label, the labels a regex matches taken together, or each label on its own. */
export type Scope =
  | { readonly kind: 'total' }
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'regex'; readonly pattern: string }
  | { readonly kind: 'each'; readonly pattern?: string };

/** Which time a rule judges: the sample's elapsed time, or its Latency (time to first byte / first event). */
export type TimeBasis = 'elapsed' | 'latency';

/**
 * Streaming labels (an SSE connect holds its stream open; a WebSocket read waits for a push): their elapsed
 * time is a hold time, not a response time. Time rules judge them on Latency (time to first event), leave
 * them out, or (deliberately) on elapsed time.
 */
export type StreamingPolicy = 'first-event' | 'exclude' | 'elapsed';

export type Severity = 'fail' | 'warn';

export interface SlaRule {
  readonly metric: Metric;
  readonly op: Comparison;
  readonly threshold: number;
  readonly scope: Scope;
  /** Judge every window of this length (after the warm-up) on its own; the worst window decides. */
  readonly windowMs?: number;
  /** Samples starting earlier than this after the run's start are left out. */
  readonly warmUpMs?: number;
  readonly severity: Severity;
  /** With `jtl run --abort-on-fail`: checked live on the growing JTL; a breach stops the run. */
  readonly abortable: boolean;
  readonly basis: TimeBasis;
  readonly streaming: StreamingPolicy;
  /** A target valid only for the production profile (the built-in throughput targets). */
  readonly productionOnly?: boolean;
  /** The rule as its author wrote it (or as the profile states it), for messages. */
  readonly text: string;
}

export const isTimeMetric = (m: Metric): m is TimeMetric => m.kind === 'percentile' || m.kind === 'mean' || m.kind === 'min' || m.kind === 'max';

export const metricName = (m: Metric): string => (m.kind === 'percentile' ? `p${m.p}` : m.kind);

/** The unit measured values of a metric are shown in. */
export const metricUnit = (m: Metric): string =>
  isTimeMetric(m) ? 'ms' : m.kind === 'errors' ? '%' : m.kind === 'throughput' ? '/s' : m.kind === 'apdex' ? '' : 'KB/s';

export const compare = (value: number, op: Comparison, threshold: number): boolean =>
  op === '<' ? value < threshold : op === '<=' ? value <= threshold : op === '>' ? value > threshold : value >= threshold;

/** Whether larger values are worse for this rule (`p95 < 300ms`), so the worst window is the largest. */
export const largerIsWorse = (op: Comparison): boolean => op === '<' || op === '<=';

export const scopeText = (s: Scope): string =>
  s.kind === 'total' ? 'Total' : s.kind === 'label' ? s.label : s.kind === 'regex' ? `/${s.pattern}/` : s.pattern === undefined ? 'each label' : `each label matching /${s.pattern}/`;

/** The canonical one-liner of a rule (parses back to the same rule). */
export function ruleText(r: Omit<SlaRule, 'text'>): string {
  const metric = `${metricName(r.metric)}${r.basis === 'latency' && isTimeMetric(r.metric) ? ' latency' : ''}`;
  const value = isTimeMetric(r.metric) ? (r.threshold >= 1000 && r.threshold % 1000 === 0 ? `${r.threshold / 1000}s` : `${r.threshold}ms`) : r.metric.kind === 'errors' ? `${r.threshold}%` : r.metric.kind === 'throughput' ? `${r.threshold}/s` : r.metric.kind === 'apdex' ? `${r.threshold}` : `${r.threshold}KB/s`;
  const parts = [metric, r.op, value];
  if (r.windowMs !== undefined) parts.push(`in every ${r.windowMs / 1000}s`);
  if (r.warmUpMs !== undefined) parts.push(`after ${r.warmUpMs / 1000}s`);
  if (r.scope.kind === 'label') parts.push(`for '${r.scope.label.replaceAll("'", "''")}'`);
  else if (r.scope.kind === 'regex') parts.push(`for /${r.scope.pattern}/`);
  else if (r.scope.kind === 'each') parts.push(r.scope.pattern === undefined ? 'for each label' : `for each label matching /${r.scope.pattern}/`);
  if (r.severity === 'warn') parts.push('warn');
  if (r.abortable) parts.push('abort');
  if (r.streaming !== 'first-event') parts.push(`streaming ${r.streaming}`);
  return parts.join(' ');
}

/** A rule set and where it came from ('load profile', 'sla.yaml', '--rule'). */
export interface RuleSet {
  readonly name: string;
  readonly rules: readonly SlaRule[];
  /** Labels judged as streaming (regex sources); the built-in list when a file does not say. */
  readonly streamingLabels: readonly string[];
}

/** SSE streams held open and WebSocket reads that wait for a server push. */
export const DEFAULT_STREAMING_LABELS: readonly string[] = ['^SSE connect$', '^WS (read|receive|wait)\\b'];
