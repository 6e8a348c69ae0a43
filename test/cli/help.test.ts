import { afterEach, describe, expect, it, vi } from 'vitest';

import { main } from '../../src/cli/main.js';
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
    [['target', '--help'], ['--latency', '--error-rate', '--stateful', '--token-file', '--profile', '--set']],
    [['gate', '--help'], ['--sla', '--rule', '--junit', '--json', '--run-profile', 'Exit codes', 'GITHUB_STEP_SUMMARY']],
    [['run', '--help'], ['--sla', '--rule', '--abort-on-fail', '--junit']],
    [['analyze', '--help'], ['--jmeter-compat', '--statistics-json', '--percentiles', '--labels', '--from']],
  ])('jtl %j documents its options', async (argv, words) => {
    const r = await run(argv);
    expect(r.exitCode).toBe(0);
    for (const word of words) expect(r.out).toContain(word);
  });

  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('an unknown option is a usage error that names it: exit 2, as documented', async () => {
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
    await main(['node', 'jtl', 'analyze', 'x.jtl', '--bogus']);
    expect(process.exitCode).toBe(2);
    expect(err).toBe("error: unknown option '--bogus'\n(run with --help for usage)\n");
  });

  it('--help is exit 0 through the entry point too', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await main(['node', 'jtl', '--help']);
    expect(process.exitCode).toBe(0);
  });
});
