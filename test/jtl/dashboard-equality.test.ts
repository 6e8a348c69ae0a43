import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { analyzeJtl } from '../../src/jtl/analyze.js';
import { statisticsJsonTextOf, toStatisticsJson } from '../../src/stats/statistics-json.js';
import { expectSameStatistics, jmeterStatisticsText, runJmeter, type StatisticsJson } from './dashboard.js';
import { generateJtl } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-equality-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mixedPlan = new URL('../fixtures/jtl/mixed.jmx', import.meta.url).pathname;

describe('our statistics equal JMeter dashboard statistics.json (jmeter -g is the oracle)', () => {
  it('on a real JMeter run: failures, quoted and multi-line messages, both transaction-controller modes, sub-results', async () => {
    const jtl = await runJmeter(mixedPlan, dir, { LOOPS: 25, THREADS: 3 });
    const text = await jmeterStatisticsText(jtl);
    const jmeter = JSON.parse(text) as StatisticsJson;
    expect(jmeter['tx generated']).toBeDefined();
    expect(jmeter['with subresults-0']).toBeDefined();
    const compat = await analyzeJtl({ files: [jtl], mode: 'jmeter-compat' });
    expectSameStatistics(toStatisticsJson(compat), jmeter);
    // And as text: Java's number formats, Jackson's layout, JMeter's key order.
    expect(statisticsJsonTextOf(compat)).toBe(text);
    // Fewer than 20,000 samples per row: the exact mode sees what the dashboard sees.
    expectSameStatistics(toStatisticsJson(await analyzeJtl({ files: [jtl], mode: 'exact' })), jmeter);
  });

  it('on a generated JTL with more than 20,000 samples per label (the dashboard window), controllers and errors', async () => {
    const jtl = join(dir, 'big.jtl');
    writeFileSync(jtl, generateJtl({ samples: 60_000, labels: 2, seed: 7, transactionEvery: 5, subResultsEvery: 9, errorRate: 0.02 }));
    const text = await jmeterStatisticsText(jtl);
    const jmeter = JSON.parse(text) as StatisticsJson;
    const compat = await analyzeJtl({ files: [jtl], mode: 'jmeter-compat' });
    expectSameStatistics(toStatisticsJson(compat), jmeter);
    expect(statisticsJsonTextOf(compat)).toBe(text);
    // Exact mode: same counts, mean, min, max, throughput; its percentiles cover every sample, not the last 20,000.
    const exact = toStatisticsJson(await analyzeJtl({ files: [jtl], mode: 'exact' }));
    expectSameStatistics(exact, jmeter, ['transaction', 'sampleCount', 'errorCount', 'errorPct', 'meanResTime', 'minResTime', 'maxResTime', 'throughput']);
    expect(exact.Total!.pct3ResTime).not.toBe(Number(jmeter.Total!.pct3ResTime));
  });
});
