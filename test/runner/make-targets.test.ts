import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repo, scratchDir, SMALL_HEAP } from './helpers.js';
import { startTarget, type RunningTarget } from '../../src/target/index.js';

const scratch = scratchDir('make');
const results = join(scratch, 'results');
const TOKEN = 'make-token-93c2f1aa';
let target: RunningTarget;
const PASSWORD = 'make-admin-pw-5e17c0';
beforeAll(async () => (target = await startTarget({ token: TOKEN, adminPassword: PASSWORD, fastTimePort: null, fastTestPort: null })));
afterAll(async () => {
  await target.close();
  rmSync(scratch, { recursive: true, force: true });
});

const latest = (): string => join(results, readlinkSync(join(results, 'latest')));

/** make with `jtl` run from the sources (no dist/ build) and results in a scratch folder. */
const make = (args: readonly string[], env: Record<string, string> = {}) =>
  execa('make', ['--no-print-directory', 'JTL=node --import tsx test/fixtures/runner/jtl-entry.ts', 'JTL_BUILD=',
    `JMETER_RESULTS=${results}`, ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HEAP: SMALL_HEAP, ...env },
    extendEnv: false,
    reject: false,
    all: true,
  });

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
      expect(r.exitCode).not.toBe(0);
      expect(r.stderr).toContain(`make ${name}: JMETER_SERVER_ID is not set`);
    },
  );

  it('jmeter-quick (ci profile) runs the REST baseline against the embedded target, then jmeter-report', async () => {
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

    const report = await make(['jmeter-report']);
    expect(report.exitCode, report.all).toBe(0);
    expect(existsSync(join(folder, 'dashboard', 'index.html'))).toBe(true);
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
    for (const file of readdirSync(folder)) expect(readFileSync(join(folder, file), 'utf8'), file).not.toContain(PASSWORD);
  });

  it('jmeter-compare analyzes the two newest runs, older first; jmeter-clean empties results/', async () => {
    const compare = await make(['jmeter-compare', 'JMETER_COMPARE_DIFFERENT_PLANS=1']);
    expect(compare.exitCode, compare.all).toBe(0);
    const headings = compare.stdout.split('\n').filter((l) => l.startsWith('== '));
    expect(headings).toEqual([expect.stringMatching(/mcp_jsonrpc_baseline_\d{8}-\d{6}$/), expect.stringMatching(/admin_ui_baseline_\d{8}-\d{6}$/)]);
    expect(compare.stdout.match(/^Total +\d+ +0 +0\.00% /gm)).toHaveLength(2);

    const clean = await make(['jmeter-clean']);
    expect(clean.exitCode, clean.all).toBe(0);
    expect(readdirSync(results)).toEqual([]);
    const again = await make(['jmeter-compare']);
    expect(again.exitCode).not.toBe(0);
    expect(again.stderr).toContain('only 0 run(s) with samples');
  });

  it('jmeter-report without a run says what to do', async () => {
    const r = await make(['jmeter-report', `JMETER_RESULTS=${join(scratch, 'empty')}`]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(`jtl: error RUN_NOT_ENOUGH_RUNS ${join(scratch, 'empty')}: no run with samples (0 run folder(s), 0 without samples): run a plan first`);
  });
});
