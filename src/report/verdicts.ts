/** Findings (SLA verdicts, comparisons) as the report shows them: the banner and the rows of the rules. */
import { isFailure, type Finding, type Verdict } from '../findings/finding.js';
import { fmtMeasure } from './format.js';

export interface FindingRow {
  readonly source: Finding['source'];
  readonly subject: string;
  readonly scope: string;
  readonly measured: string;
  readonly expected: string;
  readonly delta: string;
  readonly verdict: Verdict;
  readonly evidence: string;
  readonly blocking: boolean;
  readonly decisive: boolean;
}

export type BannerStatus = 'pass' | 'warn' | 'fail';

export function findingRow(f: Finding): FindingRow {
  const m = f.measured.value;
  const e = f.expected?.value;
  const delta = m !== undefined && e !== undefined && Number.isFinite(m) && Number.isFinite(e) && f.expected!.unit === f.measured.unit
    ? `${m - e >= 0 ? '+' : ''}${fmtMeasure({ value: m - e, unit: f.measured.unit })}${e !== 0 ? ` (${m - e >= 0 ? '+' : ''}${((100 * (m - e)) / Math.abs(e)).toFixed(1)} %)` : ''}`
    : '';
  return {
    source: f.source,
    subject: f.subject,
    scope: f.scope,
    measured: fmtMeasure(f.measured),
    expected: fmtMeasure(f.expected),
    delta,
    verdict: f.verdict,
    evidence: f.evidence ?? '',
    blocking: f.blocking,
    decisive: isFailure(f) || f.verdict === 'warn' || f.verdict === 'fail' || f.verdict === 'regressed',
  };
}

/** fail: a blocking failure; warn: a warning or a non-blocking failure; pass otherwise. */
export function banner(slaFindings: readonly Finding[], all: readonly Finding[]) {
  const status: BannerStatus = all.some(isFailure) ? 'fail' : all.some((f) => ['warn', 'fail', 'regressed', 'no data'].includes(f.verdict)) ? 'warn' : 'pass';
  const rows = all.map(findingRow);
  const decisive = rows.filter((r) => r.decisive);
  return {
    status,
    headline: status === 'pass' ? `PASS — all ${all.length} checks passed` : `${status.toUpperCase()} — ${decisive.length} of ${all.length} checks ${status === 'fail' ? 'failed' : 'need attention'}`,
    decisive,
    rows: slaFindings.map(findingRow),
  };
}
