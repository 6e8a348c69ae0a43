import { describe, expect, it } from 'vitest';

import { FINDINGS_SCHEMA_VERSION, type Finding } from '../../src/findings/finding.js';
import { findingsAnnotations } from '../../src/output/annotations.js';
import { findingsJson } from '../../src/output/findings-json.js';
import { findingsToJunit } from '../../src/output/junit.js';
import { findingsMarkdown } from '../../src/output/markdown.js';
import { findingsTable } from '../../src/output/terminal.js';

/** One of each outcome; the second label holds what breaks each medium: %, a newline, ::, a comma, |, *. */
const findings: Finding[] = [
  { source: 'sla', subject: 'p95 < 300ms for each label', scope: 'GET /tools', measured: { value: 120.5, unit: 'ms' }, expected: { value: 300, unit: 'ms' }, verdict: 'pass', evidence: '50 samples', blocking: true },
  { source: 'sla', subject: 'p95 < 300ms for each label', scope: 'x%\n::y,z|*', measured: { value: 312, unit: 'ms' }, expected: { value: 300, unit: 'ms' }, verdict: 'fail', evidence: '7 samples', blocking: true },
  { source: 'sla', subject: 'errors < 1% warn', scope: 'Total', measured: { value: 1.5, unit: '%' }, expected: { value: 1, unit: '%' }, verdict: 'warn', evidence: '200 samples', blocking: false },
  { source: 'sla', subject: "mean < 1s for 'C'", scope: 'C', measured: { value: undefined, unit: 'ms' }, expected: { value: 1000, unit: 'ms' }, verdict: 'no data', evidence: 'no samples in this scope', blocking: true },
  { source: 'sla', subject: 'throughput >= 1000/s', scope: 'Total', measured: { value: undefined, unit: '/s' }, expected: { value: 1000, unit: '/s' }, verdict: 'not applicable', evidence: 'not applicable (ci profile)', blocking: false },
];

describe('renderers of findings', () => {
  it('terminal: an aligned table, control characters shown, colour only when asked', () => {
    expect(findingsTable('SLA (t)', findings, { colour: false })).toBe(
      [
        'SLA (t)',
        'rule                        scope        measured  expected  verdict         details',
        'p95 < 300ms for each label  GET /tools   120.5 ms  300 ms    PASS            50 samples',
        'p95 < 300ms for each label  x%\\n::y,z|*  312 ms    300 ms    FAIL            7 samples',
        'errors < 1% warn            Total        1.5 %     1 %       WARN            200 samples',
        "mean < 1s for 'C'           C            no data   1000 ms   NO DATA         no samples in this scope",
        'throughput >= 1000/s        Total        -         1000 /s   NOT APPLICABLE  not applicable (ci profile)',
        '1 passed, 2 failed, 1 warned, 1 not applicable',
        '',
      ].join('\n'),
    );
    expect(findingsTable('SLA (t)', findings.slice(1, 2), { colour: true })).toBe(
      'SLA (t)\nrule                        scope        measured  expected  verdict  details\np95 < 300ms for each label  x%\\n::y,z|*  312 ms    300 ms    \x1b[31mFAIL\x1b[0m     7 samples\n1 failed\n',
    );
  });

  it('Markdown for the step summary: verdict heading, counts, a table with JTL text escaped', () => {
    expect(findingsMarkdown('SLA (t)', findings)).toBe(
      [
        '### SLA \\(t\\): ❌ failed',
        '',
        '1 passed, 2 failed, 1 warned, 1 not applicable',
        '',
        '| verdict | rule | scope | measured | expected | details |',
        '|---|---|---|---:|---:|---|',
        '| ✅ pass | p95 \\< 300ms for each label | GET /tools | 120.5 ms | 300 ms | 50 samples |',
        '| ❌ fail | p95 \\< 300ms for each label | x%\\\\n::y,z\\|\\* | 312 ms | 300 ms | 7 samples |',
        '| ⚠️ warn | errors \\< 1% warn | Total | 1.5 % | 1 % | 200 samples |',
        "| ❌ no data | mean \\< 1s for 'C' | C | no data | 1000 ms | no samples in this scope |",
        '| ➖ not applicable | throughput \\>= 1000/s | Total | - | 1000 /s | not applicable \\(ci profile\\) |',
        '',
      ].join('\n'),
    );
    expect(findingsMarkdown('SLA (t)', findings.slice(0, 1))).toMatch(/^### SLA \\\(t\\\): ✅ passed\n/);
  });

  it('GitHub workflow commands: ::error for failures, ::warning for warnings, nothing for passes; % CR LF : , encoded', () => {
    expect(findingsAnnotations('SLA (t)', findings)).toBe(
      [
        '::error title=SLA (t)%3A p95 < 300ms for each label [x%25%0A%3A%3Ay%2Cz|*]::fail: p95 < 300ms for each label for x%25%0A::y,z|*: measured 312 ms, expected 300 ms (7 samples)',
        '::warning title=SLA (t)%3A errors < 1%25 warn [Total]::warn: errors < 1%25 warn for Total: measured 1.5 %25, expected 1 %25 (200 samples)',
        "::error title=SLA (t)%3A mean < 1s for 'C' [C]::no data: mean < 1s for 'C' for C: measured no data, expected 1000 ms (no samples in this scope)",
        '',
      ].join('\n'),
    );
    expect(findingsAnnotations('SLA (t)', findings.slice(0, 1))).toBe('');
  });

  it('JSON: versioned, the overall verdict, "no data" as null', () => {
    const json = findingsJson('SLA (t)', findings, { runProfile: 'ci' });
    expect(json).toMatchObject({ schemaVersion: FINDINGS_SCHEMA_VERSION, name: 'SLA (t)', verdict: 'fail', runProfile: 'ci' });
    expect(JSON.parse(JSON.stringify(json)).findings[3]).toEqual({
      source: 'sla', subject: "mean < 1s for 'C'", scope: 'C', verdict: 'no data', evidence: 'no samples in this scope', blocking: true,
      measured: { value: null, unit: 'ms' }, expected: { value: 1000, unit: 'ms' },
    });
    expect(findingsJson('x', findings.slice(0, 1)).verdict).toBe('pass');
  });

  it('JUnit: one test case per rule and scope; failures and "no data" fail, not applicable is skipped', () => {
    const xml = findingsToJunit('SLA (t)', findings);
    expect(xml).toContain('<testsuites name="SLA (t)" tests="5" failures="2" skipped="1">');
    expect(xml).toContain('<failure message="fail: measured 312 ms, expected 300 ms (7 samples)" type="fail">fail: measured 312 ms, expected 300 ms (7 samples)</failure>');
    expect(xml).toContain('<testcase classname="jtl.sla" name="mean &lt; 1s for &apos;C&apos; [C]">\n      <failure message="no data: measured no data, expected 1000 ms (no samples in this scope)" type="no data">');
    expect(xml).toContain('<skipped message="not applicable: measured no data, expected 1000 /s (not applicable (ci profile))"/>');
  });
});
