import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { runJtl } from '../runner/helpers.js';
import { jtlText, ramp, scratch } from './jtl.js';

const dirs: Array<() => void> = [];
afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

function workspace() {
  const s = scratch('gate');
  dirs.push(s.cleanup);
  // 'A': elapsed 1..100 ms (p95 95.95 ms); 'B': 100 samples, 2 failed.
  const jtl = s.write('r.jtl', jtlText([...ramp('A', 100), ...ramp('B', 100).map((r, i) => ({ ...r, ok: i % 50 !== 7 }))]));
  return { ...s, jtl };
}

describe('jtl gate', () => {
  it('exits 0 when every failing-severity rule passes (a failed warn rule only warns)', async () => {
    const w = workspace();
    const r = await runJtl(['gate', w.jtl, '--rule', "p95 < 96ms for 'A'", '--rule', 'errors < 1% for each label warn'], {});
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("p95 < 96ms for 'A'               A      95.95 ms  96 ms     PASS     100 samples");
    expect(r.stdout).toContain('errors < 1% for each label warn  B      2 %       1 %       WARN     100 samples');
    expect(r.stdout).toMatch(/2 passed, 1 warned$/);
  });

  it('exits 1 when a rule fails or finds no data, naming them', async () => {
    const w = workspace();
    const failed = await runJtl(['gate', w.jtl, '--rule', "p95 < 95ms for 'A'"], {});
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toBe("jtl: error SLA_FAILED 1 SLA rule failed: p95 < 95ms for 'A' [A]");
    const noData = await runJtl(['gate', w.jtl, '--rule', "p95 < 95ms for 'missing'"], {});
    expect(noData.exitCode).toBe(1);
    expect(noData.stdout).toContain('no data   95 ms     NO DATA  no samples in this scope');
  });

  it('exits 2 for a bad rule, a bad rules file, an unknown profile, unreadable or empty input', async () => {
    const w = workspace();
    const rulesFile = w.write('sla.yaml', 'rules:\n  - metric: p95\n    op: "<"\n    threshold: fast\n');
    const empty = w.write('empty.jtl', jtlText([]));
    const cases: Array<[string[], string]> = [
      [['gate', w.jtl, '--rule', 'p95 < 300'], 'jtl: error SLA_BAD_RULE --rule "p95 < 300", column 7: a time threshold needs a unit: ms or s (e.g. 300ms)'],
      [['gate', w.jtl, '--sla', rulesFile], `jtl: error SLA_BAD_RULES_FILE ${rulesFile}:4: rules[0].threshold: expected a number, found "fast"`],
      [['gate', w.jtl, '--sla', 'heavy'], 'jtl: error SLA_UNKNOWN --sla "heavy": neither a profile (baseline, load, stress, auto) nor an existing rules file'],
      [['gate', w.jtl], 'jtl: error SLA_NO_RULES no SLA given: pass --sla <baseline|load|stress|auto|file> and/or --rule "p95 < 300ms"'],
      [['gate', w.jtl, '--sla', 'auto'], 'jtl: error SLA_NO_PROFILE_FOR_PLAN --sla auto: the plan that produced these results is unknown (gate a run folder, or name a profile: --sla baseline|load|stress)'],
      [['gate', join(w.dir, 'nope.jtl'), '--sla', 'baseline'], `jtl: error JTL_CANNOT_READ ${join(w.dir, 'nope.jtl')}: cannot read it (ENOENT)`],
      [['gate', empty, '--sla', 'baseline'], `jtl: error JTL_NO_SAMPLES ${empty}: no samples`],
    ];
    for (const [args, stderr] of cases) {
      const r = await runJtl(args, {});
      expect({ args, stderr: r.stderr, exit: r.exitCode }).toEqual({ args, stderr, exit: 2 });
    }
  });

  it('writes JUnit, appends Markdown to $GITHUB_STEP_SUMMARY and prints workflow commands under GitHub Actions', async () => {
    const w = workspace();
    const summary = w.write('summary.md', '# earlier step\n');
    const junit = join(w.dir, 'sla.xml');
    const r = await runJtl(['gate', w.jtl, '--rule', "p95 < 95ms for 'A'", '--rule', 'errors < 1% for each label warn', '--junit', junit], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.exitCode).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::'))).toEqual([
      "::error title=SLA (--rule)%3A p95 < 95ms for 'A' [A]::fail: p95 < 95ms for 'A' for A: measured 95.95 ms, expected 95 ms (100 samples)",
      '::warning title=SLA (--rule)%3A errors < 1%25 for each label warn [B]::warn: errors < 1%25 for each label warn for B: measured 2 %25, expected 1 %25 (100 samples)',
    ]);
    expect(readFileSync(summary, 'utf8')).toBe(
      [
        '# earlier step',
        '### SLA \\(--rule\\): ❌ failed',
        '',
        '1 passed, 1 failed, 1 warned',
        '',
        '| verdict | rule | scope | measured | expected | details |',
        '|---|---|---|---:|---:|---|',
        "| ❌ fail | p95 \\< 95ms for 'A' | A | 95.95 ms | 95 ms | 100 samples |",
        '| ✅ pass | errors \\< 1% for each label warn | A | 0 % | 1 % | 100 samples |',
        '| ⚠️ warn | errors \\< 1% for each label warn | B | 2 % | 1 % | 100 samples |',
        '',
        '',
      ].join('\n'),
    );
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toContain('<testsuites name="SLA (--rule)" tests="3" failures="1" skipped="0">');
    expect(xml).toContain('<testcase classname="jtl.sla" name="p95 &lt; 95ms for &apos;A&apos; [A]">\n      <failure message="fail: measured 95.95 ms, expected 95 ms (100 samples)" type="fail">');
  });

  it('takes the plan and profile of a run folder: --sla auto, throughput not applicable on a ci run', async () => {
    const w = workspace();
    const run = join(w.dir, 'rest_api_baseline_20261202-000000');
    mkdirSync(run);
    writeFileSync(join(run, 'results.jtl'), readFileSync(w.jtl));
    writeFileSync(join(run, 'summary.json'), JSON.stringify({ plan: { name: 'rest_api_baseline' }, profile: 'ci', properties: {} }));
    const r = await runJtl(['gate', run, '--json'], {});
    expect(r.exitCode).toBe(1);
    const json = JSON.parse(r.stdout) as { name: string; verdict: string; runProfile: string; findings: Array<{ subject: string; scope: string; verdict: string; evidence: string }> };
    expect(json).toMatchObject({ name: 'SLA (baseline profile)', verdict: 'fail', runProfile: 'ci' });
    expect(json.findings.map((f) => `${f.subject} [${f.scope}] ${f.verdict}`)).toEqual([
      'p50 < 100ms for each label [A] pass', 'p50 < 100ms for each label [B] pass',
      'p95 < 200ms for each label [A] pass', 'p95 < 200ms for each label [B] pass',
      'p99 < 300ms for each label [A] pass', 'p99 < 300ms for each label [B] pass',
      'errors < 0.1% [Total] fail',
      'throughput >= 1000/s [Total] not applicable',
    ]);
    expect(json.findings.at(-1)!.evidence).toBe('not applicable (ci profile): the target holds for the production profile; gate a production run to judge it');
  });
});
