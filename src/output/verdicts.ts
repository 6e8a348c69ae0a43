import { isFailure, type Finding, type Verdict } from '../findings/finding.js';

/** How a finding reads at a glance, the same in every medium. */
export type Outcome = 'failed' | 'warned' | 'passed' | 'not applicable';

export function outcomeOf(f: Finding): Outcome {
  if (isFailure(f)) return 'failed';
  if (f.verdict === 'not applicable') return 'not applicable';
  if (f.verdict === 'warn' || f.verdict === 'regressed' || f.verdict === 'no data') return 'warned';
  return 'passed';
}

/** 'fail' when any finding fails the command, else 'pass'. */
export const overallVerdict = (findings: readonly Finding[]): 'pass' | 'fail' => (findings.some(isFailure) ? 'fail' : 'pass');

/** "3 passed, 1 failed, 1 warned" (only the outcomes present, in a fixed order). */
export function countsLine(findings: readonly Finding[]): string {
  const order: Outcome[] = ['passed', 'failed', 'warned', 'not applicable'];
  const counts = new Map<Outcome, number>();
  for (const f of findings) counts.set(outcomeOf(f), (counts.get(outcomeOf(f)) ?? 0) + 1);
  return order.filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${o}`).join(', ') || 'no findings';
}

export const verdictWord = (v: Verdict): string => v.toUpperCase();
