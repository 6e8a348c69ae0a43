import { describe, expect, it } from 'vitest';

import { buildProgram } from '../../src/cli/program.js';

/** Parses argv with output captured; commander throws its CommanderError (exitOverride) instead of exiting. */
async function run(argv: readonly string[]): Promise<{ out: string; err: string; exitCode: number }> {
  const program = buildProgram();
  let out = '';
  let err = '';
  const capture = (c: typeof program) => {
    c.configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
    c.commands.forEach(capture);
  };
  capture(program);
  try {
    await program.parseAsync(['node', 'jtl', ...argv]);
    return { out, err, exitCode: 0 };
  } catch (e) {
    return { out, err, exitCode: (e as { exitCode?: number }).exitCode ?? -1 };
  }
}

describe('jtl --help', () => {
  it('lists every command', async () => {
    const r = await run(['--help']);
    expect(r.exitCode).toBe(0);
    for (const command of ['run', 'plans', 'target', 'analyze', 'gate']) expect(r.out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  });

  it.each([
    [['run', '--help'], ['--profile', '--embedded-target', '--remote', '--token-file', 'Exit codes']],
    [['plans', '--help'], ['list', 'build', 'check', 'lint']],
    [['target', '--help'], ['--latency', '--error-rate', '--stateful', '--token-file']],
    [['gate', '--help'], ['--sla', '--rule', '--junit', '--json', '--run-profile', 'Exit codes', 'GITHUB_STEP_SUMMARY']],
    [['run', '--help'], ['--sla', '--rule', '--abort-on-fail', '--junit']],
    [['analyze', '--help'], ['--jmeter-compat', '--statistics-json', '--percentiles', '--labels', '--from']],
  ])('jtl %j documents its options', async (argv, words) => {
    const r = await run(argv);
    expect(r.exitCode).toBe(0);
    for (const word of words) expect(r.out).toContain(word);
  });

  it('an unknown option is a usage error that names it', async () => {
    const r = await run(['analyze', 'x.jtl', '--bogus']);
    expect(r.exitCode).not.toBe(0);
    expect(r.err).toContain("unknown option '--bogus'");
  });
});
