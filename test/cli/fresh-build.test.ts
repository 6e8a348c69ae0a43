import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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
  for (const f of ['src', 'bin', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(join(repoRoot, f), join(clone, f), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'));
  await execa(process.execPath, [join(clone, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: clone });
}, 120_000);
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('bin/jtl.js never runs stale code', () => {
  it('an edited plan definition is what `jtl plans build` writes, without `npm run build`', async () => {
    editSource('src/plans/rest-api-baseline.ts', "prop('THREADS', 100)", "prop('THREADS', 120)");
    const out = join(clone, 'built-plans');
    const r = await jtl('plans', 'build', '--out', out);
    expect(r.exitCode, r.all).toBe(0);
    expect(r.stderr).toContain('src/ changed since dist/ was built: rebuilding');
    expect(readFileSync(join(out, 'rest_api_baseline.jmx'), 'utf8')).toContain('${__P(THREADS,120)}');
    const again = await jtl('--version');
    expect(again.stderr).toBe(''); // built once: the next call starts at once
  }, 120_000);

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
