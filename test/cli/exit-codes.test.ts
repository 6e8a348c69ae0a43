import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { JtlError } from '../../src/errors.js';

/**
 * A bug of ours (here: the analyzer throwing a TypeError) is exit 4 "internal error, please report", on one line;
 * `--debug` or JTL_DEBUG=1 add the stack. Bad input stays exit 2 and a failed tool exit 3.
 */
const analyzerFault = vi.hoisted(() => ({ error: undefined as Error | undefined }));
vi.mock('../../src/jtl/analyze.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/jtl/analyze.js')>();
  return {
    ...real,
    analyzeJtl: (...args: Parameters<typeof real.analyzeJtl>) => (analyzerFault.error ? Promise.reject(analyzerFault.error) : real.analyzeJtl(...args)),
  };
});
const { main } = await import('../../src/cli/main.js');

const repo = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'jtl-test-exit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const jtl = join(scratch, 'results.jtl');
writeFileSync(jtl, 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n1700000000000,12,GET /health,200,OK,tg 1-1,text,true,,100,50,1,1,http://127.0.0.1/health,10,0,2\n');

let stderr = '';
beforeEach(() => {
  stderr = '';
  process.exitCode = undefined;
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  analyzerFault.error = undefined;
  process.exitCode = undefined;
});

const BUG = new TypeError("Cannot read properties of undefined (reading 'count')");
const jtlCli = async (...args: string[]): Promise<number | undefined> => {
  await main(['node', 'jtl', ...args]);
  const code = process.exitCode;
  process.exitCode = undefined;
  return code === undefined ? undefined : Number(code);
};

describe('exit codes and --debug', () => {
  it('an analyzer bug in `jtl analyze`: exit 4, one line, no stack', async () => {
    analyzerFault.error = BUG;
    expect(await jtlCli('analyze', jtl)).toBe(4);
    expect(stderr).toBe("jtl: internal error, please report: Cannot read properties of undefined (reading 'count')\n");
  });

  it('--debug adds the stack', async () => {
    analyzerFault.error = BUG;
    expect(await jtlCli('--debug', 'analyze', jtl)).toBe(4);
    const [head, ...stack] = stderr.trimEnd().split('\n');
    expect(head).toBe("jtl: internal error, please report: Cannot read properties of undefined (reading 'count')");
    expect(stack[0]).toBe("TypeError: Cannot read properties of undefined (reading 'count')");
    expect(stack.slice(1).every((line) => /^\s+at /.test(line))).toBe(true);
    expect(stack.length).toBeGreaterThan(1);
  });

  it('JTL_DEBUG=1 adds the stack too, also to a ToolkitError (still exit 2)', async () => {
    vi.stubEnv('JTL_DEBUG', '1');
    analyzerFault.error = new JtlError('JTL_NO_SAMPLES', `${jtl}: no samples`);
    expect(await jtlCli('analyze', jtl)).toBe(2);
    const [head, second] = stderr.split('\n');
    expect(head).toBe(`jtl: error JTL_NO_SAMPLES ${jtl}: no samples`);
    expect(second).toBe(`JtlError: ${jtl}: no samples`);
  });

  it('JTL_DEBUG other than 1 adds nothing', async () => {
    vi.stubEnv('JTL_DEBUG', '0');
    analyzerFault.error = BUG;
    expect(await jtlCli('analyze', jtl)).toBe(4);
    expect(stderr.split('\n')).toHaveLength(2);
  });

  it('an analyzer bug after a JMeter run: exit 4 (a bug), not 3 (a JMeter failure)', async () => {
    // The fake JMeter of test/fixtures (bin/jmeter) writes a 3-row JTL; then the analyzer "crashes".
    vi.stubEnv('JMETER_HOME', join(repo, 'test/fixtures'));
    vi.stubEnv('FAKE_JMETER', 'ok');
    analyzerFault.error = BUG;
    const out = join(scratch, 'runs');
    expect(await jtlCli('run', join(repo, 'test/fixtures/runner/health.jmx'), '--out', out, '--gateway-url', 'http://127.0.0.1:9')).toBe(4);
    expect(stderr).toMatch(/^running health with JMeter /);
    expect(stderr.endsWith("\njtl: internal error, please report: Cannot read properties of undefined (reading 'count')\n")).toBe(true);
  });
});
