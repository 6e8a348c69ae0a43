import { probit, quantileSorted } from 'simple-statistics';

import { ToolkitError } from '../errors.js';
import type { Finding } from '../findings/finding.js';
import type { WindowedLabel } from '../stats/label-windows.js';
import { decide, practicalThreshold, type MetricKind } from './decide.js';
import { formatInterval } from './format.js';
import { compareProportions, errorCounts } from './proportion.js';
import { blockLength, blockResamples } from './resample.js';
import { studentQuantile } from './student.js';
import { resampleLabel, type ResampledMetric, type ResampledStatistic } from './window-statistics.js';
import {
  COMPARISON_SCHEMA_VERSION, DEFAULT_COMPARE_OPTIONS, METRICS, METRIC_NAMES, METRIC_UNITS,
  type CompareOptions, type ComparisonModel, type LabelComparison, type LabelFigures, type MetricComparison, type MetricId, type RunDigest,
} from './types.js';

/** A label needs samples in at least this many windows of each run for any test. */
export const MIN_WINDOWS = 8;
/** A percentile needs at least this many samples above it in each run (p99: 500 samples). */
export const MIN_TAIL_SAMPLES = 5;
export const MIN_SAMPLES = 20;

export interface Comparison {
  readonly model: ComparisonModel;
  readonly findings: readonly Finding[];
}

/**
 * Compares two runs per label and Total — pure: digests in, model and findings out (the CLI, the HTML report and
 * the tests call this). Percentiles, mean and throughput get a circular block bootstrap over time windows; error %
 * a two-proportion test with a design effect; samples and max are shown without a test.
 */
export function compareRuns(baseline: RunDigest, current: RunDigest, options: CompareOptions = DEFAULT_COMPARE_OPTIONS): Comparison {
  const baseIdx = blockResamples(baseline.windows.windowCount, options.resamples, options.seed);
  const curIdx = blockResamples(current.windows.windowCount, options.resamples, options.seed + 1);
  const rows: LabelComparison[] = [];
  const compareRow = (name: string, kind: LabelComparison['kind'], b: Side, c: Side): void => {
    rows.push({ name, kind, baselineLabel: b.figures.label, currentLabel: c.figures.label, metrics: compareLabel(b, c, options) });
  };
  const side = (digest: RunDigest, idx: Uint32Array, label: string): Side | undefined => {
    const figures = digest.labels.find((l) => l.label === label);
    const windows = digest.windows.labels.find((l) => l.label === label);
    return figures && windows && { figures, windows, resampled: () => resampleLabel(digest.windows, windows, idx) };
  };
  for (const pair of options.pairs) {
    const b = side(baseline, baseIdx, pair.baseline);
    const c = side(current, curIdx, pair.current);
    if (b === undefined || c === undefined) {
      const [which, label, digest] = b === undefined ? ['baseline', pair.baseline, baseline] as const : ['current', pair.current, current] as const;
      throw new ToolkitError('CMP_UNKNOWN_LABEL', `--map ${pair.baseline}=${pair.current}: the ${which} run has no label "${label}" (it has: ${digest.labels.map((l) => l.label).slice(0, 12).join(', ')}${digest.labels.length > 12 ? ', …' : ''})`, { label });
    }
    compareRow(`${pair.baseline} → ${pair.current}`, 'pair', b, c);
  }
  const currentNames = new Set(current.labels.map((l) => l.label));
  const baselineNames = new Set(baseline.labels.map((l) => l.label));
  for (const l of baseline.labels) {
    if (!currentNames.has(l.label)) continue;
    compareRow(l.label, 'label', side(baseline, baseIdx, l.label)!, side(current, curIdx, l.label)!);
  }
  const totalSide = (d: RunDigest, idx: Uint32Array): Side => ({ figures: d.total, windows: d.windows.total, resampled: () => resampleLabel(d.windows, d.windows.total, idx) });
  compareRow('Total', 'total', totalSide(baseline, baseIdx), totalSide(current, curIdx));

  const mappedBase = new Set(options.pairs.map((p) => p.baseline));
  const mappedCur = new Set(options.pairs.map((p) => p.current));
  const { pairs: _pairs, ...settings } = options;
  const model: ComparisonModel = {
    schemaVersion: COMPARISON_SCHEMA_VERSION,
    baseline: { files: baseline.files, ...(baseline.plan && { plan: baseline.plan }), ...(baseline.warnings && { warnings: baseline.warnings }), windowMs: baseline.windows.windowMs, windows: baseline.windows.windowCount },
    current: { files: current.files, ...(current.plan && { plan: current.plan }), ...(current.warnings && { warnings: current.warnings }), windowMs: current.windows.windowMs, windows: current.windows.windowCount },
    settings: { ...settings, method: methodText(baseline, current, options) },
    rows,
    added: current.labels.map((l) => l.label).filter((l) => !baselineNames.has(l) && !mappedCur.has(l)),
    removed: baseline.labels.map((l) => l.label).filter((l) => !currentNames.has(l) && !mappedBase.has(l)),
  };
  return { model, findings: comparisonFindings(model) };
}

interface Side {
  readonly figures: LabelFigures;
  readonly windows: WindowedLabel;
  readonly resampled: () => Record<ResampledMetric, ResampledStatistic>;
}

function compareLabel(b: Side, c: Side, o: CompareOptions): MetricComparison[] {
  const windowsOf = (s: Side) => s.windows.windows.filter((w) => w !== undefined && w.count > 0).length;
  const fewWindows = Math.min(windowsOf(b), windowsOf(c)) < MIN_WINDOWS
    ? `not enough data: samples in ${windowsOf(b)} and ${windowsOf(c)} time windows; a test needs ${MIN_WINDOWS} in each run`
    : undefined;
  let cache: [Record<ResampledMetric, ResampledStatistic>, Record<ResampledMetric, ResampledStatistic>] | undefined;
  const resampled = () => (cache ??= [b.resampled(), c.resampled()]);
  return METRICS.map((metric) => {
    const base = b.figures[metric];
    const cur = c.figures[metric];
    const delta = cur - base;
    const head = { metric, unit: METRIC_UNITS[metric], baseline: base, current: cur, delta, relative: base !== 0 ? delta / base : Number.NaN };
    const blocking = (verdict: MetricComparison['verdict']) => o.failOn.includes(metric) && (verdict !== 'no data' || o.failOnNoData);
    const done = (verdict: MetricComparison['verdict'], evidence: string, extra: Partial<MetricComparison> = {}): MetricComparison =>
      ({ ...head, ...extra, verdict, evidence, blocking: blocking(verdict) });
    if (metric === 'samples') return done('not applicable', 'shown, not tested: the count follows the length and rate of the run');
    if (metric === 'max') return done('not applicable', 'shown, not tested: a maximum is a single sample, so no interval for it means much');
    if (!Number.isFinite(base) || !Number.isFinite(cur)) return done('no data', 'not enough data: no value in one of the runs');
    if (fewWindows) return done('no data', fewWindows);
    const kind: MetricKind = metric === 'errorPct' ? 'errorPct' : metric === 'throughput' ? 'throughput' : 'latency';
    const threshold = practicalThreshold(kind, base, o.minimumEffects);
    const sizeText = `smallest change that matters ±${formatThreshold(threshold, METRIC_UNITS[metric])}`;
    if (metric === 'errorPct') {
      const eb = errorCounts(b.windows);
      const ec = errorCounts(c.windows);
      if (eb.errors === 0 && ec.errors === 0) return done('unchanged', 'no errors in either run', { interval: { low: 0, high: 0 }, pValue: 1 });
      const t = compareProportions(eb, ec, studentQuantile(o.confidence, Math.min(windowsOf(b), windowsOf(c)) - 1));
      const verdict = decide(kind, t.deltaPoints, t.low, t.high, threshold);
      return done(verdict, `${formatInterval(o.confidence, t.low, t.high, '%')}; ${formatP(t.pValue)}; design effect ${t.designEffect.toFixed(1)}; ${sizeText}`, { interval: { low: t.low, high: t.high }, pValue: t.pValue });
    }
    const needed = metric === 'mean' || metric === 'throughput' ? MIN_SAMPLES : Math.ceil(MIN_TAIL_SAMPLES / (1 - Number(metric.slice(1)) / 100));
    if (Math.min(b.figures.samples, c.figures.samples) < needed) {
      return done('no data', `not enough data: ${b.figures.samples} and ${c.figures.samples} samples; ${METRIC_NAMES[metric]} needs ${needed} in each run`);
    }
    const [rb, rc] = resampled();
    const m = metric as ResampledMetric;
    const { low, high } = shiftedInterval(delta, rb[m], rc[m], o.confidence, independentBlocks(b, c));
    const verdict = decide(kind, delta, low, high, threshold);
    return done(verdict, `${formatInterval(o.confidence, low, high, METRIC_UNITS[metric])}; ${sizeText}`, { interval: { low, high } });
  });
}

/**
 * The bootstrap distribution of the estimation error (replicate delta minus the delta of the windowed data),
 * placed around the analyzer's exact delta: a percentile interval that uses the exact figures.
 */
function shiftedInterval(delta: number, b: ResampledStatistic, c: ResampledStatistic, confidence: number, blocks: number): { low: number; high: number } {
  const errors: number[] = [];
  const centre = c.whole - b.whole;
  for (let r = 0; r < b.replicates.length; r++) {
    const d = (c.replicates[r] as number) - (b.replicates[r] as number);
    if (Number.isFinite(d)) errors.push(d - centre);
  }
  if (errors.length === 0) return { low: Number.NEGATIVE_INFINITY, high: Number.POSITIVE_INFINITY };
  errors.sort((x, y) => x - y);
  const alpha = (1 - confidence) / 2;
  // Few independent blocks make the bootstrap spread too narrow: widen it as Student's t widens the normal.
  const widen = studentQuantile(confidence, blocks - 1) / probit(1 - alpha);
  return { low: delta + widen * quantileSorted(errors, alpha), high: delta + widen * quantileSorted(errors, 1 - alpha) };
}

/** Independent pieces of evidence in the shorter run: its windows divided by the block length. */
function independentBlocks(b: Side, c: Side): number {
  const w = Math.min(b.windows.windows.length, c.windows.windows.length);
  return Math.max(2, Math.floor(w / blockLength(w)));
}

const formatP = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
const formatThreshold = (t: number, unit: string) => (unit === '%' ? `${t.toFixed(2)} points` : `${t.toFixed(t >= 100 ? 0 : 1)} ${unit}`);

function methodText(b: RunDigest, c: RunDigest, o: CompareOptions): string {
  const w = (d: RunDigest) => `${d.windows.windowCount} windows of ${d.windows.windowMs / 1000} s (blocks of ${blockLength(d.windows.windowCount)})`;
  return `circular block bootstrap over time windows (${o.resamples} resamplings, seed ${o.seed}; baseline ${w(b)}, current ${w(c)}) for mean, percentiles and throughput; two-proportion test with a design effect from the windows for error %`;
}

/** One finding per label and metric (Total included); the verdict's evidence next to it. */
export function comparisonFindings(model: ComparisonModel): Finding[] {
  return model.rows.flatMap((row) =>
    row.metrics.map((m): Finding => ({
      source: 'compare',
      subject: `${METRIC_NAMES[m.metric]} vs baseline`,
      scope: row.name,
      measured: { value: Number.isFinite(m.current) ? m.current : undefined, unit: m.unit },
      expected: { value: Number.isFinite(m.baseline) ? m.baseline : undefined, unit: m.unit },
      verdict: m.verdict,
      evidence: m.evidence,
      blocking: m.blocking,
    })),
  );
}

export const metricIds = (names: readonly string[]): MetricId[] => names.map((n) => METRICS.find((m) => m === n || METRIC_NAMES[m] === n)!);
