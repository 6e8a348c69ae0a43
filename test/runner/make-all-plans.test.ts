import { readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { repo, scratchDir, SMALL_HEAP } from './helpers.js';
import { killProcessesMentioning } from './proc.js';

const scratch = scratchDir('make-all');
const results = join(scratch, 'results');
let target: RunningTarget;
beforeAll(async () => (target = await startTarget({ fastTimePort: 0, fastTestPort: 0 })));
afterEach(() => void killProcessesMentioning(scratch));
afterAll(async () => {
  await target.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The remaining plan targets (jmeter-quick, -mcp-baseline and -admin-ui are in make-targets.test.ts). */
const targets: ReadonlyArray<readonly [target: string, plan: string]> = [
  ['jmeter-rest-baseline', 'rest_api_baseline'],
  ['jmeter-mcp-servers-baseline', 'mcp_test_servers_baseline'],
  ['jmeter-load', 'load_test'],
  ['jmeter-stress', 'stress_test'],
  ['jmeter-spike', 'spike_test'],
  ['jmeter-soak', 'soak_test'],
  ['jmeter-sse', 'sse_streaming_baseline'],
  ['jmeter-websocket', 'websocket_baseline'],
];

describe('every plan make target runs against the embedded target (ci profile, seconds each)', () => {
  it.each(targets)('make %s → a finished %s run folder with samples and no failures', async (name, plan) => {
    const r = await execa('make', ['--no-print-directory', name, 'JTL=node --import tsx test/fixtures/runner/jtl-entry.ts', 'JTL_BUILD=',
      `JMETER_RESULTS=${results}`, `JMETER_GATEWAY_URL=${target.url}`, `JMETER_SERVER_ID=${target.serverId}`, 'JMETER_PROFILE=ci',
      `JMETER_FAST_TIME_URL=${target.fastTimeUrl}`, `JMETER_FAST_TEST_URL=${target.fastTestUrl}`], {
      cwd: repo,
      // JMETER_HOME passes through: where only it finds JMeter (no .jmeter/), the targets must find it too.
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HEAP: SMALL_HEAP, JMETER_TOKEN: target.token, ...(process.env.JMETER_HOME && { JMETER_HOME: process.env.JMETER_HOME }) },
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(r.exitCode, r.all).toBe(0);
    const folder = join(results, readlinkSync(join(results, 'latest')));
    expect(folder).toMatch(new RegExp(`${plan}_\\d{8}-\\d{6}$`));
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ plan: { name: plan }, exit: { status: 'finished' } });
    expect(summary.analysis.samples).toBeGreaterThan(0);
    expect(summary.analysis.errors).toBe(0);
    expect(readFileSync(join(folder, 'run.properties'), 'utf8')).not.toContain(target.token);
  });
});
