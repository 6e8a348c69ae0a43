import { readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { repo, scratchDir, SMALL_HEAP } from './helpers.js';

const scratch = scratchDir('make-embedded');
const results = join(scratch, 'results');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const make = (args: readonly string[]) =>
  execa('make', ['--no-print-directory', 'JTL=node --import tsx test/fixtures/runner/jtl-entry.ts', 'JTL_BUILD=', `JMETER_RESULTS=${results}`, ...args], {
    cwd: repo,
    // No token, no gateway URL, no server id: the embedded target brings its own.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HEAP: SMALL_HEAP },
    extendEnv: false,
    reject: false,
    all: true,
  });

describe('make targets on the embedded target (JMETER_EMBEDDED=1)', () => {
  it('dry run: --embedded-target instead of --gateway-url and --server-id', async () => {
    const r = await make(['-n', 'jmeter-load', 'jmeter-mcp-servers-baseline', 'jmeter-admin-ui', 'JMETER_EMBEDDED=1']);
    expect(r.exitCode, r.all).toBe(0);
    const runs = r.stdout.split('\n').filter((l) => l.includes(' run '));
    expect(runs).toHaveLength(3);
    for (const line of runs) {
      expect(line).toContain('--embedded-target');
      expect(line).not.toMatch(/--gateway-url|--server-id|FAST_TIME_URL|ADMIN_EMAIL/);
    }
  });

  it('make jmeter-load JMETER_EMBEDDED=1 runs load_test (needs a server id otherwise) with a matching token and server id', async () => {
    const r = await make(['jmeter-load', 'JMETER_EMBEDDED=1', 'JMETER_PROFILE=ci']);
    expect(r.exitCode, r.all).toBe(0);
    const folder = join(results, readlinkSync(join(results, 'latest')));
    const summary = JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
    expect(summary.plan.name).toBe('load_test');
    expect(summary.properties.GATEWAY_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(summary.properties.SERVER_ID).toMatch(/^[0-9a-f]{32}$/);
    expect(summary.analysis.samples).toBeGreaterThan(10);
    expect(summary.analysis.errors).toBe(0); // the target refuses a wrong token or server id: none failed
  }, 120_000);
});
