import { ToolkitError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import type { Analysis } from '../jtl/analyze.js';
import type { LabelStats } from '../stats/types.js';
import { cellStats, type Cell, type CellStats } from './cells.js';
import { inScope, needsCells, TOTAL, type SlaDetail } from './observer.js';
import { compare, isTimeMetric, metricUnit, scopeText, type Metric, type RuleSet, type SlaRule } from './rule.js';
import { judgeWindows } from './windows.js';

/** What the verdicts need besides the analysis. */
export interface SlaContext {
  /** From SlaObserver fed by the analyzer: windows, warm-ups, regex scopes, Latency. */
  readonly detail?: SlaDetail;
  /** The run's profile ('ci', 'production'); targets valid on production only are not applicable otherwise. */
  readonly runProfile?: string;
}

/** Either source of figures, read the same way. */
type Figures = { readonly kind: 'row'; readonly row: LabelStats } | { readonly kind: 'cell'; readonly stats: CellStats };

/**
 * The SLA verdicts: pure, `(analysis, rules) → Finding[]`, one finding per rule and scope (each label of an
 * "each label" rule on its own). A rule whose scope matched no samples is "no data", which fails.
 */
export function evaluateSla(analysis: Analysis, set: RuleSet, context: SlaContext = {}): Finding[] {
  const findings = set.rules.flatMap((rule, i) => evaluateRule(analysis, set, rule, i, context));
  const skipped = skippedNote(analysis);
  return skipped === undefined ? findings : findings.map((f) => ({ ...f, evidence: f.evidence ? `${f.evidence}; ${skipped}` : skipped }));
}

/** Every percentile the rules read, for `analyzeJtl({ percentiles })`. */
export const percentilesFor = (set: RuleSet, base: readonly number[]): number[] =>
  [...new Set([...base, ...set.rules.flatMap((r) => (r.metric.kind === 'percentile' ? [r.metric.p] : []))])].sort((a, b) => a - b);

function evaluateRule(analysis: Analysis, set: RuleSet, rule: SlaRule, index: number, context: SlaContext): Finding[] {
  const streaming = set.streamingLabels.map((s) => new RegExp(s));
  const isStreaming = (label: string): boolean => streaming.some((re) => re.test(label));
  const streamingJudged = (label: string): boolean => isTimeMetric(rule.metric) && rule.basis === 'elapsed' && rule.streaming !== 'elapsed' && isStreaming(label);
  const cells = context.detail?.cells[index];
  if (rule.productionOnly && context.runProfile !== 'production') {
    const why = context.runProfile === undefined ? 'run profile unknown' : `${context.runProfile} profile`;
    return [finding(rule, 'Total', Number.NaN, 'not applicable', `not applicable (${why}): the target holds for the production profile; gate a production run to judge it`)];
  }
  const units: Array<{ scope: string; figures: () => Figures | ReadonlyArray<Cell | undefined> | undefined; note?: string }> = [];
  const rowOf = (label: string): LabelStats | undefined => analysis.labels.find((l) => l.label === label);
  const fromCells = (unit: string): ReadonlyArray<Cell | undefined> | undefined => {
    if (cells === undefined) throw needsDetail(rule, unit);
    const windows = cells.get(unit);
    return windows === undefined ? undefined : denseWindows(windows);
  };
  const streamingInTotal = analysis.labels.filter((l) => !l.isController && streamingJudged(l.label)).map((l) => l.label);
  switch (rule.scope.kind) {
    case 'total': {
      const useCells = needsCells(rule) || streamingInTotal.length > 0;
      const note = streamingInTotal.length === 0 ? undefined : `streaming labels ${rule.streaming === 'exclude' ? 'left out' : 'judged on Latency (time to first event)'}: ${streamingInTotal.join(', ')}`;
      units.push({ scope: TOTAL, figures: () => (useCells ? fromCells(TOTAL) : { kind: 'row', row: analysis.total }), ...(note && { note }) });
      break;
    }
    case 'regex': {
      const unit = `/${rule.scope.pattern}/`;
      units.push({ scope: unit, figures: () => fromCells(unit) });
      break;
    }
    case 'label':
    case 'each': {
      const scope = rule.scope;
      const labels = scope.kind === 'label' ? [scope.label] : analysis.labels.filter((l) => inScope(rule, l.label, l.isController)).map((l) => l.label);
      if (labels.length === 0) units.push({ scope: scopeText(scope), figures: () => undefined });
      for (const label of labels) {
        const judged = streamingJudged(label);
        if (judged && rule.streaming === 'exclude') {
          units.push({ scope: label, figures: () => undefined, note: 'left out: a streaming label (its elapsed time is how long the stream was held)' });
          continue;
        }
        const latency = rule.basis === 'latency' || judged;
        const note = judged ? 'judged on Latency (time to first event): a streaming label' : rule.basis === 'latency' ? 'judged on Latency' : undefined;
        units.push({ scope: label, figures: () => (needsCells(rule) || latency ? fromCells(label) : rowOf(label) && { kind: 'row', row: rowOf(label)! }), ...(note && { note }) });
      }
    }
  }
  return units.map(({ scope, figures, note }) => {
    if (note?.startsWith('left out')) return finding(rule, scope, Number.NaN, 'not applicable', `not applicable: ${note.slice('left out: '.length)}`);
    const got = figures();
    if (Array.isArray(got)) return fromWindows(rule, scope, got, context.detail, note);
    const single = got as Figures | undefined;
    const value = single === undefined ? Number.NaN : valueOf(rule.metric, single);
    const count = single === undefined ? 0 : single.kind === 'row' ? single.row.count : single.stats.count;
    if (count === 0 || Number.isNaN(value)) return finding(rule, scope, Number.NaN, 'no data', joinNotes(`no samples in this scope${rule.warmUpMs ? ' after the warm-up' : ''}`, note));
    return finding(rule, scope, value, verdictOf(rule, value), joinNotes(`${count} samples`, note));
  });
}

function fromWindows(rule: SlaRule, scope: string, cells: ReadonlyArray<Cell | undefined>, detail: SlaDetail | undefined, note: string | undefined): Finding {
  if (cells.every((c) => c === undefined || c.count === 0)) return finding(rule, scope, Number.NaN, 'no data', joinNotes(`no samples in this scope${rule.warmUpMs ? ' after the warm-up' : ''}`, note));
  if (rule.windowMs === undefined) {
    const stats = cellStats(cells[0]!);
    const value = valueOf(rule.metric, { kind: 'cell', stats });
    if (Number.isNaN(value)) return finding(rule, scope, Number.NaN, 'no data', joinNotes('too few samples to decide', note));
    return finding(rule, scope, value, verdictOf(rule, value), joinNotes(`${stats.count} samples${rule.warmUpMs ? ' after the warm-up' : ''}`, note));
  }
  const judged = judgeWindows(rule, cells, (c) => valueOf(rule.metric, { kind: 'cell', stats: cellStats(c) }), detail?.originMs ?? 0);
  return finding(rule, scope, judged.worst, judged.breached > 0 ? failVerdict(rule) : 'pass', joinNotes(judged.evidence, note));
}

export function valueOf(metric: Metric, f: Figures): number {
  if (f.kind === 'cell') {
    const s = f.stats;
    switch (metric.kind) {
      case 'percentile': return s.percentile(metric.p);
      case 'mean': return s.meanMs;
      case 'min': return s.minMs;
      case 'max': return s.maxMs;
      case 'errors': return s.errorPct;
      case 'throughput': return s.throughputPerS;
      case 'received': return s.receivedKBPerS;
      case 'sent': return s.sentKBPerS;
      case 'apdex': return s.apdex;
    }
  }
  const r = f.row;
  switch (metric.kind) {
    case 'percentile': {
      const value = r.percentiles[String(metric.p)];
      if (value === undefined) throw new ToolkitError('SLA_PERCENTILE_MISSING', `the analysis has no p${metric.p}: analyze with percentiles including ${metric.p} (percentilesFor)`, { p: metric.p });
      return value;
    }
    case 'mean': return r.meanMs;
    case 'min': return r.minMs;
    case 'max': return r.maxMs;
    case 'errors': return r.errorPct;
    case 'throughput': return r.throughputPerS;
    case 'received': return r.receivedKBPerS;
    case 'sent': return r.sentKBPerS;
    case 'apdex': return r.apdex;
  }
}

const failVerdict = (rule: SlaRule): 'fail' | 'warn' => (rule.severity === 'fail' ? 'fail' : 'warn');
const verdictOf = (rule: SlaRule, value: number): Finding['verdict'] => (compare(value, rule.op, rule.threshold) ? 'pass' : failVerdict(rule));
const joinNotes = (a: string, b: string | undefined): string => (b === undefined ? a : `${a}; ${b}`);

export function finding(rule: SlaRule, scope: string, value: number, verdict: Finding['verdict'], evidence: string): Finding {
  const unit = metricUnit(rule.metric);
  return {
    source: 'sla',
    subject: rule.text,
    scope,
    measured: { value: Number.isNaN(value) ? undefined : value, unit },
    expected: { value: rule.threshold, unit },
    verdict,
    evidence,
    blocking: rule.severity === 'fail' && verdict !== 'not applicable',
  };
}

function skippedNote(analysis: Analysis): string | undefined {
  const { skippedCount, truncatedTails } = analysis.issues;
  const parts = [
    ...(skippedCount > 0 ? [`${skippedCount} unreadable record${skippedCount === 1 ? '' : 's'} skipped (first at ${analysis.issues.skipped[0]?.file}:${analysis.issues.skipped[0]?.line})`] : []),
    ...(truncatedTails.length > 0 ? [`${truncatedTails.length} cut-off last record${truncatedTails.length === 1 ? '' : 's'} left out`] : []),
  ];
  return parts.length === 0 ? undefined : parts.join('; ');
}

const needsDetail = (rule: SlaRule, unit: string): ToolkitError =>
  new ToolkitError('SLA_NEEDS_DETAIL', `rule "${rule.text}" for ${unit} needs figures the analysis alone lacks (windows, warm-up, a regex scope or Latency): analyze with analyzeForSla, or feed an SlaObserver through analyzeJtl({ onSample })`, { rule: rule.text, unit });

/** Windows 0..last with samples, a gap as undefined. */
export function denseWindows(windows: ReadonlyMap<number, Cell>): Array<Cell | undefined> {
  const last = Math.max(...windows.keys());
  return Array.from({ length: last + 1 }, (_, k) => windows.get(k));
}
