import type { Analysis } from '../../jtl/analyze.js';
import type { LabelStats } from '../../stats/types.js';

const cell = (v: string | number) => {
  const text = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** `jtl analyze --csv`: a header, one line per label, Total last. */
export function formatAnalysisCsv(a: Analysis): string {
  const head = ['label', 'transaction', 'samples', 'errors', 'errorPct', 'mean', 'min', 'max', 'stdDev', ...a.percentiles.map((p) => `p${p}`), 'throughput', 'receivedKBps', 'sentKBps', 'apdex'];
  const line = (s: LabelStats) =>
    [s.label, String(s.isController), s.count, s.errors, s.errorPct, s.meanMs, s.minMs, s.maxMs, s.stdDevMs,
      ...a.percentiles.map((p) => s.percentiles[String(p)] ?? Number.NaN), s.throughputPerS, s.receivedKBPerS, s.sentKBPerS, s.apdex].map(cell).join(',');
  return [head.join(','), ...a.labels.map(line), line(a.total)].join('\n') + '\n';
}
