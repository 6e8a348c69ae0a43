import type { Analysis } from '../jtl/analyze.js';
import type { Finding } from '../findings/finding.js';
import type { ApdexThresholds, LabelStats } from '../stats/types.js';
import { DASH, fmtDuration, fmtFixed, fmtInt, fmtMs, fmtTime, num } from './format.js';
import { banner, findingRow } from './verdicts.js';
import type { ReportSeriesResult } from './series.js';
import type { TopErrorsResult } from './top-errors.js';

/** The version of report.json. Bump on a breaking change. */
export const REPORT_SCHEMA_VERSION = 1;
/** The percentiles the report shows; the analysis it is built from must hold them. */
export const REPORT_PERCENTILES: readonly number[] = [50, 90, 95, 99];

/** What is known of the run beyond the JTL (a run folder's summary.json); properties already redacted. */
export interface RunInfo {
  readonly plan?: string;
  readonly startedAt?: string;
  readonly durationMs?: number;
  readonly jmeterVersion?: string;
  readonly profile?: string;
  readonly exitStatus?: string;
  readonly properties: ReadonlyArray<readonly [string, string]>;
}

/** The comparison with a baseline: the compare module's findings (scope = label, expected = baseline value). */
export interface ComparisonInput {
  readonly baseline: string;
  readonly findings: readonly Finding[];
}

export interface ReportInput {
  readonly analysis: Analysis;
  readonly apdex: ApdexThresholds;
  readonly series: ReportSeriesResult;
  readonly errors: TopErrorsResult;
  readonly run?: RunInfo;
  /** SLA verdicts (and other decisions): the banner shows only when some are given. */
  readonly findings?: readonly Finding[];
  readonly comparison?: ComparisonInput;
  readonly title?: string;
  readonly generatedAt: Date;
  readonly toolVersion: string;
}

/** A figure as text for the page and as a number (null: no data) for sorting and scripts. */
export interface Cell {
  readonly text: string;
  readonly value: number | null;
}

export interface LabelRow {
  readonly label: string;
  readonly isController: boolean;
  readonly cells: readonly Cell[];
}

const SECRET_NAME = /token|password|passwd|secret|authorization|credential|api[_-]?key|cookie/i;
const REDACTED = '<redacted>';

const cell = (value: number, text: string): Cell => ({ text, value: num(value) });

/** Pure: everything the HTML templates and report.json show, computed and formatted once. */
export function buildReportModel(input: ReportInput) {
  const { analysis: a, run } = input;
  const t = a.total;
  const pct = (s: LabelStats, p: number) => s.percentiles[String(p)] ?? Number.NaN;
  const spanMs = t.lastEndMs - t.firstStartMs;
  const verdicts = [...(input.findings ?? []), ...(input.comparison?.findings ?? [])];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    title: input.title ?? (run?.plan ? `${run.plan} — performance report` : 'JMeter performance report'),
    generatedAt: input.generatedAt.toISOString(),
    toolVersion: input.toolVersion,
    banner: verdicts.length === 0 ? undefined : banner(input.findings ?? [], verdicts),
    headline: {
      plan: run?.plan ?? a.files.map((f) => f.file.split('/').pop()).join(', '),
      start: fmtTime(run?.startedAt !== undefined ? Date.parse(run.startedAt) : t.firstStartMs),
      duration: fmtDuration(spanMs),
      runDuration: run?.durationMs !== undefined ? fmtDuration(run.durationMs) : undefined,
      figures: [
        { name: 'samples', ...cell(t.count, fmtInt(t.count)), unit: '' },
        { name: 'throughput', ...cell(t.throughputPerS, fmtFixed(t.throughputPerS, 1)), unit: 'req/s' },
        { name: 'errors', ...cell(t.errorPct, fmtFixed(t.errorPct, 2)), unit: '%' },
        ...[50, 95, 99].map((p) => ({ name: `p${p}`, ...cell(pct(t, p), fmtMs(pct(t, p))), unit: 'ms' })),
        { name: 'APDEX', ...cell(t.apdex, fmtFixed(t.apdex, 3)), unit: `T ${input.apdex.satisfiedMs} ms / F ${input.apdex.toleratedMs} ms` },
      ],
      jmeterVersion: run?.jmeterVersion ?? DASH,
      profile: run?.profile ?? DASH,
      exitStatus: run?.exitStatus,
      mode: a.mode,
      modeText: a.mode === 'exact' ? 'exact: percentiles over all samples' : "JMeter-dashboard compatible: percentiles over each row's last 20,000 samples",
      properties: (run?.properties ?? []).map(([name, value]) => ({ name, value: SECRET_NAME.test(name) ? REDACTED : value })),
      files: a.files.map((f) => ({ file: f.file, format: f.gzip ? `${f.format}.gz` : f.format, samples: fmtInt(f.samples) })),
    },
    table: {
      columns: ['samples', 'errors', 'error %', 'mean ms', 'min ms', ...REPORT_PERCENTILES.map((p) => `p${p} ms`), 'max ms', 'std dev ms', 'req/s', 'received KB/s', 'sent KB/s', 'APDEX'],
      rows: a.labels.map((s) => labelRow(s)),
      total: labelRow(t),
    },
    charts: charts(input.series),
    errors: {
      groups: input.errors.groups.map((g) => ({
        code: g.responseCode,
        message: g.responseMessage,
        count: fmtInt(g.count),
        share: fmtFixed((100 * g.count) / Math.max(1, t.errors), 1),
        first: fmtTime(g.firstMs),
        last: fmtTime(g.lastMs),
        labels: g.labels.map((l) => ({ label: l.label, count: fmtInt(l.count) })),
        otherLabelSamples: g.otherLabelSamples,
        examples: g.examples,
      })),
      otherErrors: input.errors.otherErrors,
      total: t.errors,
    },
    comparison: input.comparison && { baseline: input.comparison.baseline, rows: input.comparison.findings.map(findingRow) },
    issues: {
      skipped: a.issues.skippedCount,
      skippedExamples: a.issues.skipped.map((s) => `${s.file}:${s.line}: ${s.reason}`),
      truncated: a.issues.truncatedTails.map((s) => `${s.file}:${s.line}: ${s.reason}`),
    },
  };
}

export type ReportModel = ReturnType<typeof buildReportModel>;

function labelRow(s: LabelStats): LabelRow {
  const ms = (v: number) => cell(v, fmtMs(v));
  return {
    label: s.label,
    isController: s.isController,
    cells: [
      cell(s.count, String(s.count)),
      cell(s.errors, String(s.errors)),
      cell(s.errorPct, fmtFixed(s.errorPct, 2)),
      ms(s.meanMs),
      ms(s.minMs),
      ...REPORT_PERCENTILES.map((p) => ms(s.percentiles[String(p)] ?? Number.NaN)),
      ms(s.maxMs),
      cell(s.stdDevMs, fmtFixed(s.stdDevMs, 1)),
      cell(s.throughputPerS, fmtFixed(s.throughputPerS, 1)),
      cell(s.receivedKBPerS, fmtFixed(s.receivedKBPerS, 2)),
      cell(s.sentKBPerS, fmtFixed(s.sentKBPerS, 2)),
      cell(s.apdex, fmtFixed(s.apdex, 3)),
    ],
  };
}

function charts(series: ReportSeriesResult) {
  const p = series.points;
  const col = <K extends keyof (typeof p)[number]>(k: K) => p.map((x) => num(x[k] as number));
  return {
    intervalMs: series.intervalMs,
    intervalText: fmtDuration(series.intervalMs).replace('.0 s', ' s'),
    startMs: p.map((x) => x.startMs),
    p50: col('p50Ms'), p90: col('p90Ms'), p95: col('p95Ms'), p99: col('p99Ms'),
    mean: col('meanMs'),
    throughput: col('throughputPerS'),
    errorsPerS: col('errorsPerS'),
    threads: col('maxThreads'),
    latency: col('latencyMs'),
    connect: col('connectMs'),
    receivedKBPerS: col('receivedKBPerS'),
    sentKBPerS: col('sentKBPerS'),
    codes: series.codes.map((code) => ({ code, counts: p.map((x) => x.codes[code] ?? 0) })),
    distribution: series.distribution.map((b) => ({ from: b.fromMs, to: num(b.toMs), count: b.count })),
    untimed: series.untimed,
  };
}
