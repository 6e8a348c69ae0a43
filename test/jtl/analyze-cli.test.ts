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
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^label\s+samples\s+errors\s+error %\s+mean\s+min\s+p50\s+p90\s+p95\s+p99\s+max/);
    expect(lines.find((l) => l.startsWith('GET /a'))).toMatch(/^GET \/a\s+2\s+1\s+50\.00%\s+200\s+100\s+200\s+300/);
    expect(lines.find((l) => l.startsWith('Total'))).toMatch(/^Total\s+4\s+1\s+25\.00%\s+130\s+50\s/);
    expect(r.stdout).toContain('top errors: 1× 500/Server Error');
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
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    expect(r.stdout).toContain('99.9');
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
    expect(r.stdout).toContain('GET /a; b,false,2,0,0,200');
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
