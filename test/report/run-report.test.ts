import { existsSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runJtl, scratchDir } from '../runner/helpers.js';
import { canvasInk, launchBrowser, screenshot, type ReportBrowser } from './browser.js';

const scratch = scratchDir('report-run');
const out = join(scratch, 'results');
let browser: ReportBrowser;
let folder: string;
let runOutput: { exitCode: number | undefined; stderr: string; all: string };

/** The real JMeter of the repo (JMETER_HOME or .jmeter), never a fake on PATH. */
const env = { PATH: process.env.PATH, JMETER_HOME: process.env.JMETER_HOME };

beforeAll(async () => {
  // What `make quickstart` does, shorter: the REST baseline with the ci profile against the embedded target.
  const r = await runJtl(['run', 'rest_api_baseline', '--profile', 'ci', '--embedded-target', '--out', out, '--threads', '2', '-J', 'DURATION=400'], env);
  runOutput = { exitCode: r.exitCode, stderr: r.stderr, all: r.all };
  folder = join(out, readlinkSync(join(out, 'latest')));
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the report of a real JMeter run (jtl run, embedded target)', () => {
  it('jtl run writes report/index.html into the run folder and prints its path', () => {
    expect(runOutput.exitCode, runOutput.all).toBe(0);
    expect(runOutput.stderr).toContain(`report: ${join(folder, 'report', 'index.html')}`);
    expect(existsSync(join(folder, 'report', 'report.json'))).toBe(true);
  });

  it('opens clean in Chromium and shows the run: plan, JMeter version, profile, redacted properties, every label', async () => {
    const o = await browser.open(join(folder, 'report', 'index.html'));
    expect(o.consoleErrors).toEqual([]);
    expect(o.requests).toHaveLength(1);
    for (const c of await canvasInk(o.page)) expect(c.inked, c.id).toBeGreaterThan(2000);
    const facts = Object.fromEntries(await o.page.$$eval('.facts dt', (dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling!.textContent])));
    expect(facts).toMatchObject({ plan: 'rest_api_baseline', JMeter: '5.6.3', profile: 'ci', 'JMeter exit': 'finished' });
    const properties = Object.fromEntries(await o.page.$$eval('.properties tr', (trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td')!.textContent])));
    expect(properties).toMatchObject({ TOKEN: '<redacted>', ADMIN_PASSWORD: '<redacted>', THREADS: '2', TIME_SCALE: '0.01' });
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    const labels = await o.page.$$eval('#label-table tbody th', (ths) => ths.map((th) => th.getAttribute('data-sort')));
    expect(labels.sort()).toEqual(Object.keys(summary.analysis.statistics).filter((k) => k !== 'Total').sort());
    expect(await o.page.locator('#label-table tfoot td').first().textContent()).toBe(String(summary.analysis.samples));
    await screenshot(o.page, 'quickstart-light.png');
    const dark = await browser.open(join(folder, 'report', 'index.html'), { colorScheme: 'dark' });
    expect(dark.consoleErrors).toEqual([]);
    await screenshot(dark.page, 'quickstart-dark.png');
  });

  it("jtl report <run folder> -o … --jmeter-dashboard: our report and JMeter's dashboard beside it", async () => {
    const target = join(scratch, 'again');
    const r = await runJtl(['report', folder, '-o', target, '--jmeter-dashboard'], env);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toBe(`report: ${join(target, 'index.html')}\nJMeter dashboard: ${join(target, 'jmeter-dashboard', 'index.html')}`);
    expect(existsSync(join(target, 'jmeter-dashboard', 'statistics.json'))).toBe(true);
  });

  it('bad usage: one clear line, exit 2', async () => {
    const noOut = await runJtl(['report', join(folder, 'results.jtl')], env);
    expect(noOut.exitCode).toBe(2);
    expect(noOut.stderr).toBe(`jtl: error REPORT_NO_OUTPUT ${join(folder, 'results.jtl')}: say where the report goes with -o <dir> (only a run folder has a default, <run folder>/report)`);
    const notRun = await runJtl(['report', scratch], env);
    expect(notRun.exitCode).toBe(2);
    expect(notRun.stderr).toContain('REPORT_NO_INPUT');
  });
});
