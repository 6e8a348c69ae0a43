/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions passed to page.evaluate run in the page: they see the DOM.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Finding } from '../../src/findings/finding.js';
import { writeReport, type WrittenReport } from '../../src/report/write.js';
import { canvasInk, launchBrowser, screenshot, type OpenedReport, type ReportBrowser } from './browser.js';
import { HOSTILE_LABELS, HOSTILE_MESSAGE, hostileJtl, NORMAL_LABELS } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-report-browser-'));
const jtl = join(dir, 'hostile.jtl');
let browser: ReportBrowser;
let withVerdicts: WrittenReport;
let plain: WrittenReport;

/** Hand-made findings: the SLA and compare modules produce the same shape. */
const findings: Finding[] = [
  { source: 'sla', subject: 'p95 < 300 ms', scope: 'Total', measured: { value: 171, unit: 'ms' }, expected: { value: 300, unit: 'ms' }, verdict: 'pass', blocking: true },
  { source: 'sla', subject: 'error % < 1', scope: 'each label: <script>alert(1)</script>', measured: { value: 10, unit: '%' }, expected: { value: 1, unit: '%' }, verdict: 'fail', blocking: true, evidence: '</script><b>15 of 150</b>' },
];
const comparison = {
  baseline: 'results/rest_api_baseline_20261201-101500',
  findings: [{ source: 'compare', subject: 'p95', scope: 'GET /tools', measured: { value: 120, unit: 'ms' }, expected: { value: 100, unit: 'ms' }, verdict: 'regressed', blocking: true } satisfies Finding],
};

beforeAll(async () => {
  writeFileSync(jtl, hostileJtl());
  [withVerdicts, plain] = await Promise.all([
    writeReport({ inputs: [jtl], outDir: join(dir, 'verdicts'), findings, comparison }),
    writeReport({ inputs: [jtl], outDir: join(dir, 'plain') }),
  ]);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What every report must satisfy in the browser. */
async function expectCleanPage(opened: OpenedReport, html: string): Promise<void> {
  expect(opened.consoleErrors).toEqual([]);
  expect(opened.requests).toEqual([pathToFileURL(html).href]);
  expect(opened.dialogs).toEqual([]);
  expect(await opened.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const canvases = await canvasInk(opened.page);
  expect(canvases.map((c) => c.id)).toEqual(['chart-percentiles', 'chart-throughput', 'chart-threads', 'chart-distribution', 'chart-latency', 'chart-codes', 'chart-bytes']);
  for (const c of canvases) {
    expect(c.points, c.id).toBeGreaterThan(0);
    expect(c.inked, c.id).toBeGreaterThan(2000);
  }
}

const columnValues = (o: OpenedReport, col: number) =>
  o.page.$$eval('#label-table tbody tr', (rows, i) => rows.filter((r) => !(r as HTMLElement).hidden).map((r) => (r as HTMLTableRowElement).cells[i]!.getAttribute('data-sort')!), col);

describe('the report in headless Chromium', () => {
  it('no console error, no request but the page, every chart drawn; hostile labels and messages stay text', async () => {
    const o = await browser.open(withVerdicts.html);
    await expectCleanPage(o, withVerdicts.html);
    const labels = await o.page.$$eval('#label-table tbody th', (ths) => ths.map((th) => th.getAttribute('data-sort')));
    expect(labels).toEqual(expect.arrayContaining([...HOSTILE_LABELS, ...NORMAL_LABELS, 'journey']));
    for (const label of HOSTILE_LABELS) expect(await o.page.getByText(label, { exact: true }).count(), label).toBeGreaterThan(0);
    expect(await o.page.locator('pre.example').first().textContent()).toBe(HOSTILE_MESSAGE);
    expect(await o.page.locator('script').count()).toBe(3);
    expect(await o.page.locator('img').count()).toBe(0);
    await screenshot(o.page, 'hostile-light.png');
  });

  it('the verdict banner and the comparison from given findings; neither without them', async () => {
    const o = await browser.open(withVerdicts.html);
    const banner = o.page.locator('#verdict');
    expect(await banner.getAttribute('class')).toBe('banner banner-fail');
    expect(await banner.locator('h2').textContent()).toBe('FAIL — 2 of 3 checks failed');
    expect(await banner.locator('.decisive li').allTextContents()).toEqual([
      'fail error % < 1 · each label: <script>alert(1)</script>: 10 % (expected 1 %) — </script><b>15 of 150</b>',
      'regressed p95 · GET /tools: 120 ms (expected 100 ms)',
    ]);
    expect(await o.page.locator('#comparison tbody tr').first().locator('td').allTextContents()).toEqual(['GET /tools', 'p95', '100 ms', '120 ms', '+20 ms (+20.0 %)', 'regressed', '']);
    const p = await browser.open(plain.html);
    expect(await p.page.locator('#verdict').count()).toBe(0);
    expect(await p.page.locator('#comparison').count()).toBe(0);
    await expectCleanPage(p, plain.html);
  });

  it('the label table sorts by any column (both ways) and filters by part of a label', async () => {
    const o = await browser.open(plain.html);
    const p95 = o.page.locator('#label-table thead th', { hasText: 'p95 ms' });
    const col = await o.page.locator('#label-table thead th').evaluateAll((ths) => ths.findIndex((th) => th.textContent === 'p95 ms'));
    await p95.click();
    const up = (await columnValues(o, col)).map(Number);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(new Set(up).size).toBeGreaterThan(1);
    expect(await p95.getAttribute('aria-sort')).toBe('ascending');
    await p95.click();
    expect((await columnValues(o, col)).map(Number)).toEqual([...up].reverse());
    await o.page.locator('#label-table thead th', { hasText: 'label' }).click();
    const names = await columnValues(o, 0);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await o.page.fill('#label-filter', 'SCRIPT');
    expect(await columnValues(o, 0)).toEqual(['<script>alert(1)</script>', 'GET /x</script><script>window.__pwned = 1</script>'].sort((a, b) => a.localeCompare(b)));
    expect(await o.page.textContent('#label-count')).toBe('2 of 8 labels');
    await o.page.fill('#label-filter', '');
    expect(await columnValues(o, 0)).toHaveLength(8);
    // Total stays under the table whatever the order.
    expect(await o.page.locator('#label-table tfoot th').textContent()).toBe('Total');
  });

  it('dark mode follows prefers-color-scheme; phone width needs no sideways scrolling; print hides the controls', async () => {
    const dark = await browser.open(withVerdicts.html, { colorScheme: 'dark' });
    expect(await dark.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(13, 17, 23)');
    await expectCleanPage(dark, withVerdicts.html);
    await screenshot(dark.page, 'hostile-dark.png');
    const light = await browser.open(withVerdicts.html);
    expect(await light.page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');

    const phone = await browser.open(withVerdicts.html, { width: 390 });
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectCleanPage(phone, withVerdicts.html);
    await screenshot(phone.page, 'hostile-phone.png');

    await light.page.emulateMedia({ media: 'print' });
    expect(await light.page.locator('.table-tools').isVisible()).toBe(false);
    const pdf = await light.page.pdf({ path: join(dir, 'print.pdf'), format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
