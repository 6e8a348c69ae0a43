/**
 * One shape for every decision the toolkit makes about a run — SLA verdicts, comparisons with a baseline,
 * later analyses — so each decision is a pure module producing `Finding[]` and each output (terminal, JSON,
 * Markdown, JUnit, GitHub annotations, HTML) is one renderer over findings.
 */

/** A measured or expected value with its unit; `undefined` value means "no data". */
export interface Measure {
  readonly value: number | undefined;
  /** 'ms', '%', '/s', 'KB/s', 'samples', '' (a ratio such as APDEX). */
  readonly unit: string;
}

export type SlaVerdict = 'pass' | 'warn' | 'fail';
export type CompareVerdict = 'improved' | 'unchanged' | 'regressed';
/** 'no data': the rule or metric matched nothing, or too little to decide. Never read as a pass. */
export type Verdict = SlaVerdict | CompareVerdict | 'no data' | 'not applicable';

export type FindingSource = 'sla' | 'compare' | 'analysis';

export interface Finding {
  readonly source: FindingSource;
  /** What was checked: 'p95 < 300ms', 'p99 vs baseline'. */
  readonly subject: string;
  /** Where: 'Total', a label, or 'each label: GET /tools'. Labels come from the JTL: untrusted text. */
  readonly scope: string;
  readonly measured: Measure;
  /** The threshold or the baseline value. */
  readonly expected?: Measure;
  readonly verdict: Verdict;
  /** Why this verdict: '95 % CI of the delta: +18..+41 ms', 'window 12:03:00–12:04:00', '12 records skipped'. */
  readonly evidence?: string;
  /** Whether this finding may fail the command (an SLA rule of severity 'fail', a metric in --fail-on). */
  readonly blocking: boolean;
}

/** The version of the JSON written for findings (`--json`, summary.json, report.json). Bump on a breaking change. */
export const FINDINGS_SCHEMA_VERSION = 1;

/** A blocking finding that fails the command: a failed rule, a regression, or a rule that found no data. */
export const isFailure = (f: Finding): boolean =>
  f.blocking && (f.verdict === 'fail' || f.verdict === 'regressed' || f.verdict === 'no data');

export const failures = (findings: readonly Finding[]): readonly Finding[] => findings.filter(isFailure);
