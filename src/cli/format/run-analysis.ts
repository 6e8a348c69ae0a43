import type { Analysis } from '../../jtl/analyze.js';
import type { RunAnalysis } from '../../runner/pipeline.js';
import { toStatisticsJson } from '../../stats/statistics-json.js';
import { formatAnalysisTable } from './analysis-table.js';

/**
 * The JTL analyzer's figures, reduced to what the runner shows (the table) and keeps (summary.json). The same as
 * analyzeRun in commands/run.ts, which is left as it is to keep merges of run.ts small: fold the two after merging.
 */
export function runAnalysisOf(a: Analysis): RunAnalysis {
  const { count: samples, errors, errorPct } = a.total;
  const topError = a.total.failures[0]?.key;
  return {
    samples,
    errors,
    ...(topError !== undefined && { topError }),
    json: { samples, errors, errorPct, mode: a.mode, statistics: toStatisticsJson(a), issues: a.issues },
    table: formatAnalysisTable(a),
  };
}
