import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repo, SMALL_HEAP } from '../runner/helpers.js';
import { simulateJob } from './simulate.js';

const actionlint = join(repo, '.tools/bin/actionlint');
const scratch = mkdtempSync(join(tmpdir(), 'jtl-actions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('GitHub workflow and composite action', () => {
  it('pass actionlint (installed by make test: scripts/install-actionlint.sh)', async () => {
    expect(existsSync(actionlint), 'run `bash scripts/install-actionlint.sh` (make test does)').toBe(true);
    const r = await execa(actionlint, ['-no-color', '.github/workflows/performance.yml'], { cwd: repo, reject: false, all: true });
    expect(r.all).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('actionlint reads the composite action: an input it does not declare is an error', async () => {
    const dir = join(scratch, 'lint');
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    // actionlint finds the project (and so `uses: ./`) by its .git folder.
    mkdirSync(join(dir, '.git'));
    cpSync(join(repo, 'action.yml'), join(dir, 'action.yml'));
    const workflow = readFileSync(join(repo, '.github/workflows/performance.yml'), 'utf8').replace('          sla: ', '          slaa: ');
    writeFileSync(join(dir, '.github/workflows/performance.yml'), workflow);
    const r = await execa(actionlint, ['-no-color', '.github/workflows/performance.yml'], { cwd: dir, reject: false, all: true });
    expect(r.exitCode).toBe(1);
    expect(r.all).toContain('input "slaa" is not defined in action "JMeter MCP gateway performance gate"');
  });
});

describe('the workflow run in a simulated Actions environment against the embedded target', () => {
  let workspace: string;
  beforeAll(async () => {
    // A checkout: the repository's files (as tracked, plus new ones), JMeter linked, nothing else installed.
    workspace = join(scratch, 'checkout');
    const files = (await execa('git', ['ls-files', '-co', '--exclude-standard'], { cwd: repo })).stdout.split('\n').filter((f) => f !== '' && f !== '.jmeter' && existsSync(join(repo, f)));
    for (const f of files) {
      mkdirSync(join(workspace, dirname(f)), { recursive: true });
      cpSync(join(repo, f), join(workspace, f), { verbatimSymlinks: true });
    }
    symlinkSync(realpathSync(join(repo, '.jmeter')), join(workspace, '.jmeter'));
  });

  const env = { PATH: process.env.PATH, HOME: process.env.HOME, JMETER_HOME: process.env.JMETER_HOME, HEAP: SMALL_HEAP, npm_config_prefer_offline: 'true' };

  it('a passing run: exit 0, the verdict table in the step summary, no annotations, outputs for the upload', async () => {
    const tmp = mkdtempSync(join(scratch, 'pass-'));
    const run = await simulateJob({ workspace, workflow: '.github/workflows/performance.yml', job: 'gate', vars: { PERF_SLA: 'test/fixtures/sla/ci-loose.yaml' }, env, tmp });
    expect(run.exitCode, readFileSync(join(tmp, 'all-output.log'), 'utf8').slice(-3000)).toBe(0);
    expect(run.skipped).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/setup-java@v4', 'actions/cache@v4', 'actions/upload-artifact@v4']);
    expect(run.summary).toMatch(/^### SLA \\\(ci smoke\\\): ✅ passed\n\n\d+ passed\n\n\| verdict \| rule \| scope \| measured \| expected \| details \|\n/);
    expect(run.summary).toMatch(/\n\| ✅ pass \| errors \\< 1% \| Total \| 0 % \| 1 % \| \d+ samples \|\n/);
    expect(run.summary).toMatch(/\n\| ✅ pass \| p95 \\< 5s for each label \| GET /);
    expect(run.stdout).not.toMatch(/^::(error|warning)/m);
    const folder = run.outputs.perf!['run-folder']!;
    expect(run.outputs.perf!.verdict).toBe('pass');
    expect(folder).toMatch(/\/results\/rest_api_baseline_\d{8}-\d{6}(-\d+)?$/);
    expect(JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8')).sla.verdict).toBe('pass');
    expect(readFileSync(join(folder, 'sla-junit.xml'), 'utf8')).toContain('failures="0"');
  }, 400_000);

  it('a failing run: exit 1, the failed rule in the summary and as an ::error annotation, verdict fail', async () => {
    const tmp = mkdtempSync(join(scratch, 'fail-'));
    const run = await simulateJob({ workspace, workflow: '.github/workflows/performance.yml', job: 'gate', vars: { PERF_SLA: 'test/fixtures/sla/ci-loose.yaml', PERF_SLA_RULES: 'max < 1ms' }, env, tmp });
    expect(run.exitCode, readFileSync(join(tmp, 'all-output.log'), 'utf8').slice(-3000)).toBe(1);
    expect(run.summary).toMatch(/^### SLA \\\(ci smoke \\\+ --rule\\\): ❌ failed\n\n\d+ passed, 1 failed\n/);
    expect(run.summary).toMatch(/\n\| ❌ fail \| max \\< 1ms \| Total \| \d+ ms \| 1 ms \| \d+ samples \|\n/);
    const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error title=SLA \(ci smoke \+ --rule\)%3A max < 1ms \[Total\]::fail: max < 1ms for Total: measured \d+ ms, expected 1 ms \(\d+ samples\)$/);
    expect(run.outputs.perf!.verdict).toBe('fail');
    expect(readFileSync(join(run.outputs.perf!['run-folder']!, 'sla-junit.xml'), 'utf8')).toContain('failures="1"');
  }, 400_000);
});
