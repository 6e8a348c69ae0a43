import { readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { repo, scratchDir, SMALL_HEAP } from '../runner/helpers.js';
import { killProcessesMentioning } from '../runner/proc.js';

/**
 * The plans that use API_PREFIX against a stand-in without the unversioned aliases (the gateway's
 * LEGACY_API_ENABLED=false): every sample still succeeds, so no plan depends on a path the real gateway drops.
 */
const scratch = scratchDir('no-legacy');
const results = join(scratch, 'results');
const PASSWORD = 'no-legacy-admin-pw-8c1d';
let target: RunningTarget;
beforeAll(async () => (target = await startTarget({ legacyApi: false, adminPassword: PASSWORD, fastTimePort: null, fastTestPort: null })));
afterEach(() => void killProcessesMentioning(scratch));
afterAll(async () => {
  await target.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('plans against the stand-in with LEGACY_API_ENABLED=false (ci profile)', () => {
  it('the stand-in really dropped the aliases', async () => {
    const auth = { authorization: `Bearer ${target.token}` };
    expect((await fetch(`${target.url}/tools`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${target.url}/v1/tools`, { headers: auth })).status).toBe(200);
  });

  it.each([
    ['jmeter-rest-baseline', 'rest_api_baseline'],
    ['jmeter-admin-ui', 'admin_ui_baseline'],
    ['jmeter-sse', 'sse_streaming_baseline'],
  ])('make %s → %s with samples and no failures', async (name, plan) => {
    const r = await execa('make', ['--no-print-directory', name, 'JTL=node --import tsx test/fixtures/runner/jtl-entry.ts', 'JTL_BUILD=',
      `JMETER_RESULTS=${results}`, `JMETER_GATEWAY_URL=${target.url}`, `JMETER_SERVER_ID=${target.serverId}`, 'JMETER_PROFILE=ci'], {
      cwd: repo,
      env: {
        PATH: process.env.PATH, HOME: process.env.HOME, HEAP: SMALL_HEAP, JMETER_TOKEN: target.token, JMETER_ADMIN_PASSWORD: PASSWORD,
        ...(process.env.JMETER_HOME && { JMETER_HOME: process.env.JMETER_HOME }),
      },
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(r.exitCode, r.all).toBe(0);
    const folder = join(results, readlinkSync(join(results, 'latest')));
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary).toMatchObject({ plan: { name: plan }, exit: { status: 'finished' } });
    expect(summary.analysis.samples).toBeGreaterThan(0);
    expect(summary.analysis.errors).toBe(0);
  });
});
