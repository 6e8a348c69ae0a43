import { createReadStream } from 'node:fs';

import { parse } from 'csv-parse';

import type { AnalyzeJtl, RunAnalysis } from './pipeline.js';

/**
 * Interim analyzer until src/jtl/analyze.ts is wired in: counts samples and failures of a CSV JTL (header
 * row required) and names the most frequent failure. Every row counts, as in JMeter's dashboard.
 */
export const countJtl: AnalyzeJtl = async (jtlPath) => {
  let samples = 0;
  let errors = 0;
  const failures = new Map<string, number>();
  const rows = createReadStream(jtlPath).pipe(parse({ columns: true, relax_column_count: true }));
  for await (const row of rows as AsyncIterable<Record<string, string | undefined>>) {
    samples += 1;
    if (row.success === 'true') continue;
    errors += 1;
    const what = row.failureMessage || `${row.responseCode ?? ''} ${row.responseMessage ?? ''}`.trim();
    failures.set(what, (failures.get(what) ?? 0) + 1);
  }
  const topError = [...failures].sort((a, b) => b[1] - a[1])[0]?.[0];
  const errorPct = samples === 0 ? 0 : (100 * errors) / samples;
  const result: RunAnalysis = {
    samples,
    errors,
    ...(topError !== undefined && { topError }),
    json: { samples, errors, errorPct },
    table: `samples ${samples}  errors ${errors} (${errorPct.toFixed(2)}%)${topError ? `  top error: ${topError}` : ''}\n`,
  };
  return result;
};
