import type { Analysis } from '../../jtl/analyze.js';
import { displayWidth, padDisplay } from '../../output/display-width.js';
import { escapeTerminal } from '../../output/escape.js';
import type { LabelStats } from '../../stats/types.js';

const ms = (v: number) => (Number.isFinite(v) ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : '-');
const fixed = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '-');

function row(s: LabelStats, percentiles: readonly number[]): string[] {
  return [
    // Labels come from the JTL: control characters are shown, never sent to the terminal.
    escapeTerminal(s.isController ? `${s.label} (transaction)` : s.label),
    String(s.count),
    String(s.errors),
    Number.isFinite(s.errorPct) ? `${fixed(s.errorPct)}%` : '-',
    ms(s.meanMs),
    ms(s.minMs),
    ...percentiles.map((p) => ms(s.percentiles[String(p)] ?? Number.NaN)),
    ms(s.maxMs),
    fixed(s.throughputPerS, 1),
    fixed(s.apdex, 3),
  ];
}

/** The readable terminal table of `jtl analyze`: one line per label, then Total, then what the reader noticed. */
export function formatAnalysisTable(a: Analysis): string {
  const head = ['label', 'samples', 'errors', 'error %', 'mean', 'min', ...a.percentiles.map((p) => `p${p}`), 'max', 'req/s', 'apdex'];
  const rows = [...a.labels.map((s) => row(s, a.percentiles)), row(a.total, a.percentiles)];
  const widths = head.map((h, i) => rows.reduce((w, r) => Math.max(w, displayWidth(r[i] ?? '')), h.length));
  const line = (cells: readonly string[]) => cells.map((c, i) => padDisplay(c, widths[i]!, i > 0)).join('  ').trimEnd();
  const out = [line(head), ...rows.slice(0, -1).map(line), '-'.repeat(widths.reduce((n, w) => n + w + 2, -2)), line(rows.at(-1)!)];
  out.push(`times in ms; ${a.mode === 'exact' ? 'percentiles exact over all samples' : "JMeter dashboard compatible (percentiles over each row's last 20,000 samples)"}; ${a.files.map((f) => escapeTerminal(f.file)).join(', ')}`);
  const failures = a.total.failures.slice(0, 5);
  if (failures.length > 0) out.push('top errors: ' + failures.map((f) => `${f.count}× ${escapeTerminal(f.key.replace(/\s+/g, ' ').slice(0, 80))}`).join('; '));
  out.push(...formatIssues(a));
  return out.join('\n') + '\n';
}

/** Where a record is: file:line, the file alone when the line is unknown, nothing for the whole input. */
const at = (r: { readonly file: string; readonly line: number }) => escapeTerminal(r.file === '' ? '' : r.line > 0 ? `${r.file}:${r.line}: ` : `${r.file}: `);

export function formatIssues(a: Analysis): string[] {
  const out: string[] = [];
  const { skippedCount, skipped, truncatedTails, notes = [] } = a.issues;
  if (skippedCount > 0) {
    out.push(`warning: ${skippedCount} malformed record(s) skipped: ${skipped.map((s) => `${escapeTerminal(`${s.file}:${s.line}`)} (${escapeTerminal(s.reason)})`).join('; ')}${skippedCount > skipped.length ? '; …' : ''}`);
  }
  for (const t of truncatedTails) out.push(`warning: ${at(t)}truncated last record excluded: ${escapeTerminal(t.reason)}`);
  for (const n of notes) out.push(`note: ${at(n)}${escapeTerminal(n.reason)}`);
  return out;
}
