import { Aggregation, type AggregationSnapshot } from '../stats/aggregation.js';
import type { ApdexThresholds } from '../stats/types.js';
import type { CsvDialect } from './csv-layout.js';
import { readCsvJtl, type CsvRange } from './csv-reader.js';
import { sampleFilter } from './filter.js';
import { openJtl } from './open.js';
import type { ReadIssues } from './sample.js';

/** One share of a large CSV JTL, as plain data (it crosses to and from a worker thread). */
export interface PartRequest {
  readonly file: string;
  readonly dialect: CsvDialect;
  readonly range: CsvRange;
  readonly apdex: ApdexThresholds;
  readonly intervalMs: number;
  readonly labels?: { readonly source: string; readonly flags: string };
  readonly from?: number;
  readonly to?: number;
}

export interface PartResult {
  readonly snapshot: AggregationSnapshot;
  readonly issues: ReadIssues;
  readonly stoppedAt?: { readonly byteOffset: number; readonly line: number };
}

/** Reads the byte range of a part into an exact-mode aggregation; `onProgress` sees its sample count now and then. */
export async function readPart(request: PartRequest, onProgress?: (samples: number) => void): Promise<PartResult> {
  const jtl = await openJtl(request.file);
  const issues: ReadIssues = { skippedCount: 0, skipped: [], truncatedTails: [] };
  const keep = sampleFilter({
    ...(request.labels && { labels: new RegExp(request.labels.source, request.labels.flags) }),
    ...(request.from !== undefined && { from: request.from }),
    ...(request.to !== undefined && { to: request.to }),
  });
  const aggregation = new Aggregation({ mode: 'exact', apdex: request.apdex, intervalMs: request.intervalMs, keep });
  const onSample = onProgress === undefined ? aggregation.add : (s: Parameters<typeof aggregation.add>[0]) => {
    aggregation.add(s);
    if ((aggregation.samples & 0xffff) === 0) onProgress(aggregation.samples);
  };
  const result = await readCsvJtl(jtl, request.dialect, issues, onSample, request.range);
  return { snapshot: aggregation.snapshot(), issues, ...(result.stoppedAt && { stoppedAt: result.stoppedAt }) };
}
