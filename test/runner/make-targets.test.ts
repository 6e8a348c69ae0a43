import { existsSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repo, scratchDir, SMALL_HEAP } from './helpers.js';
import { startLoopbackServer, type LoopbackServer } from './loopback-server.js';

const scratch = scratchDir('make');
const results = join(scratch, 'results');
const TOKEN = 'make-token-93c2f1aa';
let target: LoopbackServer;
beforeAll(async () => (target = await startLoopbackServer()));
afterAll(async () => {
  await target.close();
  rmSync(scratch, { recursive: true, force: true });
});

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

  it('jmeter-quick runs the REST baseline into results/, then jmeter-report builds the dashboard', async () => {
    const quick = await make(['jmeter-quick', `JMETER_GATEWAY_URL=${target.url}`, 'JMETER_OPTS=-J TIME_SCALE=0.1 -J THREADS=2'], {
      JMETER_TOKEN: TOKEN,
    });
    expect(quick.exitCode, quick.all).toBe(0);
    expect(target.authorizations).toContain(`Bearer ${TOKEN}`);
    const folder = join(results, readlinkSync(join(results, 'latest')));
    expect(folder).toMatch(/rest_api_baseline_\d{8}-\d{6}$/);
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ exit: { status: 'finished' }, properties: { THREADS: '2', DURATION: '30', TIME_SCALE: '0.1' } });
    expect(summary.analysis.samples).toBeGreaterThan(0);

    const report = await make(['jmeter-report']);
    expect(report.exitCode, report.all).toBe(0);
    expect(existsSync(join(folder, 'dashboard', 'index.html'))).toBe(true);

    const clean = await make(['jmeter-clean']);
    expect(clean.exitCode, clean.all).toBe(0);
    expect(readdirSync(results)).toEqual([]);
  });

  it('jmeter-report without a run says what to do', async () => {
    const r = await make(['jmeter-report', `JMETER_RESULTS=${join(scratch, 'empty')}`]);
    expect(r.exitCode).not.toBe(0);
    expect(r.stderr).toContain(`no ${join(scratch, 'empty')}/latest/results.jtl: run a plan first`);
  });
});
