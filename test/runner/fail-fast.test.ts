import { readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runJtl, scratchDir } from './helpers.js';
import { closedPort } from './loopback-server.js';
import { startTarget, type RunningTarget } from '../../src/target/index.js';

const scratch = scratchDir('fail-fast');
const TOKEN = 'fail-fast-token-7d21c9';
let gateway: RunningTarget;
beforeAll(async () => (gateway = await startTarget({ token: TOKEN, fastTimePort: null, fastTestPort: null })));
afterAll(async () => {
  await gateway.close();
  rmSync(scratch, { recursive: true, force: true });
});

const env = (token: string) => ({ PATH: process.env.PATH, JMETER_HOME: process.env.JMETER_HOME, JMETER_TOKEN: token });
const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, readlinkSync(join(out, 'latest')), 'summary.json'), 'utf8'));
/** The ci profile with a 10-minute DURATION (TIME_SCALE 0.01 × 60000 s): only the fail-fast check can end these runs early. */
const LONG = ['--profile', 'ci', '-J', 'DURATION=60000', '--fail-fast', '3'];

describe('a run that cannot measure the gateway stops early and exits 3 with the cause and the fix', () => {
  it('a dead gateway URL: stopped after the first seconds, not after 10 minutes', async () => {
    const out = join(scratch, 'dead');
    const port = await closedPort();
    const started = Date.now();
    const r = await runJtl(['run', 'rest_api_baseline', ...LONG, '--out', out, '--gateway-url', `http://127.0.0.1:${port}`], env(TOKEN));
    expect(r.exitCode, r.all).toBe(3);
    expect(Date.now() - started).toBeLessThan(90_000);
    expect(r.stderr).toMatch(new RegExp(`jtl: error GATEWAY_UNREACHABLE \\d+ of \\d+ samples failed with .*Connection refused.*: is the gateway at http://127.0.0.1:${port} up\\?`));
    // Decided on the JTL rows when JMeter has flushed some by then, else on the summariser's counts.
    expect(r.stderr).toMatch(/stopping the run: (the first 3 s measured nothing|every one of the \d+ samples of the first 3 s failed)/);
    expect(summaryOf(out).exit.status).toBe('stopped');
  }, 120_000);

  it('a refused token: most samples 401 while /health answers → stopped, "the token was refused"', async () => {
    const out = join(scratch, 'token');
    const r = await runJtl(['run', 'rest_api_baseline', ...LONG, '--out', out, '--gateway-url', gateway.url], env('not-the-token-0000'));
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toMatch(/jtl: error GATEWAY_TOKEN_REFUSED \d+ of \d+ samples failed with 401 .*: the token was refused by the gateway at http:\/\/127\.0\.0\.1:\d+: set JMETER_TOKEN/);
    const summary = summaryOf(out);
    expect(summary.exit.status).toBe('stopped');
    expect(summary.analysis.errors).toBeLessThan(summary.analysis.samples); // /health passed: not "every sample failed"
  }, 120_000);

  it('an unknown server id: the readiness check stops the test (2 samples, 1 failed) → exit 3, not 0', async () => {
    const out = join(scratch, 'server-id');
    const wrong = '00000000000000000000000000000000';
    const r = await runJtl(['run', 'mcp_jsonrpc_baseline', '--profile', 'ci', '--out', out, '--gateway-url', gateway.url, '--server-id', wrong], env(TOKEN));
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`jtl: error GATEWAY_SERVER_NOT_FOUND the readiness check stopped the test: "setUp [^"]+" got 404 .*no virtual server ${wrong} on the gateway`));
    expect(r.stderr).toContain('check JMETER_SERVER_ID / --server-id');
  }, 120_000);

  it('an unknown server id in load_test (no readiness check, 40 % of samples are MCP): exit 3, not 0 with 40 % failed', async () => {
    const out = join(scratch, 'load-server-id');
    const wrong = '11111111111111111111111111111111';
    const r = await runJtl(['run', 'load_test', '--profile', 'ci', '--out', out, '--gateway-url', gateway.url, '--server-id', wrong], env(TOKEN));
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toMatch(new RegExp(`jtl: error GATEWAY_SERVER_NOT_FOUND (\\d+) of \\1 samples addressed to the virtual server failed with 404 .*no virtual server ${wrong}`));
  }, 120_000);
});
