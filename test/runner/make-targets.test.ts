import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { repo, scratchDir, SMALL_HEAP } from './helpers.js';
import { killProcessesMentioning } from './proc.js';
import { startTarget, type RunningTarget } from '../../src/target/index.js';

const scratch = scratchDir('make');
const TOKEN = 'make-token-93c2f1aa';
let target: RunningTarget;
const PASSWORD = 'make-admin-pw-5e17c0';
beforeAll(async () => (target = await startTarget({ token: TOKEN, adminPassword: PASSWORD, fastTimePort: null, fastTestPort: null })));
afterEach(() => void killProcessesMentioning(scratch));
afterAll(async () => {
  await target.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Each test has a results folder of its own: no test sees another's runs, in any order. */
let results = '';
let caseNumber = 0;
beforeEach(() => {
  results = join(scratch, `results-${++caseNumber}`);
});
const latest = (): string => join(results, readlinkSync(join(results, 'latest')));

/**
 * make with `jtl` run from the sources (no dist/ build) and results in the test's folder. JMETER_HOME passes through:
 * on a machine where only it finds JMeter (no .jmeter/), the targets must find it too.
 */
const make = (args: readonly string[], env: Record<string, string> = {}) =>
  execa('make', ['--no-print-directory', 'JTL=node --import tsx test/fixtures/runner/jtl-entry.ts', 'JTL_BUILD=',
    `JMETER_RESULTS=${results}`, ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HEAP: SMALL_HEAP, ...(process.env.JMETER_HOME && { JMETER_HOME: process.env.JMETER_HOME }), ...env },
    extendEnv: false,
    reject: false,
    all: true,
  });

/** A run folder as `jtl run` leaves it, as far as jmeter-compare reads it: <plan>_<timestamp>/results.jtl. */
function fakeRun(plan: string, stamp: string, rows: readonly string[], mtime: Date): void {
  const folder = join(results, `${plan}_${stamp}`);
  mkdirSync(folder, { recursive: true });
  const jtl = join(folder, 'results.jtl');
  writeFileSync(jtl, ['timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect', ...rows].join('\n') + '\n');
  utimesSync(jtl, mtime, mtime);
}
const row = (ts: number, elapsed: number, label: string) => `${ts},${elapsed},${label},200,OK,tg 1-1,text,true,,100,50,1,1,http://127.0.0.1/x,${elapsed},0,1`;

describe('make targets', () => {
  it('never write the token on a command line: it stays in the environment', async () => {
    const r = await make(['-n', 'jmeter-quick', 'jmeter-mcp-baseline', 'JMETER_SERVER_ID=abc'], { JMETER_TOKEN: TOKEN });
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stdout).toContain('rest_api_baseline');
    expect(r.stdout).not.toContain(TOKEN);
  });

  it.each(['jmeter-mcp-baseline', 'jmeter-load', 'jmeter-sse', 'jmeter-websocket'])(
    '%s fails fast without JMETER_SERVER_ID',
    async (name) => {
      const r = await make([name]);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toContain(`make ${name}: JMETER_SERVER_ID is not set`);
    },
  );

  it('jmeter-quick (ci profile) runs the REST baseline against the embedded target, then jmeter-report (our report; JMeter\'s dashboard with JMETER_DASHBOARD=1)', async () => {
    const quick = await make(['jmeter-quick', `JMETER_GATEWAY_URL=${target.url}`, 'JMETER_PROFILE=ci', 'JMETER_OPTS=-J DURATION=300'], {
      JMETER_TOKEN: TOKEN,
    });
    expect(quick.exitCode, quick.all).toBe(0);
    const folder = latest();
    expect(folder).toMatch(/rest_api_baseline_\d{8}-\d{6}$/);
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ exit: { status: 'finished' }, properties: { THREADS: '10', DURATION: '300', TIME_SCALE: '0.01' } });
    // The target answers 401 without the right bearer token: no failed sample means the token reached JMeter.
    expect(summary.analysis.samples).toBeGreaterThan(20);
    expect(summary.analysis.errors).toBe(0);

    expect(existsSync(join(folder, 'report', 'index.html'))).toBe(true);
    rmSync(join(folder, 'report'), { recursive: true });
    const report = await make(['jmeter-report']);
    expect(report.exitCode, report.all).toBe(0);
    expect(report.stdout).toBe(`report: ${join(folder, 'report', 'index.html')}`);
    expect(existsSync(join(folder, 'report', 'report.json'))).toBe(true);
    expect(existsSync(join(folder, 'report', 'jmeter-dashboard'))).toBe(false);
    const both = await make(['jmeter-report', 'JMETER_DASHBOARD=1']);
    expect(both.exitCode, both.all).toBe(0);
    expect(existsSync(join(folder, 'report', 'jmeter-dashboard', 'index.html'))).toBe(true);
  });

  it('jmeter-mcp-baseline (ci profile) runs the MCP mix on the server id given', async () => {
    const r = await make(['jmeter-mcp-baseline', `JMETER_GATEWAY_URL=${target.url}`, `JMETER_SERVER_ID=${target.serverId}`, 'JMETER_PROFILE=ci'], {
      JMETER_TOKEN: TOKEN,
    });
    expect(r.exitCode, r.all).toBe(0);
    const summary = JSON.parse(readFileSync(join(latest(), 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ plan: { name: 'mcp_jsonrpc_baseline' }, properties: { SERVER_ID: target.serverId } });
    expect(summary.analysis.samples).toBeGreaterThan(10);
    expect(summary.analysis.errors).toBe(0);
  });

  it('jmeter-admin-ui logs in with the password from JMETER_ADMIN_PASSWORD, which lands in no file', async () => {
    const r = await make(['jmeter-admin-ui', `JMETER_GATEWAY_URL=${target.url}`, `JMETER_ADMIN_EMAIL=${target.adminEmail}`, 'JMETER_PROFILE=ci'], {
      JMETER_TOKEN: TOKEN,
      JMETER_ADMIN_PASSWORD: PASSWORD,
    });
    expect(r.exitCode, r.all).toBe(0);
    const folder = latest();
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ plan: { name: 'admin_ui_baseline' }, properties: { ADMIN_PASSWORD: '<redacted>' } });
    expect(summary.analysis.statistics['POST /admin/login']).toMatchObject({ errorCount: 0 });
    expect(summary.analysis.errors).toBe(0);
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f !== 'report')) {
      expect(readFileSync(join(folder, file), 'utf8'), file).not.toContain(PASSWORD);
    }
  });

  it('jmeter-compare compares the two newest runs, older first (refusing two plans unless allowed); jmeter-clean empties results/', async () => {
    const t = 1_795_000_000_000;
    fakeRun('rest_api_baseline', '20260101-000000', [row(t, 10, 'GET /health')], new Date(t - 3_000_000));
    fakeRun('mcp_jsonrpc_baseline', '20260101-010000', [row(t, 20, 'MCP ping'), row(t + 1, 30, 'MCP ping')], new Date(t - 2_000_000));
    fakeRun('admin_ui_baseline', '20260101-020000', [row(t, 40, 'GET /admin'), row(t + 1, 50, 'GET /admin'), row(t + 2, 60, 'GET /admin')], new Date(t - 1_000_000));
    const refused = await make(['jmeter-compare']);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toMatch(/RUN_DIFFERENT_PLANS the two newest runs with samples are of different plans \(.*admin_ui_baseline_20260101-020000, .*mcp_jsonrpc_baseline_20260101-010000\)/);
    const compare = await make(['jmeter-compare', 'COMPARE_OPTS=--allow-different-plans --fail-on none --json']);
    expect(compare.exitCode, compare.all).toBe(0);
    const { comparison } = JSON.parse(compare.stdout);
    expect([comparison.baseline.plan, comparison.current.plan]).toEqual(['mcp_jsonrpc_baseline', 'admin_ui_baseline']);
    expect(comparison.rows.map((r: { name: string }) => r.name)).toEqual(['Total']);
    expect(comparison.added).toEqual(['GET /admin']);
    expect(comparison.removed).toEqual(['MCP ping']);

    const clean = await make(['jmeter-clean']);
    expect(clean.exitCode, clean.all).toBe(0);
    expect(readdirSync(results)).toEqual([]);
    const again = await make(['jmeter-compare']);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toContain('only 0 run(s) with samples');
  });

  it('jmeter-report without a run says what to do', async () => {
    const r = await make(['jmeter-report']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`jtl: error RUN_NOT_ENOUGH_RUNS ${results}: no run with samples (0 run folder(s), 0 without samples): run a plan first`);
  });
});
