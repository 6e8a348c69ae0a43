import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { healthPlan, runJtl, scratchDir } from './helpers.js';
import { startTarget, type RunningTarget } from '../../src/target/index.js';
import { closedPort, startLoopbackServer, type LoopbackServer } from './loopback-server.js';
import { commandLinesContaining, killProcessesMentioning } from './proc.js';

const scratch = scratchDir('jmeter');
const TOKEN = 'runner-secret-4f9a0c7e1b';
let target: LoopbackServer;
let gateway: RunningTarget;
beforeAll(async () => {
  target = await startLoopbackServer();
  gateway = await startTarget({ token: TOKEN, fastTimePort: null, fastTestPort: null });
});
// A failed assertion or a timeout must not leave a runner or JMeter running (they name the scratch folder).
afterEach(() => void killProcessesMentioning(scratch));
afterAll(async () => {
  await target.close();
  await gateway.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The real JMeter of the repo (JMETER_HOME or .jmeter), never a fake on PATH. */
const realEnv = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH,
  JMETER_HOME: process.env.JMETER_HOME,
  JMETER_TOKEN: TOKEN,
  ...extra,
});
const latestFolder = (out: string): string => join(out, readlinkSync(join(out, 'latest')));
const summaryOf = (folder: string) => JSON.parse(readFileSync(join(folder, 'summary.json'), 'utf8'));
const jtlRows = (folder: string): Record<string, string>[] =>
  parse(readFileSync(join(folder, 'results.jtl')), { columns: true, relax_column_count: false });

describe('jtl run with the real JMeter 5.6.3', () => {
  it('runs a catalogue plan against the embedded gateway; the token is in no file and no process argument', async () => {
    const out = join(scratch, 'ok');
    const run = runJtl(
      ['run', 'rest_api_baseline', '--profile', 'ci', '--out', out, '--gateway-url', gateway.url, '--threads', '2', '-J', 'DURATION=400'],
      realEnv(),
    );
    const seen = { jmeterProcesses: 0, withToken: [] as string[] };
    let done = false;
    void run.finally(() => (done = true));
    const watching = (async () => {
      while (!done) {
        seen.jmeterProcesses = Math.max(seen.jmeterProcesses, commandLinesContaining('ApacheJMeter.jar').length);
        seen.withToken.push(...commandLinesContaining(TOKEN));
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const r = await run;
    await watching;
    expect(r.exitCode, r.all).toBe(0);
    expect(seen.jmeterProcesses).toBeGreaterThan(0);
    expect(seen.withToken).toEqual([]);
    const folder = latestFolder(out);
    expect(readdirSync(folder).sort()).toEqual(['jmeter.log', 'report', 'rest_api_baseline.jmx', 'results.jtl', 'run.properties', 'summary.json']);
    expect(readdirSync(join(folder, 'report')).sort()).toEqual(['index.html', 'report.json']);
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f !== 'report')) {
      expect(readFileSync(join(folder, file), 'utf8'), file).not.toContain(TOKEN);
    }
    const rows = jtlRows(folder);
    expect(rows.length).toBeGreaterThan(10);
    // The gateway answers 401 without the right bearer token: no failed sample means the token reached JMeter.
    expect(summaryOf(folder)).toMatchObject({
      jmeter: { version: '5.6.3' },
      exit: { status: 'finished', exitCode: 0 },
      properties: { TOKEN: '<redacted>', DURATION: '400', THREADS: '2', TIME_SCALE: '0.01' },
      analysis: { samples: rows.length, errors: 0 },
    });
    // The planned end is the schedule's 4 s plus the seconds JMeter spent before its first sample; a slow stop can still run past it.
    expect(r.stderr).toMatch(/^progress \d\d:\d\d\/00:\d\d(?: \(\+\d\d:\d\d over plan\))?(?: phase=REST planned=100\.0\/s)? samples=\d+ rate=[\d.]+\/s errors=0\.00% active=\d+$/m);
  });

  it('Ctrl-C (SIGINT) stops JMeter with Shutdown; the JTL is complete and analyzed; exit 0', async () => {
    const out = join(scratch, 'sigint');
    const before = target.requests;
    const run = runJtl(['run', healthPlan, '--out', out, '--gateway-url', target.url, '--duration', '60', '--threads', '2'], realEnv());
    const started = Date.now();
    while (target.requests - before < 30 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 100));
    run.kill('SIGINT');
    const r = await run;
    expect(r.exitCode, r.all).toBe(0);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(r.stderr).toContain('stopping JMeter: Shutdown');
    const folder = latestFolder(out);
    const text = readFileSync(join(folder, 'results.jtl'), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const rows = jtlRows(folder);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(summaryOf(folder)).toMatchObject({
      exit: { status: 'stopped', stoppedWith: 'Shutdown', exitCode: 0 },
      analysis: { samples: rows.length },
    });
    expect(r.stdout).toMatch(new RegExp(`^Total +${rows.length} +0 +0\\.00% `, 'm'));
  });

  it('a dead target (closed port): every sample fails → exit 3 with a clear message; results still kept', async () => {
    const out = join(scratch, 'dead');
    const port = await closedPort();
    const r = await runJtl(['run', healthPlan, '--out', out, '--gateway-url', `http://127.0.0.1:${port}`, '--duration', '2'], realEnv());
    expect(r.exitCode, r.all).toBe(3);
    expect(r.stderr).toMatch(
      new RegExp(`jtl: error GATEWAY_UNREACHABLE (\\d+) of \\1 samples failed with .*Connection refused.*: is the gateway at http://127.0.0.1:${port} up\\?`),
    );
    expect(r.stderr).toMatch(/warning: error rate is 100.00%/);
    expect(summaryOf(latestFolder(out)).exit.status).toBe('finished');
  });
});

