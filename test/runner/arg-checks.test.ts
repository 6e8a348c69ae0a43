import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { checkLoadProperties } from '../../src/runner/load-checks.js';
import { formatProgressBar, formatProgressLine } from '../../src/output/progress-format.js';
import { runJtl } from './helpers.js';

const scratch = mkdtempSync(join(tmpdir(), 'jtl-arg-checks-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cli = (name: string, values: Record<string, string>) => [[name, new Map(Object.entries(values))] as const];

describe('load properties are checked before JMeter starts', () => {
  it.each([
    ['THREADS', '0', 'a positive whole number of threads'],
    ['PHASE3_THREADS', '2.5', 'a positive whole number of threads'],
    ['CONNECTIONS', '-1', 'a positive whole number of threads'],
    ['DURATION', '0', 'a positive number of seconds'],
    ['PEAK_HOLD', 'abc', 'a positive number of seconds'],
    ['TARGET_RPS', '0', 'a positive rate in requests per second'],
    ['PHASE1_RPS', '-5', 'a positive rate in requests per second'],
    ['MSG_PER_SEC', '', 'a positive rate in requests per second'],
    ['RAMP_UP', '-1', 'a number of seconds, 0 or more'],
    ['TIME_SCALE', '0', 'a positive factor (0.01 plays 100 s in 1 s)'],
  ])('%s=%s is refused, naming the property and where it came from', (name, value, expected) => {
    expect(() => checkLoadProperties(cli('-J', { [name]: value }))).toThrow(`-J: ${name}=${value}: expected ${expected}`);
  });

  it('accepts sensible values, a ramp-up of 0, and JMeter expressions it cannot judge', () => {
    expect(() => checkLoadProperties(cli('-J', { THREADS: '1', RAMP_UP: '0', DURATION: '0.5', TARGET_RPS: '0.1', TIME_SCALE: '0.01', MAX_THREADS: '${__P(X,5)}', GATEWAY_URL: 'x' }))).not.toThrow();
  });

  it('`jtl run -J THREADS=0` exits 2 at once with CLI_BAD_PROPERTY_VALUE, a profile file names itself', async () => {
    const r = await runJtl(['run', 'rest_api_baseline', '-J', 'THREADS=0', '--out', join(scratch, 'runs')], { PATH: process.env.PATH, JMETER_TOKEN: 'arg-check-token' });
    expect(r.exitCode, r.all).toBe(2);
    expect(r.stderr).toBe('jtl: error CLI_BAD_PROPERTY_VALUE command line (-J, --threads, --duration): THREADS=0: expected a positive whole number of threads');
  });
});

describe('jtl analyze refuses what it would silently misread', () => {
  const jtl = join(scratch, 'one.jtl');
  writeFileSync(jtl, 'timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes,grpThreads,allThreads,URL,Latency,IdleTime,Connect\n1700000000000,5,GET /x,200,OK,t 1-1,text,true,,10,10,1,1,http://x,4,0,1\n');

  it('--interval 0 says what it expects', async () => {
    const r = await runJtl(['analyze', jtl, '--interval', '0'], { PATH: process.env.PATH });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('jtl: error CLI_BAD_OPTION --interval 0: expected a positive whole number of milliseconds, e.g. --interval 5000');
  });

  it('--json with --csv is a conflict, not a silent pick', async () => {
    const r = await runJtl(['analyze', jtl, '--json', '--csv'], { PATH: process.env.PATH });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toBe('jtl: error CLI_CONFLICTING_OPTIONS --json and --csv both choose the output format: pass only one of them');
    expect(r.stdout).toBe('');
  });
});

describe('progress past the planned duration', () => {
  const p = { elapsedS: 7, plannedS: 5, samples: 40, errors: 0, ratePerS: 8, errorPct: 0, activeThreads: 2 };
  it('says how far over the plan the run is', () => {
    expect(formatProgressLine(p)).toBe('progress 00:07/00:05 (+00:02 over plan) samples=40 rate=8.0/s errors=0.00% active=2');
    expect(formatProgressBar(p, 4)).toBe('[####] 00:07/00:05 (+00:02 over plan)  8.0 req/s  err 0.00%  threads 2  samples 40');
    expect(formatProgressLine({ ...p, elapsedS: 5 })).toBe('progress 00:05/00:05 samples=40 rate=8.0/s errors=0.00% active=2');
  });
});
