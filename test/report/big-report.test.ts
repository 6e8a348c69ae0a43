/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the page: they see the DOM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { analyzeJtl, type Analysis } from '../../src/jtl/analyze.js';
import { MAX_POINTS } from '../../src/report/series.js';
import { writeReport, type WrittenReport } from '../../src/report/write.js';
import { generateJtl } from '../jtl/generate.js';
import { canvasInk, launchBrowser, screenshot, type ReportBrowser } from './browser.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-report-big-'));
const jtl = join(dir, 'big.jtl');
let report: WrittenReport;
let analysis: Analysis;
let browser: ReportBrowser;

beforeAll(async () => {
  // 500,000 samples, 40 labels, 1 % failures (half with a quoted multi-line assertion message), a transaction
  // controller row every 20 samples.
  writeFileSync(jtl, generateJtl({ samples: 500_000, labels: 40, seed: 16, transactionEvery: 20, errorRate: 0.01 }));
  [report, analysis] = await Promise.all([
    writeReport({ inputs: [jtl], outDir: join(dir, 'report') }),
    analyzeJtl({ files: [jtl] }),
  ]);
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fmt = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '–' : Number.isInteger(v) ? String(v) : v.toFixed(1));

describe('the report of a 500,000-sample JTL with 40 labels', () => {
  it('stays small: charts downsampled to at most MAX_POINTS points, every label in the table', () => {
    expect(report.model.charts.startMs.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(report.model.table.rows).toHaveLength(41);
    expect(report.model.table.rows.filter((r) => r.isController).map((r) => r.label)).toEqual(['checkout']);
    expect(report.htmlBytes).toBeLessThan(600_000);
  });

  it('shows the figures of `jtl analyze` (exact mode) for every label and Total', async () => {
    const o = await browser.open(report.html);
    const rows = await o.page.$$eval('#label-table tbody tr, #label-table tfoot tr', (trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent!.replace(/^⊂ /, ''))));
    const expected = [...analysis.labels, analysis.total].map((s) => [
      s.label, String(s.count), String(s.errors), s.errorPct.toFixed(2), fmt(s.meanMs), fmt(s.minMs),
      ...['50', '90', '95', '99'].map((p) => fmt(s.percentiles[p])), fmt(s.maxMs),
    ]);
    expect(rows.map((r) => r.slice(0, 11))).toEqual(expected);
  });

  it('opens clean in Chromium: no console error, no request, every chart drawn, errors with their multi-line messages', async () => {
    const o = await browser.open(report.html);
    expect(o.consoleErrors).toEqual([]);
    expect(o.requests).toHaveLength(1);
    for (const c of await canvasInk(o.page)) expect(c.inked, c.id).toBeGreaterThan(2000);
    expect(await o.page.locator('pre.example').first().textContent()).toBe('Assertion failed:\nexpected "result", got error, code 5');
    await o.page.fill('#label-filter', 'api/3');
    expect(await o.page.textContent('#label-count')).toBe('11 of 41 labels');
    await screenshot(o.page, 'big-light.png');
    const dark = await browser.open(report.html, { colorScheme: 'dark' });
    expect(dark.consoleErrors).toEqual([]);
    await screenshot(dark.page, 'big-dark.png');
  });
});
