import type { Analysis } from '../../jtl/analyze.js';
import type { RunAnalysis } from '../../runner/pipeline.js';
import { toStatisticsJson } from '../../stats/statistics-json.js';
import { formatAnalysisTable } from './analysis-table.js';

/** The JTL analyzer's figures, reduced to what the runner shows (the table) and keeps (summary.json). */
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
