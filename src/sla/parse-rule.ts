import { ToolkitError } from '../errors.js';
import { tokenize, type Token } from './tokenize.js';
import { isTimeMetric, ruleText, type Comparison, type Metric, type Scope, type Severity, type SlaRule, type StreamingPolicy, type TimeBasis } from './rule.js';

/**
 * The compact one-liner, e.g. `p95 < 300ms`, `errors < 0.5% for each label`,
 * `p95 < 500ms in every 60s after 30s for 'MCP tools/call'`. Grammar (clauses after the threshold in any order):
 *
 *   METRIC [latency] OP VALUE [in every DURATION] [after DURATION] [for SCOPE] [warn|fail] [abort] [streaming POLICY]
 *   METRIC: pN (p95, p99.9), median, mean|avg, min, max, errors, throughput, received, sent, apdex
 *   OP: < <= > >=     VALUE: 300ms 1.5s · 0.5% · 1000/s · 50KB/s · 0.85 (APDEX)
 *   SCOPE: Total · 'label' · "label" · /regex/ · each label · each label matching /regex/
 *   POLICY (streaming labels such as SSE connect): first-event (default) · exclude · elapsed
 */
export function parseRule(text: string, where = '--rule'): SlaRule {
  const tokens = tokenize(text, where);
  let i = 0;
  const at = (): Token | undefined => tokens[i];
  const fail = (message: string, t: Token | undefined = at()): never => {
    const column = t === undefined ? text.length + 1 : t.column;
    throw new ToolkitError('SLA_BAD_RULE', `${where} "${text}", column ${column}: ${message}`, { rule: text, column, where });
  };
  const word = (): string | undefined => (at()?.kind === 'word' ? at()!.text.toLowerCase() : undefined);

  const metric = parseMetric(at()?.kind === 'word' ? at()!.text : '', (m) => fail(m));
  i++;
  let basis: TimeBasis = 'elapsed';
  if (word() === 'latency' || word() === 'ttfb' || word() === 'ttfe') {
    if (!isTimeMetric(metric)) fail(`"${at()!.text}" applies to time metrics (pN, mean, min, max) only`);
    basis = 'latency';
    i++;
  }
  const opToken = at();
  if (opToken?.kind !== 'op') fail(`expected a comparison (<, <=, >, >=) after the metric${opToken ? `, found "${opToken.text}"` : ''}`);
  const op = opToken!.text as Comparison;
  i++;
  const threshold = parseValue(metric, tokens, i, fail);
  i = threshold.next;

  let windowMs: number | undefined;
  let warmUpMs: number | undefined;
  let scope: Scope = { kind: 'total' };
  let severity: Severity = 'fail';
  let abortable = false;
  let streaming: StreamingPolicy = 'first-event';
  const seen = new Set<string>();
  const once = (clause: string): void => {
    if (seen.has(clause)) fail(`"${clause}" is given twice`);
    seen.add(clause);
  };
  while (at() !== undefined) {
    const w = word();
    if (w === 'in' || w === 'per') {
      once('in every');
      i++;
      if (word() === 'every') i++;
      windowMs = duration(at(), fail, 'a window length such as 60s');
      i++;
      if (word() === 'window' || word() === 'windows') i++;
    } else if (w === 'after') {
      once('after');
      i++;
      warmUpMs = duration(at(), fail, 'a warm-up such as 30s');
      i++;
    } else if (w === 'for') {
      once('for');
      i++;
      [scope, i] = parseScope(tokens, i, fail);
    } else if (w === 'warn' || w === 'warning' || w === 'fail') {
      once('severity');
      severity = w === 'fail' ? 'fail' : 'warn';
      i++;
    } else if (w === 'abort' || w === 'abortable') {
      once('abort');
      abortable = true;
      i++;
    } else if (w === 'streaming') {
      once('streaming');
      i++;
      const p = word();
      if (p !== 'first-event' && p !== 'exclude' && p !== 'elapsed') fail('expected streaming first-event, exclude or elapsed');
      streaming = p as StreamingPolicy;
      i++;
    } else fail(`unexpected "${at()!.text}": expected in every …, after …, for …, warn, abort or streaming …`);
  }
  const rule = {
    metric,
    op,
    threshold: threshold.value,
    scope,
    ...(windowMs !== undefined && { windowMs }),
    ...(warmUpMs !== undefined && { warmUpMs }),
    severity,
    abortable,
    basis,
    streaming,
  };
  return { ...rule, text: ruleText(rule) };
}

type Fail = (message: string, t?: Token) => never;

const METRIC_WORDS: Readonly<Record<string, Metric>> = {
  median: { kind: 'percentile', p: 50 },
  mean: { kind: 'mean' },
  avg: { kind: 'mean' },
  average: { kind: 'mean' },
  min: { kind: 'min' },
  max: { kind: 'max' },
  errors: { kind: 'errors' },
  error: { kind: 'errors' },
  'error-rate': { kind: 'errors' },
  throughput: { kind: 'throughput' },
  rps: { kind: 'throughput' },
  received: { kind: 'received' },
  sent: { kind: 'sent' },
  apdex: { kind: 'apdex' },
};

export function parseMetric(text: string, fail: (message: string) => never): Metric {
  const p = /^p(\d+(?:\.\d+)?)$/i.exec(text);
  if (p) {
    const value = Number(p[1]);
    if (!(value > 0 && value < 100)) fail(`${text}: a percentile is between p0 and p100 exclusive (p50, p95, p99.9)`);
    return { kind: 'percentile', p: value };
  }
  const metric = METRIC_WORDS[text.toLowerCase()];
  if (metric === undefined) {
    fail(`${text === '' ? 'no metric' : `unknown metric "${text}"`}: expected pN (p95, p99.9), median, mean, min, max, errors, throughput, received, sent or apdex`);
  }
  return metric!;
}

/** Value and unit may be one token (`300ms`) or two (`300 ms`, `1000 req/s`). */
function parseValue(metric: Metric, tokens: readonly Token[], i: number, fail: Fail): { value: number; next: number } {
  const first = tokens[i];
  if (first?.kind !== 'word') fail('expected a threshold such as 300ms, 0.5%, 1000/s', first);
  const m = /^(\d[\d,_]*(?:\.\d+)?)(.*)$/.exec(first!.text);
  if (!m) fail(`expected a number, found "${first!.text}"`, first);
  const number = Number(m![1]!.replace(/[,_]/g, ''));
  let unit = m![2]!;
  let next = i + 1;
  const follower = tokens[next];
  if (unit === '' && follower?.kind === 'word' && /^(ms|s|%|\/s|req\/s|rps|kb\/s)$/i.test(follower.text)) {
    unit = follower.text;
    next++;
  }
  return { value: convert(metric, number, unit.toLowerCase(), first!, fail), next };
}

function convert(metric: Metric, n: number, unit: string, t: Token, fail: Fail): number {
  if (isTimeMetric(metric)) {
    if (unit === 'ms') return n;
    if (unit === 's') return n * 1000;
    return fail(`a time threshold needs a unit: ms or s (e.g. ${n}ms)`, t);
  }
  if (metric.kind === 'errors') {
    if (unit === '%') return n;
    return fail(`an error rate is given in per cent (e.g. ${n}%)`, t);
  }
  if (metric.kind === 'throughput') {
    if (unit === '/s' || unit === 'req/s' || unit === 'rps') return n;
    return fail(`a throughput is given per second (e.g. ${n}/s)`, t);
  }
  if (metric.kind === 'apdex') {
    if (unit === '' && n <= 1) return n;
    return fail('APDEX is a number between 0 and 1 (e.g. 0.85)', t);
  }
  if (unit === 'kb/s') return n;
  return fail(`${metric.kind} is given in KB/s (e.g. ${n}KB/s)`, t);
}

export function parseDurationMs(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/i.exec(text);
  if (!m) return undefined;
  const ms = Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2]!.toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : undefined;
}

function duration(t: Token | undefined, fail: Fail, what: string): number {
  const ms = t?.kind === 'word' ? parseDurationMs(t.text) : undefined;
  if (ms === undefined) fail(`expected ${what} (a number with ms, s, m or h)${t ? `, found "${t.text}"` : ''}`, t);
  return ms!;
}

function parseScope(tokens: readonly Token[], i: number, fail: Fail): [Scope, number] {
  const t = tokens[i];
  if (t === undefined) fail("expected a scope after for: Total, 'label', /regex/ or each label");
  if (t!.kind === 'quoted') return [{ kind: 'label', label: t!.text }, i + 1];
  if (t!.kind === 'regex') return [{ kind: 'regex', pattern: t!.text }, i + 1];
  const w = t!.text.toLowerCase();
  if (w === 'total') return [{ kind: 'total' }, i + 1];
  if (w === 'each') {
    let j = i + 1;
    if (tokens[j]?.text.toLowerCase() === 'label') j++;
    if (tokens[j]?.text.toLowerCase() === 'matching') {
      const r = tokens[j + 1];
      if (r?.kind !== 'regex') fail('expected /regex/ after matching', r);
      return [{ kind: 'each', pattern: r!.text }, j + 2];
    }
    return [{ kind: 'each' }, j];
  }
  return fail(`unexpected scope "${t!.text}": write a label in quotes ('${t!.text}'), /regex/, Total or each label`, t);
}
