import type { ProgressState } from '../runner/types.js';

const clock = (s: number): string => {
  const whole = Math.max(0, Math.round(s));
  const h = Math.floor(whole / 3600);
  const mm = String(Math.floor((whole % 3600) / 60)).padStart(2, '0');
  const ss = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
};

/** `00:03/00:05`; past the plan (ramp-down, slow stop) the overrun is spelled out: `00:07/00:05 (+00:02 over plan)`. */
const timeOf = (p: ProgressState): string => {
  if (p.plannedS === undefined) return clock(p.elapsedS);
  const over = Math.round(p.elapsedS) - Math.round(p.plannedS);
  return `${clock(p.elapsedS)}/${clock(p.plannedS)}${over > 0 ? ` (+${clock(over)} over plan)` : ''}`;
};

const phaseOf = (p: ProgressState): string => (p.planned ? `  ${p.planned.phase}` : '');
const plannedOf = (p: ProgressState): string => (p.planned ? ` (planned ${p.planned.rps.toFixed(0)})` : '');

/** One-line bar for a TTY (redrawn in place by run-progress.ts): elapsed/planned, req/s, error %, active threads. */
export function formatProgressBar(p: ProgressState, width = 24): string {
  const share = p.plannedS ? Math.min(1, p.elapsedS / p.plannedS) : 0;
  const filled = Math.round(share * width);
  const bar = p.plannedS ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
  return `${bar}${timeOf(p)}${phaseOf(p)}  ${p.ratePerS.toFixed(1)} req/s${plannedOf(p)}  err ${p.errorPct.toFixed(2)}%  threads ${p.activeThreads}  samples ${p.samples}`;
}

/** Plain line for logs and CI (no TTY). */
export function formatProgressLine(p: ProgressState): string {
  return (
    `progress ${timeOf(p)}${p.planned ? ` phase=${p.planned.phase} planned=${p.planned.rps.toFixed(1)}/s` : ''} samples=${p.samples} rate=${p.ratePerS.toFixed(1)}/s ` +
    `errors=${p.errorPct.toFixed(2)}% active=${p.activeThreads}`
  );
}
