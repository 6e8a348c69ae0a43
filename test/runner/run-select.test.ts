import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { listRuns, pickRuns } from '../../src/runner/run-select.js';
import { repo, SMALL_HEAP } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'jtl-run-select-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HEADER = 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect';
const rows = (n: number): string =>
  Array.from({ length: n }, (_, i) => `${1_764_650_000_000 + i * 100},${5 + (i % 7)},GET /tools,200,OK,REST mix 1-1,text,true,,120,80,1,1,http://127.0.0.1/tools,4,0,1`).join('\n');

/** A run folder as the runner leaves it: samples in summary.json, or (a killed runner) only a JTL. */
function run(out: string, name: string, samples: number, withSummary = true): string {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.jtl'), samples > 0 ? `${HEADER}\n${rows(samples)}\n` : '');
  if (withSummary) writeFileSync(join(dir, 'summary.json'), JSON.stringify(samples > 0 ? { analysis: { samples } } : { warnings: [] }));
  return dir;
}

describe('pickRuns: which runs a report or a comparison uses', () => {
  const out = join(scratch, 'results');
  const older = run(out, 'rest_api_baseline_20261201-100000', 30);
  const newer = run(out, 'rest_api_baseline_20261201-110000', 20, false);
  const empty1 = run(out, 'rest_api_baseline_20261201-120000', 0);
  const empty2 = run(out, 'rest_api_baseline_20261201-120000-2', 0, false);
  mkdirSync(join(out, 'not-a-run'));

  it('lists run folders newest first (suffixes after their base), with or without samples', async () => {
    expect((await listRuns(out)).map((r) => [r.dir, r.hasSamples])).toEqual([[empty2, false], [empty1, false], [newer, true], [older, true]]);
  });

  it('a report: the newest run with samples, naming the empty runs it skipped', async () => {
    expect(await pickRuns({ outDir: out, count: 1 })).toEqual({ runs: [expect.objectContaining({ dir: newer })], skipped: [expect.objectContaining({ dir: empty2 }), expect.objectContaining({ dir: empty1 })] });
  });

  it('a comparison: the two newest runs with samples, older first', async () => {
    expect((await pickRuns({ outDir: out, count: 2 })).runs.map((r) => r.dir)).toEqual([older, newer]);
  });

  it('different plans are refused without the flag', async () => {
    const mixed = join(scratch, 'mixed');
    run(mixed, 'rest_api_baseline_20261201-100000', 5);
    run(mixed, 'load_test_20261201-110000', 5);
    await expect(pickRuns({ outDir: mixed, count: 2 })).rejects.toMatchObject({ code: 'RUN_DIFFERENT_PLANS' });
    expect((await pickRuns({ outDir: mixed, count: 2, allowDifferentPlans: true })).runs.map((r) => r.plan)).toEqual(['rest_api_baseline', 'load_test']);
  });
});

const make = (args: readonly string[]) =>
  execa('make', ['--no-print-directory', 'JTL=node --import tsx test/fixtures/runner/jtl-entry.ts', 'JTL_BUILD=', ...args], {
    cwd: repo,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HEAP: SMALL_HEAP },
    extendEnv: false,
    reject: false,
    all: true,
  });

describe('make jmeter-report / jmeter-compare after a failed run', () => {
  it('jmeter-report says which run has no samples and reports the newest run that has some', async () => {
    const out = join(scratch, 'report');
    const good = run(out, 'rest_api_baseline_20261201-100000', 50);
    const failed = run(out, 'rest_api_baseline_20261201-110000', 0);
    const r = await make(['jmeter-report', `JMETER_RESULTS=${out}`]);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stderr).toContain(`jtl: skipping ${failed}: no samples`);
    expect(r.stdout).toContain(`report: ${good}/report/index.html`);
    expect(existsSync(join(good, 'report', 'index.html'))).toBe(true);
  }, 120_000);

  it('jmeter-compare skips empty runs and refuses different plans unless JMETER_COMPARE_DIFFERENT_PLANS=1', async () => {
    const out = join(scratch, 'compare');
    const a = run(out, 'load_test_20261201-090000', 10);
    const b = run(out, 'rest_api_baseline_20261201-100000', 12);
    const skipped = run(out, 'rest_api_baseline_20261201-110000', 0);
    const refused = await make(['jmeter-compare', `JMETER_RESULTS=${out}`]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('jtl: error RUN_DIFFERENT_PLANS the two newest runs with samples are of different plans');
    const allowed = await make(['jmeter-compare', `JMETER_RESULTS=${out}`, 'JMETER_COMPARE_DIFFERENT_PLANS=1', 'COMPARE_OPTS=--fail-on none --json']);
    expect(allowed.exitCode, allowed.all).toBe(0);
    expect(allowed.stderr).toContain(`jtl: skipping ${skipped}: no samples`);
    const { comparison } = JSON.parse(allowed.stdout);
    expect([comparison.baseline.plan, comparison.current.plan]).toEqual(['load_test', 'rest_api_baseline']);
    expect([comparison.baseline.files, comparison.current.files]).toEqual([[join(a, 'results.jtl')], [join(b, 'results.jtl')]]);
  }, 60_000);
});
