import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';

import { HEADER } from './generate.js';

const dir = mkdtempSync(join(tmpdir(), 'jtl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const main = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const row = (ts: number, elapsed: number, label: string, ok = true) =>
  `${ts},${elapsed},${label},${ok ? 200 : 500},${ok ? 'OK' : 'Server Error'},tg 1-1,text,${ok},,100,50,1,1,null,${elapsed},0,1`;

/** The real `jtl` entry point in a child process: stdout, stderr and the exit code a shell sees. */
const jtl = (...args: string[]) =>
  execa(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `import { main } from ${JSON.stringify(main)}; await main(process.argv);`, 'jtl', ...args], { reject: false });

const jtlFile = (name: string, lines: readonly string[]) => {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + (lines.length > 0 ? '\n' : ''));
  return path;
};

describe('jtl analyze (CLI end to end)', () => {
  const samples = jtlFile('ok.jtl', [HEADER, row(1000, 100, 'GET /a'), row(1100, 300, 'GET /a', false), row(1200, 50, 'POST /b'), row(1300, 70, 'POST /b')]);

  it('prints a table with a row per label and Total, exit 0', async () => {
    const r = await jtl('analyze', samples);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'label    samples  errors  error %  mean  min  p50  p90  p95  p99  max  req/s  apdex',
      'GET /a         2       1   50.00%   200  100  200  300  300  300  300    5.0  0.500',
      'POST /b        2       0    0.00%    60   50   60   70   70   70   70   11.8  1.000',
      '-----------------------------------------------------------------------------------',
      'Total          4       1   25.00%   130   50   85  300  300  300  300   10.0  0.750',
      `times in ms; percentiles exact over all samples; ${samples}`,
      'top errors: 1× 500/Server Error',
    ]);
  });

  it('--statistics-json with --labels: only the matching label, in the dashboard layout', async () => {
    const r = await jtl('analyze', samples, '--statistics-json', '--labels', '^POST');
    expect(r.exitCode).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, { sampleCount: number; meanResTime: number; medianResTime: number }>;
    expect(Object.keys(json).sort()).toEqual(['POST /b', 'Total']);
    expect(json.Total).toMatchObject({ sampleCount: 2, meanResTime: 60, medianResTime: 60 });
  });

  it('--csv: a header and one line per label and Total', async () => {
    const r = await jtl('analyze', samples, '--csv', '--percentiles', '50,99.9');
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'label,transaction,samples,errors,errorPct,mean,min,max,stdDev,p50,p99.9,throughput,receivedKBps,sentKBps,apdex',
      'GET /a,false,2,1,50,200,100,300,100,200,300,5,0.48828125,0.244140625,0.5',
      'POST /b,false,2,0,0,60,50,70,10,60,70,11.76470588235294,1.1488970588235294,0.5744485294117647,1',
      // Total's p50 interpolates between 70 and 100 (commons-math LEGACY); stdDev is the population's.
      'Total,false,4,1,25,130,50,300,99.74968671630002,85,300,10,0.9765625,0.48828125,0.75',
    ]);
  });

  it('an empty file: one JTL_NO_SAMPLES line naming the file, exit 2, no stack', async () => {
    const empty = jtlFile('empty.jtl', []);
    const r = await jtl('analyze', empty);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim()).toBe(`jtl: error JTL_NO_SAMPLES ${empty}: no samples`);
  });

  it('a bad option value is a usage error (exit 2)', async () => {
    const r = await jtl('analyze', samples, '--percentiles', '90,abc');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('CLI_BAD_OPTION --percentiles 90,abc');
  });

  it('--delimiter, --quote, --encoding reach the reader; bad values are usage errors', async () => {
    const semi = jtlFile('semi.jtl', [HEADER, row(1000, 100, "'GET /a; b'"), row(1100, 300, "'GET /a; b'")].map((l) => l.replaceAll(',', ';')));
    const r = await jtl('analyze', semi, '--delimiter', ';', '--quote', "'", '--encoding', 'utf8', '--csv');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/^GET \/a; b,false,2,0,0,200,100,300,100,/);
    for (const [option, value] of [['--quote', "''"], ['--encoding', 'klingon'], ['--escape', '']]) {
      const bad = await jtl('analyze', semi, option!, value!);
      expect(bad.exitCode).toBe(2);
      expect(bad.stderr).toContain(`CLI_BAD_OPTION ${option}`);
    }
  });

  it('a malformed record: figures from the others, a warning with its line', async () => {
    const bad = jtlFile('bad.jtl', [HEADER, row(1000, 10, 'x'), '1001,12,x,200', row(1002, 30, 'x')]);
    const r = await jtl('analyze', bad, '--statistics-json');
    expect(r.exitCode).toBe(0);
    expect((JSON.parse(r.stdout) as Record<string, { sampleCount: number }>).Total!.sampleCount).toBe(2);
    expect(r.stderr).toContain(`${bad}:3 (4 fields, expected 17)`);
  });
});
