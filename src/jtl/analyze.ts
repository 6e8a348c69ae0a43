import { JtlError } from '../errors.js';
import { Aggregation } from '../stats/aggregation.js';
import { DEFAULT_PERCENTILES, JMETER_APDEX, type ApdexThresholds, type IntervalStats, type LabelTable, type StatsMode } from '../stats/types.js';
import { fastPathReads, type CsvDialect } from './csv-layout.js';
import { readCsvJtlWithCsvParse } from './csv-parse-reader.js';
import { readCsvJtl, readCsvLayout } from './csv-reader.js';
import { openJtl, type JtlFormat, type OpenedJtl } from './open.js';
import { canSplit, mergeIssues, readCsvInHalves } from './parallel.js';
import type { Sample } from '../stats/sample.js';
import type { ReadIssues } from './sample.js';
import { readXmlJtl } from './xml-reader.js';
import { readXmlJtlWithSax } from './xml-sax-reader.js';
import { sampleFilter, type SampleFilterOptions } from './filter.js';
import { noteAggregation } from './analysis-notes.js';

const DEFAULT_INTERVAL_MS = 5000;

/** The filters (`labels`, `from`, `to`) are SampleFilterOptions. */
export interface AnalyzeOptions extends SampleFilterOptions {
  readonly files: readonly string[];
  readonly percentiles?: readonly number[];
  readonly mode?: StatsMode;
  readonly apdex?: ApdexThresholds;
  readonly intervalMs?: number;
  readonly dialect?: CsvDialect;
  readonly onProgress?: (p: { readonly file: string; readonly samples: number }) => void;
  /** Plain CSV files at least this large are read on two threads in exact mode (default 64 MiB; Infinity: never). */
  readonly parallelMinBytes?: number;
  /**
   * Sees every sample the statistics count (filters applied, empty controllers left out), in file order, for
   * figures beyond the analysis (the SLA's per-window cells, the HTML report's series). The object is reused: copy
   * what you keep. When set, files are read on one thread.
   */
  readonly onSample?: (s: Sample) => void;
  /** At most this many label rows; the samples of further labels are grouped in the row "other labels". */
  readonly maxLabels?: number;
}

export interface AnalyzedFile {
  readonly file: string;
  readonly format: JtlFormat;
  readonly gzip: boolean;
  readonly samples: number;
}

/** The statistics table (`labels`, `total`) of the files read, and what the reading noticed. */
export interface Analysis extends LabelTable {
  readonly mode: StatsMode;
  readonly percentiles: readonly number[];
  readonly files: readonly AnalyzedFile[];
  readonly intervals: readonly IntervalStats[];
  /** The interval of `intervals`: the requested one, doubled as often as a long run needed (see requestedIntervalMs). */
  readonly intervalMs: number;
  readonly requestedIntervalMs?: number;
  readonly issues: ReadIssues;
  /** Samples with timeStamp 0 (exact mode: failed, out of the time range; jmeter-compat: as JMeter counts them). */
  readonly zeroTimestamps?: number;
  /** With --max-labels: how many samples and labels (counted up to 10,000) went to the row "other labels". */
  readonly labelLimit?: { readonly maxLabels: number; readonly groupedSamples: number; readonly groupedLabels: number };
}

/** Reads every file (CSV or XML, plain or gzip), in order, into per-label and Total statistics. */
export async function analyzeJtl(options: AnalyzeOptions): Promise<Analysis> {
  const mode = options.mode ?? 'exact';
  const apdex = options.apdex ?? JMETER_APDEX;
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const keep = sampleFilter(options);
  const aggregation = new Aggregation({ mode, apdex, intervalMs, keep, ...(options.maxLabels !== undefined && { maxLabels: options.maxLabels }) });
  const observe = options.onSample;
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const files: AnalyzedFile[] = [];
  let current = '';
  const onSample = (s: Sample) => {
    aggregation.add(s);
    if (observe !== undefined && s.controller !== 'empty-tc' && keep(s)) observe(s);
    if ((aggregation.samples & 0xffff) === 0) options.onProgress?.({ file: current, samples: aggregation.samples });
  };
  for (const [index, file] of options.files.entries()) {
    current = file;
    aggregation.fileIndex = index;
    const jtl = await openJtl(file);
    const before = aggregation.samples;
    const dialect = options.dialect ?? {};
    if (jtl.format === 'xml') await (jtl.encoding === 'utf8' ? readXmlJtl : readXmlJtlWithSax)(jtl, issues, onSample);
    else if (!fastPathReads(dialect, jtl.encoding)) await readCsvJtlWithCsvParse(jtl, dialect, issues, onSample);
    // A label limit keeps the first labels in file order, which only one pass knows; an observer sees file order too.
    else if (!(mode === 'exact' && options.maxLabels === undefined && observe === undefined && (await readInHalves(jtl, options, aggregation, issues)))) await readCsvJtl(jtl, dialect, issues, onSample);
    files.push({ file: jtl.file, format: jtl.format, gzip: jtl.gzip, samples: aggregation.samples - before });
  }
  if (aggregation.isEmpty) {
    const skipped = issues.skippedCount > 0 ? ` (${issues.skippedCount} malformed records skipped, first at ${issues.skipped[0]?.file}:${issues.skipped[0]?.line}: ${issues.skipped[0]?.reason})` : '';
    throw new JtlError('JTL_NO_SAMPLES', `${options.files.join(', ')}: no samples${options.labels || options.from || options.to ? ' match the filters' : ''}${skipped}`, { files: options.files });
  }
  noteAggregation(issues, files, aggregation, { mode, filtered: Boolean(options.labels || options.from !== undefined || options.to !== undefined), ...(options.maxLabels !== undefined && { maxLabels: options.maxLabels }) });
  const { groupedSamples, groupedLabels, zeroTimestamps } = aggregation.counters;
  return {
    mode,
    percentiles,
    files,
    ...aggregation.result(percentiles),
    requestedIntervalMs: intervalMs,
    issues,
    zeroTimestamps,
    ...(options.maxLabels !== undefined && { labelLimit: { maxLabels: options.maxLabels, groupedSamples, groupedLabels } }),
  };
}

/** Exact mode only: JMeter's window and running mean follow file order, so jmeter-compat is never split. */
async function readInHalves(jtl: OpenedJtl, o: AnalyzeOptions, aggregation: Aggregation, issues: ReadIssues): Promise<boolean> {
  if (!canSplit(jtl, o.parallelMinBytes)) return false;
  const layout = await readCsvLayout(jtl, o.dialect ?? {});
  if (layout === undefined) return false;
  const halves = await readCsvInHalves(jtl, layout, {
    apdex: o.apdex ?? JMETER_APDEX,
    intervalMs: o.intervalMs ?? DEFAULT_INTERVAL_MS,
    ...(o.labels && { labels: { source: o.labels.source, flags: o.labels.flags } }),
    ...(o.from !== undefined && { from: o.from }),
    ...(o.to !== undefined && { to: o.to }),
  }, o.onProgress && ((samples) => o.onProgress!({ file: jtl.file, samples })));
  if (halves === undefined) return false;
  for (const half of halves) {
    aggregation.absorb(half.snapshot);
    mergeIssues(issues, half.issues);
  }
  return true;
}
