import { analyzeJtl, type Analysis, type AnalyzeOptions } from '../jtl/analyze.js';
import { LabelWindows, type WindowedRun } from '../stats/label-windows.js';
import type { LabelStats } from '../stats/types.js';
import { compactWindows } from './compact.js';
import type { LabelFigures, RunDigest } from './types.js';

const PERCENTILES = [50, 90, 95, 99] as const;

export function labelFigures(s: LabelStats): LabelFigures {
  const p = (n: number) => s.percentiles[String(n)] ?? Number.NaN;
  return {
    label: s.label, isController: s.isController, samples: s.count, errors: s.errors, throughput: s.throughputPerS,
    errorPct: s.errorPct, mean: s.meanMs, p50: p(50), p90: p(90), p95: p(95), p99: p(99), max: s.maxMs,
  };
}

/** A digest from an analysis (exact mode, percentiles 50/90/95/99 included) and the windows of the same samples. */
export function digestOf(analysis: Analysis, windows: WindowedRun, plan?: string): RunDigest {
  const { skippedCount, skipped, truncatedTails } = analysis.issues;
  const warnings = [
    ...(skippedCount > 0 ? [`${skippedCount} malformed record(s) skipped, first at ${skipped[0]?.file}:${skipped[0]?.line} (${skipped[0]?.reason})`] : []),
    ...truncatedTails.map((t) => `${t.file}:${t.line}: truncated last record excluded`),
  ];
  return {
    ...(warnings.length > 0 && { warnings }),
    files: analysis.files.map((f) => f.file),
    ...(plan !== undefined && { plan }),
    labels: analysis.labels.map(labelFigures),
    total: labelFigures(analysis.total),
    windows: compactWindows(windows),
  };
}

/**
 * Reads JTLs once into both the analyzer's statistics and the per-window data (the analyzer's onSample hook).
 * The analysis is returned too, for callers that also show it (the HTML report).
 */
export async function digestJtl(
  files: readonly string[],
  options: Omit<AnalyzeOptions, 'files' | 'onSample' | 'percentiles' | 'mode'> = {},
  plan?: string,
): Promise<{ readonly analysis: Analysis; readonly digest: RunDigest }> {
  const windows = new LabelWindows();
  const analysis = await analyzeJtl({ ...options, files, percentiles: [...PERCENTILES], mode: 'exact', onSample: windows.add });
  return { analysis, digest: digestOf(analysis, windows.result(), plan) };
}
