import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Finding } from '../../src/findings/finding.js';
import { analyzeJtl, type Analysis } from '../../src/jtl/analyze.js';
import { buildReportModel, REPORT_PERCENTILES, type ReportInput } from '../../src/report/model.js';
import { ReportSeries } from '../../src/report/series.js';
import { TopErrors } from '../../src/report/top-errors.js';
import { JMETER_APDEX } from '../../src/stats/types.js';
import { HOSTILE_LABELS, hostileJtl } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-report-model-'));
const jtl = join(dir, 'hostile.jtl');
let input: ReportInput;
let analysis: Analysis;
beforeAll(async () => {
  writeFileSync(jtl, hostileJtl());
  const series = new ReportSeries();
  const errors = new TopErrors();
  analysis = await analyzeJtl({ files: [jtl], percentiles: REPORT_PERCENTILES, onSample: (s) => (series.add(s), errors.add(s)) });
  input = { analysis, apdex: JMETER_APDEX, series: series.result(), errors: errors.result(), generatedAt: new Date(0), toolVersion: '0.1.0' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const finding = (o: Partial<Finding>): Finding => ({
  source: 'sla', subject: 'p95 < 300 ms', scope: 'Total', measured: { value: 250, unit: 'ms' }, expected: { value: 300, unit: 'ms' }, verdict: 'pass', blocking: true, ...o,
});

describe('the report model', () => {
  it('without findings or a baseline: no banner and no comparison (never a made-up verdict)', () => {
    const m = buildReportModel(input);
    expect(m.banner).toBeUndefined();
    expect(m.comparison).toBeUndefined();
  });

  it('the banner: fail when a blocking rule fails, naming it; warn for warnings; pass otherwise', () => {
    const failing = finding({ subject: 'error % < 1', measured: { value: 9.8, unit: '%' }, expected: { value: 1, unit: '%' }, verdict: 'fail', evidence: '147 of 1500 failed' });
    const fail = buildReportModel({ ...input, findings: [finding({}), failing] }).banner!;
    expect(fail.status).toBe('fail');
    expect(fail.headline).toBe('FAIL — 1 of 2 checks failed');
    expect(fail.decisive).toEqual([expect.objectContaining({ subject: 'error % < 1', measured: '9.80 %', expected: '1 %', verdict: 'fail', evidence: '147 of 1500 failed' })]);
    expect(fail.rows).toHaveLength(2);
    const warn = buildReportModel({ ...input, findings: [finding({}), finding({ verdict: 'warn', blocking: false })] }).banner!;
    expect(warn.status).toBe('warn');
    expect(buildReportModel({ ...input, findings: [finding({}), finding({ subject: 'p99 < 500 ms' })] }).banner).toMatchObject({ status: 'pass', headline: 'PASS — all 2 checks passed', decisive: [] });
    // A rule that matched nothing is not a pass.
    expect(buildReportModel({ ...input, findings: [finding({ verdict: 'no data', measured: { value: undefined, unit: 'ms' } })] }).banner).toMatchObject({ status: 'fail', decisive: [expect.objectContaining({ measured: 'no data' })] });
  });

  it('the comparison: baseline and current side by side with the delta and the verdict', () => {
    const regressed = finding({ source: 'compare', subject: 'p95', scope: 'GET /tools', measured: { value: 120, unit: 'ms' }, expected: { value: 100, unit: 'ms' }, verdict: 'regressed', evidence: '95 % CI of the delta: +12..+28 ms' });
    const m = buildReportModel({ ...input, comparison: { baseline: 'results/rest_api_baseline_20261201-101500', findings: [regressed] } });
    expect(m.comparison!.rows).toEqual([expect.objectContaining({ scope: 'GET /tools', expected: '100 ms', measured: '120 ms', delta: '+20 ms (+20.0 %)', verdict: 'regressed' })]);
    expect(m.banner).toMatchObject({ status: 'fail', rows: [] });
  });

  it('the headline: Total figures; properties shown redacted whatever the name of a secret', () => {
    const m = buildReportModel({ ...input, run: { plan: 'rest_api_baseline', jmeterVersion: '5.6.3', profile: 'ci', properties: [['TOKEN', '<redacted>'], ['ADMIN_PASSWORD', 'leaked-pw'], ['MY_API_KEY', 'k-123'], ['THREADS', '4']] } });
    expect(m.headline.properties).toEqual([
      { name: 'TOKEN', value: '<redacted>' }, { name: 'ADMIN_PASSWORD', value: '<redacted>' }, { name: 'MY_API_KEY', value: '<redacted>' }, { name: 'THREADS', value: '4' },
    ]);
    expect(m.headline).toMatchObject({ plan: 'rest_api_baseline', jmeterVersion: '5.6.3', profile: 'ci', mode: 'exact' });
    expect(m.headline.figures.map((f) => [f.name, f.value])).toEqual([
      ['samples', 1500], ['throughput', analysis.total.throughputPerS], ['errors', 10], ['p50', analysis.total.percentiles['50']],
      ['p95', analysis.total.percentiles['95']], ['p99', analysis.total.percentiles['99']], ['APDEX', 1 - 0.1],
    ]);
  });

  it('the label table: every label (controllers marked), the figures of the analysis, hostile labels kept as they are', () => {
    const m = buildReportModel(input);
    expect(m.table.rows.map((r) => r.label)).toEqual(analysis.labels.map((l) => l.label));
    expect(m.table.rows.map((r) => r.label)).toEqual(expect.arrayContaining([...HOSTILE_LABELS, 'journey']));
    expect(m.table.rows.find((r) => r.label === 'journey')!.isController).toBe(true);
    const tools = m.table.rows.find((r) => r.label === 'GET /tools')!;
    const stats = analysis.labels.find((l) => l.label === 'GET /tools')!;
    expect(tools.cells.map((c) => c.value)).toEqual([stats.count, stats.errors, stats.errorPct, stats.meanMs, stats.minMs,
      ...REPORT_PERCENTILES.map((p) => stats.percentiles[String(p)]), stats.maxMs, stats.stdDevMs, stats.throughputPerS, stats.receivedKBPerS, stats.sentKBPerS, stats.apdex]);
    expect(m.table.total.cells[0]).toEqual({ text: '1500', value: 1500 });
  });

  it('top errors: code and message, share of all errors, labels and example messages', () => {
    const m = buildReportModel(input);
    expect(m.errors.total).toBe(150);
    expect(m.errors.groups.map((g) => [g.code, g.message, g.count, g.share])).toEqual([['200', 'OK', '129', '86.0'], ['503', 'Service <Unavailable>', '21', '14.0']]);
    expect(m.errors.groups[0]!.examples).toEqual(['Assertion failed:\n</script><script>window.__pwned = 3</script>\n<b>not bold</b>']);
  });
});
