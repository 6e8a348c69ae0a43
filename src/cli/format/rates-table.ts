import type { RateReport } from '../../runner/rate-check.js';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Planned vs achieved per group or phase, after the statistics table. */
export function formatRatesTable(r: RateReport): string {
  const rows = r.groups.map((g) => {
    const a = g.achieved;
    const cells = a
      ? [n(a.plannedRps), n(a.rps), `${(g.offPct ?? 0) >= 0 ? '+' : ''}${(g.offPct ?? 0).toFixed(1)}`, `${a.durationS.toFixed(1)}/${g.planned.durationS}`, a.errorPct.toFixed(2), a.meanMs.toFixed(1)]
      : [n(g.planned.rps), '-', '-', `-/${g.planned.durationS}`, '-', '-'];
    return [g.name, ...cells, g.cause ?? (g.verdict === 'ok' ? 'ok' : g.verdict)];
  });
  const head = ['group/phase', 'planned/s', 'achieved/s', 'off %', 'ran/planned s', 'err %', 'mean ms', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [`rates (judged after each ramp-up; ±${r.tolerancePct} % tolerated)`, line(head), ...rows.map(line)].join('\n') + '\n';
}
