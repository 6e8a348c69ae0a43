import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { registerPlansCommand } from '../../src/cli/commands/plans.js';
import { ToolkitError } from '../../src/errors.js';
import { plansDir } from '../../src/plans/paths.js';

/** Runs `jtl plans …` through commander with stdout captured. */
async function jtl(...argv: string[]): Promise<{ out: string; error?: unknown }> {
  const program = new Command('jtl').exitOverride();
  registerPlansCommand(program);
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  try {
    await program.parseAsync(['node', 'jtl', 'plans', ...argv]);
    return { out };
  } catch (error) {
    return { out, error };
  } finally {
    spy.mockRestore();
  }
}

const scratch: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratch.push(dir);
  return dir;
};
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('jtl plans', () => {
  it('list shows every plan with its defaults and required properties', async () => {
    const { out } = await jtl('list');
    expect(out).toMatch(/^rest_api_baseline\s+100\s+600s\s+1000\/s\s+TOKEN\s/m);
    expect(out).toMatch(/^stress_test\s.*\(phased\)/m);
    const json = JSON.parse((await jtl('list', '--json')).out) as { name: string }[];
    expect(json).toHaveLength(10);
  });

  it('build --out writes the plans and data; check passes on it and names the files that differ', async () => {
    const dir = tempDir('plans-cli-');
    expect((await jtl('build', '--out', dir)).out).toContain(`wrote 14 files to ${dir}`);
    expect(readFileSync(join(dir, 'rest_api_baseline.jmx'), 'utf8')).toBe(readFileSync(join(plansDir(), 'rest_api_baseline.jmx'), 'utf8'));
    expect((await jtl('check', '--dir', dir)).error).toBeUndefined();
    writeFileSync(join(dir, 'soak_test.jmx'), 'edited by hand');
    const { error } = await jtl('check', '--dir', dir);
    expect(error).toBeInstanceOf(ToolkitError);
    expect((error as ToolkitError).code).toBe('PLAN_OUT_OF_DATE');
    expect((error as ToolkitError).message).toBe(`1 file(s) differ from the definitions, run \`jtl plans build\`: ${join(dir, 'soak_test.jmx')}`);
  });

  it('check fails on a file the definitions do not produce (a leftover plans/old_plan.jmx), and on a missing one', async () => {
    const dir = tempDir('plans-extra-');
    await jtl('build', '--out', dir);
    writeFileSync(join(dir, 'old_plan.jmx'), readFileSync(join(dir, 'soak_test.jmx')));
    mkdirSync(join(dir, 'data', 'old'));
    writeFileSync(join(dir, 'data', 'old', 'users.csv'), 'a\n');
    const extra = (await jtl('check', '--dir', dir)).error as ToolkitError;
    expect(extra).toBeInstanceOf(ToolkitError);
    expect(extra.code).toBe('PLAN_EXTRA_FILES');
    expect(extra.message).toBe(
      `2 file(s) in ${dir} are not produced by the definitions: ${join(dir, 'data/old/users.csv')}, ${join(dir, 'old_plan.jmx')}; delete them (or define the plan in src/plans)`,
    );
    unlinkSync(join(dir, 'old_plan.jmx'));
    rmSync(join(dir, 'data', 'old'), { recursive: true });
    expect((await jtl('check', '--dir', dir)).error).toBeUndefined();
    unlinkSync(join(dir, 'PROPERTIES.md'));
    const missing = (await jtl('check', '--dir', dir)).error as ToolkitError;
    expect(missing.code).toBe('PLAN_OUT_OF_DATE');
    expect(missing.message).toBe(`1 file(s) differ from the definitions, run \`jtl plans build\`: ${join(dir, 'PROPERTIES.md')}`);
  });

  it('lint prints findings with element paths and fails; clean plans pass', async () => {
    const dir = tempDir('plans-lint-');
    const bad = join(dir, 'bad.jmx');
    writeFileSync(bad, readFileSync(join(plansDir(), 'rest_api_baseline.jmx'), 'utf8').replace('${GW_API_PATH}/tools<', '${__javaScript(1)}/tools<'));
    const r = await jtl('lint', join(plansDir(), 'websocket_baseline.jmx'), bad);
    expect(r.out).toContain('websocket_baseline.jmx: ok');
    expect(r.out).toContain(`${bad}: TestPlan/ThreadGroup[REST mix]/ThroughputController[share /tools]/HTTPSamplerProxy[GET /tools]: per-request-script`);
    expect((r.error as ToolkitError).code).toBe('PLAN_LINT_FAILED');
    expect((await jtl('lint', join(dir, 'missing.jmx'))).error).toMatchObject({ code: 'PLAN_FILE_UNREADABLE' });
  });
});
