import { JtlError } from '../errors.js';
import { Aggregation } from '../stats/aggregation.js';
import { DEFAULT_PERCENTILES, JMETER_APDEX, type ApdexThresholds, type IntervalStats, type LabelStats, type StatsMode } from '../stats/types.js';
import { readCsvJtl, type CsvDialect } from './csv-reader.js';
import { openJtl, type JtlFormat } from './open.js';
import type { ReadIssues, Sample } from './sample.js';
import { readXmlJtl } from './xml-reader.js';

export interface AnalyzeOptions {
  readonly files: readonly string[];
  readonly percentiles?: readonly number[];
  /** Only labels this expression matches (it searches: anchor it with ^…$ for a full match). */
  readonly labels?: RegExp;
  /** Only samples that start in [from, to], epoch ms. */
  readonly from?: number;
  readonly to?: number;
  readonly mode?: StatsMode;
  readonly apdex?: ApdexThresholds;
  readonly intervalMs?: number;
  readonly dialect?: CsvDialect;
  readonly onProgress?: (p: { readonly file: string; readonly samples: number }) => void;
}

export interface AnalyzedFile {
  readonly file: string;
  readonly format: JtlFormat;
  readonly gzip: boolean;
  readonly samples: number;
}

export interface Analysis {
  readonly mode: StatsMode;
  readonly percentiles: readonly number[];
  readonly files: readonly AnalyzedFile[];
  /** Rows sorted by label, controller rows included. */
  readonly labels: readonly LabelStats[];
  /** All samples but transaction-controller rows, as JMeter's Total. */
  readonly total: LabelStats;
  readonly intervals: readonly IntervalStats[];
  readonly intervalMs: number;
  readonly issues: ReadIssues;
}

/** Reads every file (CSV or XML, plain or gzip), in order, into per-label and Total statistics. */
export async function analyzeJtl(options: AnalyzeOptions): Promise<Analysis> {
  const mode = options.mode ?? 'exact';
  const apdex = options.apdex ?? JMETER_APDEX;
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;
  const intervalMs = options.intervalMs ?? 5000;
  const aggregation = new Aggregation({ mode, apdex, intervalMs, keep: sampleFilter(options) });
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const files: AnalyzedFile[] = [];
  let current = '';
  const onSample = (s: Sample) => {
    aggregation.add(s);
    if ((aggregation.samples & 0xffff) === 0) options.onProgress?.({ file: current, samples: aggregation.samples });
  };
  for (const file of options.files) {
    current = file;
    const jtl = await openJtl(file);
    const before = aggregation.samples;
    if (jtl.format === 'xml') await readXmlJtl(jtl, issues, onSample);
    else await readCsvJtl(jtl, options.dialect ?? {}, issues, onSample);
    files.push({ file, format: jtl.format, gzip: jtl.gzip, samples: aggregation.samples - before });
  }
  if (aggregation.isEmpty) {
    const skipped = issues.skippedCount > 0 ? ` (${issues.skippedCount} malformed records skipped, first at ${issues.skipped[0]?.file}:${issues.skipped[0]?.line}: ${issues.skipped[0]?.reason})` : '';
    throw new JtlError('JTL_NO_SAMPLES', `${options.files.join(', ')}: no samples${options.labels || options.from || options.to ? ' match the filters' : ''}${skipped}`, { files: options.files });
  }
  return {
    mode,
    percentiles,
    files,
    ...aggregation.result(percentiles),
    intervalMs,
    issues,
  };
}

function sampleFilter(o: AnalyzeOptions): (s: Sample) => boolean {
  const { labels, from, to } = o;
  if (labels === undefined && from === undefined && to === undefined) return () => true;
  return (s) => (labels === undefined || labels.test(s.label)) && (from === undefined || s.timeStamp >= from) && (to === undefined || s.timeStamp <= to);
}
