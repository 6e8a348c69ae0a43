import { cpSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../jmx/jmeter-home.js';

/** A clone of the toolkit in a temporary folder: its own src/, bin/ and dist/, the repository's node_modules. */
let clone: string;
const jtl = (...args: string[]) => execa(process.execPath, [join(clone, 'bin/jtl.js'), ...args], { cwd: clone, reject: false, all: true });
const editSource = (file: string, from: string, to: string): void => {
  const path = join(clone, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
  const later = new Date(Date.now() + 2000); // newer than dist/ whatever the file system's time resolution
  utimesSync(path, later, later);
};

beforeAll(async () => {
  clone = mkdtempSync(join(tmpdir(), 'jtl-fresh-build-'));
  for (const f of ['src', 'bin', 'plans', 'properties', 'scripts', 'Makefile', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(repoRoot, f), join(clone, f), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'));
  symlinkSync(join(repoRoot, '.jmeter'), join(clone, '.jmeter'));
  await execa(process.execPath, [join(clone, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: clone });
}, 120_000);
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('bin/jtl.js never runs stale code', () => {
  it('an edited plan definition is what `jtl plans build` writes, without `npm run build`', async () => {
    editSource('src/plans/rest-api-baseline.ts', 'threads: 100, rampUpS: 60', 'threads: 120, rampUpS: 60');
    const out = join(clone, 'built-plans');
    const r = await jtl('plans', 'build', '--out', out);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stderr).toContain('src/ changed since dist/ was built: rebuilding');
    expect(readFileSync(join(out, 'rest_api_baseline.jmx'), 'utf8')).toContain('${__P(THREADS,120)}');
    const again = await jtl('--version');
    expect(again.stderr).toBe(''); // built once: the next call starts at once
  }, 120_000);

  it('`plans list` shows the figures of the definition as it is now', async () => {
    const r = await jtl('plans', 'list', '--json');
    expect(r.exitCode, r.all).toBe(0);
    const list = JSON.parse(r.stdout) as { name: string; defaults: { threads: number } }[];
    expect(list.find((p) => p.name === 'rest_api_baseline')?.defaults.threads).toBe(120);
  }, 120_000);

  it('`jtl run` refuses a plans/ file that drifted from its definition, and says how to fix it', async () => {
    const env = { ...process.env, JMETER_TOKEN: undefined, MCPGATEWAY_BEARER_TOKEN: undefined };
    const drifted = await execa(process.execPath, [join(clone, 'bin/jtl.js'), 'run', 'rest_api_baseline'], { cwd: clone, env, reject: false });
    expect(drifted.exitCode).toBe(2);
    expect(drifted.stderr).toContain('jtl: error PLAN_OUT_OF_DATE plans/rest_api_baseline.jmx differs from the plan definitions in src/plans: run `node bin/jtl.js plans build`');
    const byPath = await execa(process.execPath, [join(clone, 'bin/jtl.js'), 'run', 'plans/rest_api_baseline.jmx'], { cwd: clone, env, reject: false });
    expect(byPath.stderr).toContain('jtl: error PLAN_OUT_OF_DATE plans/rest_api_baseline.jmx differs'); // the catalogue's file, named by path
    expect((await jtl('plans', 'build')).exitCode).toBe(0);
    const fresh = await execa(process.execPath, [join(clone, 'bin/jtl.js'), 'run', 'rest_api_baseline'], { cwd: clone, env, reject: false });
    expect(fresh.stderr).toContain('CLI_MISSING_PROPERTY'); // past the freshness check: now it only lacks the token
  }, 120_000);

  it('the README\'s make target runs an edited definition: plans/ regenerated, then run', async () => {
    editSource('src/plans/rest-api-baseline.ts', 'rampUpS: 60, durationS: 600', 'rampUpS: 45, durationS: 600');
    const r = await execa('make', ['--no-print-directory', 'jmeter-quick', 'JMETER_EMBEDDED=1', 'JMETER_PROFILE=ci', 'JMETER_OPTS=-J DURATION=200'], {
      cwd: clone,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HEAP: '-Xms64m -Xmx256m' },
      extendEnv: false,
      reject: false,
      all: true,
    });
    expect(r.exitCode, r.all).toBe(0);
    expect(readFileSync(join(clone, 'plans', 'rest_api_baseline.jmx'), 'utf8')).toContain('${__P(RAMP_UP,45)}');
    const folder = join(clone, 'results', readlinkSync(join(clone, 'results', 'latest')));
    expect(readFileSync(join(folder, 'rest_api_baseline.jmx'), 'utf8')).toContain('${__P(RAMP_UP,45)}');
  }, 180_000);

  it('sources that do not compile stop the CLI (exit 2) and leave dist/ alone', async () => {
    editSource('src/cli/program.ts', 'export function buildProgram(): Command {', 'export function buildProgram(): Command {\n  const broken: number = "x";');
    const r = await jtl('--version');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/error TS2322/);
    expect(r.stderr).toContain('jtl: error CLI_BUILD_FAILED the sources do not compile');
    const second = await jtl('--version');
    expect(second.exitCode).toBe(2); // still refused: dist/ did not pass for fresh
  }, 120_000);
});
