import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';

import { repo } from '../runner/helpers.js';
import { jtlText, ramp, scratch } from './jtl.js';

const dirs: Array<() => void> = [];
afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));

const make = (results: string, args: readonly string[]) =>
  execa('make', ['--no-print-directory', 'JTL=node --import tsx test/fixtures/runner/jtl-entry.ts', 'JTL_BUILD=', `JMETER_RESULTS=${results}`, 'jmeter-gate', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    extendEnv: false,
    reject: false,
    all: true,
  });

describe('make jmeter-gate', () => {
  it('gates the latest run with its plan\'s profile, or the one JMETER_SLA names', async () => {
    const s = scratch('make');
    dirs.push(s.cleanup);
    const results = join(s.dir, 'results');
    const run = join(results, 'rest_api_baseline_20261202-000000');
    mkdirSync(run, { recursive: true });
    writeFileSync(join(run, 'results.jtl'), jtlText([...ramp('GET /health', 50), ...ramp('GET /tools', 50)]));
    writeFileSync(join(run, 'summary.json'), JSON.stringify({ plan: { name: 'rest_api_baseline' }, profile: 'ci' }));
    symlinkSync('rest_api_baseline_20261202-000000', join(results, 'latest'));

    const auto = await make(results, []);
    expect(auto.exitCode, auto.all).toBe(0);
    expect(auto.stdout).toMatch(/^SLA \(baseline profile\)\n/);
    expect(auto.stdout).toMatch(/\n7 passed, 1 not applicable$/);

    const stress = await make(results, [`JMETER_SLA=${s.write('strict.yaml', 'rules:\n  - max < 40ms for each label\n')}`]);
    // make itself exits 2 when a recipe fails; the recipe's own exit code (jtl gate's 1) is in make's message.
    expect(stress.exitCode, stress.all).toBe(2);
    expect(stress.stderr).toMatch(/make: \*\*\* \[Makefile:\d+: jmeter-gate\] Error 1$/);
    expect(stress.stderr).toContain('jtl: error SLA_FAILED 2 SLA rules failed: max < 40ms for each label [GET /health]; max < 40ms for each label [GET /tools]');
  });

  it('says what to do when there is no run yet (exit 2)', async () => {
    const s = scratch('make-empty');
    dirs.push(s.cleanup);
    const r = await make(join(s.dir, 'results'), []);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`make jmeter-gate: no ${join(s.dir, 'results')}/latest/results.jtl: run a plan first (e.g. make jmeter-quick)`);
  });
});
