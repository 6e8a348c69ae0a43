import { escapeTerminal } from '../../output/escape.js';
import { formatMb } from '../../preflight/heap.js';
import type { PreflightCheck, PreflightReport } from '../../preflight/index.js';

const STATUS: Readonly<Record<PreflightCheck['status'], string>> = { ok: 'ok', fail: 'FAIL', unknown: 'unknown', note: 'note' };

/** `jtl doctor`'s table: one row per check with the exact fix, then the reasons of the rows that need a look. */
export function formatPreflightTable(report: PreflightReport): string {
  const { load } = report;
  const head = ['status', 'check', 'current', 'recommended for this run', 'fix'];
  const rows = report.checks.map((c) => [STATUS[c.status], c.check, c.current, c.recommended, c.fix ?? ''].map(escapeTerminal));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  const threads = load.peakThreads === undefined ? 'unknown' : load.peakThreads.toLocaleString('en-US');
  const out = [`preflight of ${escapeTerminal(load.plan)}: peak ${threads} threads / connections (${escapeTerminal(load.basis)})`, line(head), ...rows.map(line)];
  for (const c of report.checks) if (c.status !== 'ok' && c.why !== undefined) out.push(`  ${escapeTerminal(c.check)}: ${escapeTerminal(c.why)}`);
  return out.join('\n') + '\n';
}

/** Before `jtl run`: one warning line per failed check (with its fix), silence when all is well. */
export function formatPreflightWarnings(report: PreflightReport): string[] {
  const lines = report.checks
    .filter((c) => c.status === 'fail')
    .map((c) => escapeTerminal(`preflight: ${c.check} is ${c.current}, this run needs ${c.recommended}${c.why ? ` (${c.why})` : ''}${c.fix ? `; fix: ${c.fix}` : ''}`));
  if (report.heap.raisedHeap !== undefined) {
    lines.push(`preflight: JMeter heap raised to -Xmx${formatMb(report.heap.effectiveMb)} for ${report.load.peakThreads ?? '?'} threads (set HEAP to choose it yourself)`);
  }
  return lines;
}
