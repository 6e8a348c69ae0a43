import { describe, expect, it } from 'vitest';

import type { Finding } from '../../src/findings/finding.js';
import { findingsToJunit, formatMeasure } from '../../src/output/junit.js';

const base = { source: 'sla', subject: 'p95 < 300ms', measured: { value: 312.5, unit: 'ms' }, expected: { value: 300, unit: 'ms' }, blocking: true } as const;

describe('JUnit output of findings', () => {
  it('writes one case per finding: failure, skipped, passing with its text', () => {
    const findings: Finding[] = [
      { ...base, scope: 'GET /a&"b"<c>', verdict: 'fail', evidence: '2 records skipped' },
      { ...base, scope: 'Total', verdict: 'pass', measured: { value: 120, unit: 'ms' } },
      { ...base, subject: 'throughput >= 1000/s', scope: 'Total', verdict: 'not applicable', measured: { value: undefined, unit: '/s' }, expected: { value: 1000, unit: '/s' } },
    ];
    expect(findingsToJunit('rest_api_baseline', findings)).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="rest_api_baseline" tests="3" failures="1" skipped="1">
  <testsuite name="rest_api_baseline" tests="3" failures="1" errors="0" skipped="1">
    <testcase classname="jtl.sla" name="p95 &lt; 300ms [GET /a&amp;&quot;b&quot;&lt;c&gt;]">
      <failure message="fail: measured 312.5 ms, expected 300 ms (2 records skipped)" type="fail">fail: measured 312.5 ms, expected 300 ms (2 records skipped)</failure>
    </testcase>
    <testcase classname="jtl.sla" name="p95 &lt; 300ms [Total]">
      <system-out>pass: measured 120 ms, expected 300 ms</system-out>
    </testcase>
    <testcase classname="jtl.sla" name="throughput &gt;= 1000/s [Total]">
      <skipped message="not applicable: measured no data, expected 1000 /s"/>
    </testcase>
  </testsuite>
</testsuites>
`);
  });
  it('formats measures with their unit', () => {
    expect([formatMeasure({ value: 0.4213, unit: '%' }), formatMeasure({ value: 1234.56, unit: '/s' }), formatMeasure({ value: 0.94, unit: '' }), formatMeasure({ value: Number.NaN, unit: 'ms' })])
      .toEqual(['0.421 %', '1234.6 /s', '0.94', 'no data']);
  });
});
