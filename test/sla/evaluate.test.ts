import { afterEach, describe, expect, it } from 'vitest';

import { isFailure, type Finding } from '../../src/findings/finding.js';
import { analyzeForSla } from '../../src/sla/load.js';
import { evaluateSla, type SlaContext } from '../../src/sla/evaluate.js';
import { parseRule } from '../../src/sla/parse-rule.js';
import { builtInProfile } from '../../src/sla/profiles.js';
import { DEFAULT_STREAMING_LABELS, type RuleSet } from '../../src/sla/rule.js';
import { jtlText, ramp, scratch, T0, type Row } from './jtl.js';

const dirs: Array<() => void> = [];
afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

const rules = (...texts: string[]): RuleSet => ({ name: 'test', rules: texts.map((t) => parseRule(t)), streamingLabels: DEFAULT_STREAMING_LABELS });

async function judge(rows: readonly Row[], set: RuleSet, extra: Omit<SlaContext, 'detail'> = {}, text = jtlText(rows)): Promise<Finding[]> {
  const s = scratch('eval');
  dirs.push(s.cleanup);
  const file = s.write('r.jtl', text);
  const { analysis, context } = await analyzeForSla({ files: [file] }, set);
  return evaluateSla(analysis, set, { ...context, ...extra });
}

/** Values to 10 significant digits: JMeter's estimator gives 95.94999999999999 for 95 + 0.95 × (96 − 95). */
const round = (v: number): number => Number(v.toPrecision(10));
const brief = (f: Finding): string => `${f.subject} [${f.scope}] ${f.verdict} ${f.measured.value === undefined ? '-' : round(f.measured.value)}${f.measured.unit} ${f.evidence ?? ''}`.trim();

// A and B: 100 samples each, elapsed 1..100 ms (p95 by JMeter's estimator: 95.95 ms); B has 2 failures.
const AB: Row[] = [...ramp('A', 100), ...ramp('B', 100).map((r, i) => ({ ...r, ok: i % 50 !== 7 }))];

describe('evaluateSla on JTLs with known figures', () => {
  it('passes, fails and warns from the analyzer\'s exact statistics', async () => {
    const findings = await judge(AB, rules("p95 < 96ms for 'A'", "p95 < 95ms for 'A'", "p95 < 95ms for 'A' warn", 'p50 <= 50.5ms', 'mean > 60ms warn'));
    expect(findings.map(brief)).toEqual([
      "p95 < 96ms for 'A' [A] pass 95.95ms 100 samples",
      "p95 < 95ms for 'A' [A] fail 95.95ms 100 samples",
      "p95 < 95ms for 'A' warn [A] warn 95.95ms 100 samples",
      'p50 <= 50.5ms [Total] pass 50.5ms 200 samples',
      'mean > 60ms warn [Total] warn 50.5ms 200 samples',
    ]);
    expect(findings.map(isFailure)).toEqual([false, true, false, false, false]);
  });

  it('judges each label on its own, and a regex scope on the labels together', async () => {
    const findings = await judge(AB, rules('errors < 1% for each label', 'p95 < 96ms for /^[AB]$/', 'apdex >= 1 for each label matching /B/', 'throughput > 100/s for \'A\''));
    expect(findings.map(brief)).toEqual([
      'errors < 1% for each label [A] pass 0% 100 samples',
      'errors < 1% for each label [B] fail 2% 100 samples',
      'p95 < 96ms for /^[AB]$/ [/^[AB]$/] pass 95.95ms 200 samples',
      // APDEX counts a failed sample as frustrated: (98 + 0/2) / 100.
      'apdex >= 1 for each label matching /B/ [B] fail 0.98 100 samples',
      // 100 samples from T0 to T0+990+100 ms: 100 / 1.09 s.
      `throughput > 100/s for 'A' [A] fail ${round(100 / 1.09)}/s 100 samples`,
    ]);
  });

  it('fails a rule that matched no samples ("no data"), and only warns for a warn rule', async () => {
    const findings = await judge(AB, rules("p95 < 1s for 'C'", "p95 < 1s for 'C' warn", 'p95 < 1s for each label matching /^Z/', 'p95 < 1s after 10s'));
    expect(findings.map(brief)).toEqual([
      "p95 < 1s for 'C' [C] no data -ms no samples in this scope",
      "p95 < 1s for 'C' warn [C] no data -ms no samples in this scope",
      'p95 < 1s for each label matching /^Z/ [each label matching /^Z/] no data -ms no samples in this scope',
      'p95 < 1s after 10s [Total] no data -ms no samples in this scope after the warm-up',
    ]);
    expect(findings.map(isFailure)).toEqual([true, false, true, true]);
  });

  it('judges every window, names the worst, and counts a window without samples as breached', async () => {
    // W: 10 fast samples (10 ms) in second 0, 10 slow (100 ms) in second 1, none in second 2, 10 fast in second 3.
    const rows = [...ramp('W', 10, T0, 100, { elapsed: 10 }), ...ramp('W', 10, T0 + 1000, 100, { elapsed: 100 }), ...ramp('W', 10, T0 + 3000, 100, { elapsed: 10 })];
    const findings = await judge(rows, rules('max < 50ms in every 1s', 'max < 200ms in every 1s', 'max < 50ms in every 1s after 2s', 'max < 50ms after 2s', 'max < 50ms'));
    const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19);
    expect(findings.map(brief)).toEqual([
      `max < 50ms in every 1s [Total] fail 100ms 2 of 4 1-s windows breached; worst window ${clock(T0 + 1000)}–${clock(T0 + 2000)} UTC; 1 window without samples`,
      `max < 200ms in every 1s [Total] fail 100ms 1 of 4 1-s windows breached; worst window ${clock(T0 + 1000)}–${clock(T0 + 2000)} UTC; 1 window without samples`,
      // After the 2-s warm-up: window 0 (second 2) is empty, window 1 (second 3) fast.
      `max < 50ms in every 1s after 2s [Total] fail 10ms 1 of 2 1-s windows breached; worst window ${clock(T0 + 3000)}–${clock(T0 + 4000)} UTC; 1 window without samples`,
      'max < 50ms after 2s [Total] pass 10ms 10 samples after the warm-up',
      'max < 50ms [Total] fail 100ms 30 samples',
    ]);
  });

  it('judges streaming labels on time to first event (Latency), or leaves them out, and says so', async () => {
    const rows: Row[] = [...ramp('GET /health', 20), ...ramp('SSE connect', 20, T0, 10, { elapsed: 20_000, latency: 15 })];
    const findings = await judge(rows, rules('p95 < 300ms for each label', 'p95 < 300ms for each label streaming exclude', 'p95 < 300ms', 'p95 < 300ms streaming elapsed', 'p95 latency < 10ms for \'GET /health\''));
    expect(findings.map(brief)).toEqual([
      'p95 < 300ms for each label [GET /health] pass 19.95ms 20 samples',
      'p95 < 300ms for each label [SSE connect] pass 15ms 20 samples; judged on Latency (time to first event): a streaming label',
      'p95 < 300ms for each label streaming exclude [GET /health] pass 19.95ms 20 samples',
      'p95 < 300ms for each label streaming exclude [SSE connect] not applicable -ms not applicable: a streaming label (its elapsed time is how long the stream was held)',
      // 1..14, then 15 ×21 (GET /health and the 20 SSE first events), then 16..20: p95 = 18 + 0.95 × (19 − 18).
      'p95 < 300ms [Total] pass 18.95ms 40 samples; streaming labels judged on Latency (time to first event): SSE connect',
      'p95 < 300ms streaming elapsed [Total] fail 20000ms 40 samples',
      // Latency of GET /health equals its elapsed time here (1..20 ms).
      "p95 latency < 10ms for 'GET /health' [GET /health] fail 19.95ms 20 samples; judged on Latency",
    ]);
  });

  it('reports throughput targets of the production profile as not applicable on a ci run, never as a pass', async () => {
    const ci = await judge(AB, builtInProfile('baseline'), { runProfile: 'ci' });
    expect(brief(ci.at(-1)!)).toBe('throughput >= 1000/s [Total] not applicable -/s not applicable (ci profile): the target holds for the production profile; gate a production run to judge it');
    expect(isFailure(ci.at(-1)!)).toBe(false);
    const unknown = await judge(AB, builtInProfile('baseline'));
    expect(unknown.at(-1)!.evidence).toMatch(/^not applicable \(run profile unknown\)/);
    const production = await judge(AB, builtInProfile('baseline'), { runProfile: 'production' });
    expect(brief(production.at(-1)!)).toBe(`throughput >= 1000/s [Total] fail ${round(200 / 1.09)}/s 200 samples`);
  });

  it('says how many unreadable records were skipped', async () => {
    const text = jtlText(ramp('A', 10)).replace(/\n(\d+),5,/, '\n$1,five,');
    const findings = await judge([], rules('p95 < 1s'), {}, text);
    expect(findings.map(brief)).toEqual([expect.stringMatching(/^p95 < 1s \[Total\] pass 10ms 9 samples; 1 unreadable record skipped \(first at .*r\.jtl:6\)$/)]);
  });
});

describe('evaluateSla without the SLA cells (an analysis from analyzeJtl alone)', () => {
  it('answers the rules the analysis holds, and refuses loudly those it cannot answer', async () => {
    const s = scratch('plain');
    dirs.push(s.cleanup);
    const file = s.write('r.jtl', jtlText([...AB, ...ramp('SSE connect', 5, T0, 10, { elapsed: 20_000, latency: 15 })]));
    const { analyzeJtl } = await import('../../src/jtl/analyze.js');
    const analysis = await analyzeJtl({ files: [file] });
    expect(evaluateSla(analysis, rules("p95 < 96ms for 'A'", 'errors < 1%')).map(brief)).toEqual([
      "p95 < 96ms for 'A' [A] pass 95.95ms 100 samples",
      'errors < 1% [Total] pass 0.9756097561% 205 samples',
    ]);
    // SSE connect must be judged on Latency, which needs the cells: an error, never a verdict on the hold time.
    expect(() => evaluateSla(analysis, rules('p95 < 300ms for each label'))).toThrow(/SSE connect needs figures the analysis alone lacks/);
    expect(() => evaluateSla(analysis, rules('p95 < 300ms'))).toThrow(/for Total needs figures the analysis alone lacks/);
    expect(() => evaluateSla(analysis, rules('p95 < 300ms in every 10s'))).toThrow(/SLA|needs figures/);
  });
});
