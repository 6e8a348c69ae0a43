import { formatDelta, formatRelative, formatValue } from '../compare/format.js';
import { METRIC_NAMES, type ComparisonModel, type LabelComparison, type MetricComparison, type MetricVerdict } from '../compare/types.js';

/** One line of a comparison table, as text (renderers escape `label` for their medium). */
export interface ComparisonLine {
  readonly label: string;
  readonly metric: string;
  readonly baseline: string;
  readonly current: string;
  readonly delta: string;
  readonly relative: string;
  readonly verdict: MetricVerdict;
  readonly verdictText: string;
  readonly evidence: string;
  readonly blocking: boolean;
}

export const verdictText = (v: MetricVerdict): string => (v === 'no data' ? 'not enough data' : v === 'not applicable' ? '—' : v);

const RANK: Record<MetricVerdict, number> = { regressed: 0, 'no data': 2, improved: 1, unchanged: 3, 'not applicable': 4 };

export function comparisonLine(row: LabelComparison, m: MetricComparison): ComparisonLine {
  return {
    label: row.name,
    metric: METRIC_NAMES[m.metric],
    baseline: formatValue(m.baseline, m.unit),
    current: formatValue(m.current, m.unit),
    delta: formatDelta(m.delta, m.unit),
    relative: formatRelative(m.relative),
    verdict: m.verdict,
    verdictText: verdictText(m.verdict),
    evidence: m.evidence,
    blocking: m.blocking,
  };
}

/** Every label × metric, regressions first (blocking ones before the others), then improvements, then the rest. */
export function sortedLines(model: ComparisonModel): ComparisonLine[] {
  const lines = model.rows.flatMap((row, r) => row.metrics.map((m, i) => ({ line: comparisonLine(row, m), order: r * 100 + i })));
  return lines
    .sort((a, b) => RANK[a.line.verdict] - RANK[b.line.verdict] || Number(b.line.blocking) - Number(a.line.blocking) || a.order - b.order)
    .map((x) => x.line);
}

export interface ComparisonCounts {
  readonly regressed: number;
  readonly failing: number;
  readonly improved: number;
  readonly noData: number;
}

export function countVerdicts(model: ComparisonModel): ComparisonCounts {
  const all = model.rows.flatMap((r) => r.metrics);
  return {
    regressed: all.filter((m) => m.verdict === 'regressed').length,
    failing: all.filter((m) => m.blocking && (m.verdict === 'regressed' || m.verdict === 'no data')).length,
    improved: all.filter((m) => m.verdict === 'improved').length,
    noData: all.filter((m) => m.verdict === 'no data').length,
  };
}

/** The added latency of each mapped pair (current − baseline) per percentile, with its interval. */
export function overheadCells(row: LabelComparison): Array<{ readonly metric: string; readonly text: string }> {
  return row.metrics
    .filter((m) => m.metric === 'mean' || m.metric.startsWith('p'))
    .map((m) => ({
      metric: METRIC_NAMES[m.metric],
      text: `${formatDelta(m.delta, m.unit)}${m.interval ? ` [${signed(m.interval.low)}, ${signed(m.interval.high)}]` : ''}`,
    }));
}

const signed = (v: number) => (Number.isFinite(v) ? `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(Math.abs(v) >= 100 ? 0 : 1)}` : '?');

export const failOnText = (model: ComparisonModel): string => (model.settings.failOn.length === 0 ? 'none' : model.settings.failOn.map((m) => METRIC_NAMES[m]).join(', '));
